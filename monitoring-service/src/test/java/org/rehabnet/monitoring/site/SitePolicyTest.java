package org.rehabnet.monitoring.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rehabnet.platform.events.intake.SiteSettings;

/** Treatment days and the episode's day n are calendar days at the site, not 24-hour windows. */
class SitePolicyTest {

  static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
  final SitePolicy south = new SitePolicy("south", "South", CHICAGO, false, SiteSettings.defaults(), 1, "system",
      Instant.EPOCH);

  static Instant chicago(String local) {
    return LocalDateTime.parse(local).atZone(CHICAGO).toInstant();
  }

  @ParameterizedTest
  @CsvSource({"2026-02-02T23:59, 1", "2026-02-03T00:00, 2", "2026-02-03T23:59, 2", "2026-02-04T00:00, 3"})
  void dayOneIsTheCalendarDateOfTheFirstEventAtTheSite(String local, int day) {
    assertThat(south.dayNumber(chicago("2026-02-02T22:00"), chicago(local))).isEqualTo(day);
  }

  @Test
  void aLateEveningAdmissionIsOnItsSecondDayTwoHoursLater() {
    Instant admitted = chicago("2026-02-02T23:00");
    assertThat(south.dayNumber(admitted, admitted.plusSeconds(2 * 3600))).isEqualTo(2);
  }

  @Test
  void theSameInstantsInUtcWouldCountDifferently() {
    // 23:00 and 01:00 in Chicago are 05:00 and 07:00 UTC, the same UTC date.
    SitePolicy utc = SitePolicy.displayDefaults("nowhere");
    Instant evening = chicago("2026-02-02T23:00");
    assertThat(utc.zone()).isEqualTo(ZoneOffset.UTC);
    assertThat(utc.dayNumber(evening, evening.plusSeconds(2 * 3600))).isEqualTo(1);
    assertThat(south.dayNumber(evening, evening.plusSeconds(2 * 3600))).isEqualTo(2);
  }

  @Test
  void displayDefaultsAreTheReferenceDefaultsAndNeverAnOtp() {
    SitePolicy fallback = SitePolicy.displayDefaults("nowhere");
    assertThat(fallback.settings()).isEqualTo(SiteSettings.defaults());
    assertThat(fallback.otpCertified()).isFalse();
  }
}
