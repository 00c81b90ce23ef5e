package org.rehabnet.aftercare.site;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.intake.SiteConfigured;
import org.rehabnet.platform.events.intake.SiteSettings;

class SitePolicyTest {

  static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
  static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
  final SitePolicy south = new SitePolicy("south", CHICAGO, SiteSettings.Aftercare.defaults(), true);

  @Test
  void halfPastElevenAtNightInChicagoIsStillThatDayThoughItIsTheNextDayInUtc() {
    Instant lateEvening = Instant.parse("2026-06-10T04:30:00Z"); // 23:30 CDT on 9 June

    assertThat(south.dateOf(lateEvening)).isEqualTo(LocalDate.of(2026, 6, 9));
    assertThat(LocalDate.ofInstant(lateEvening, ZoneOffset.UTC)).isEqualTo(LocalDate.of(2026, 6, 10));
  }

  @Test
  void halfPastMidnightInChicagoIsTheNewDay() {
    Instant justAfterMidnight = Instant.parse("2026-06-10T05:30:00Z"); // 00:30 CDT on 10 June

    assertThat(south.today(Clock.fixed(justAfterMidnight, ZoneOffset.UTC))).isEqualTo(LocalDate.of(2026, 6, 10));
  }

  @Test
  void localMidnightMovesWithDaylightSavingTime() {
    // In January Chicago is UTC-6: 05:30 UTC is still 23:30 the evening before.
    assertThat(south.dateOf(Instant.parse("2026-01-15T05:30:00Z"))).isEqualTo(LocalDate.of(2026, 1, 14));
    assertThat(south.dateOf(Instant.parse("2026-01-15T06:30:00Z"))).isEqualTo(LocalDate.of(2026, 1, 15));
  }

  @Test
  void aSiteNotYetAnnouncedGetsTheDefaultsCountedInUtcAndSaysSo() {
    SitePolicy assumed = SitePolicy.assumed("east");

    assertThat(assumed.received()).isFalse();
    assertThat(assumed.zone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(assumed.aftercare()).isEqualTo(SiteSettings.Aftercare.defaults());
    assertThat(assumed.aftercare().urgentOutreachWithin()).isEqualTo(Duration.ofHours(1));
    assertThat(assumed.aftercare().relapseOutreachWithin()).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void anAnnouncementWithTheDefaultsIsApplied() {
    assertThat(SiteSettingsEventHandler.problems(announcement("America/Chicago", SiteSettings.Aftercare.defaults()),
        VALIDATOR)).isEmpty();
  }

  @Test
  void anAnnouncementWithAnUnknownTimeZoneIsRefused() {
    assertThat(SiteSettingsEventHandler.problems(announcement("America/Springfield",
        SiteSettings.Aftercare.defaults()), VALIDATOR)).containsExactly("timeZone is not an IANA zone");
    assertThat(SiteSettingsEventHandler.problems(announcement("CST-6CDT-nonsense",
        SiteSettings.Aftercare.defaults()), VALIDATOR)).isNotEmpty();
  }

  @Test
  void aCadenceThatNeverMovesForwardIsRefused() {
    SiteSettings.Aftercare zeroWeeks = new SiteSettings.Aftercare(Period.ZERO, Period.ofMonths(1),
        Period.ofMonths(1), Period.ofYears(1), Period.ofMonths(3), Duration.ofHours(24), Duration.ofHours(1));
    SiteSettings.Aftercare backwards = new SiteSettings.Aftercare(Period.ofWeeks(1), Period.ofMonths(1),
        Period.ofMonths(-1), Period.ofYears(1), Period.ofMonths(3), Duration.ofHours(24), Duration.ofHours(1));

    assertThat(SiteSettingsEventHandler.problems(announcement("UTC", zeroWeeks), VALIDATOR))
        .containsExactly("settings.aftercare has a check-in period that does not move forward");
    assertThat(SiteSettingsEventHandler.problems(announcement("UTC", backwards), VALIDATOR)).isNotEmpty();
  }

  @Test
  void anEarlyPhaseThatDoesNotEndBeforeTheMiddlePhaseIsRefused() {
    SiteSettings.Aftercare overlapping = new SiteSettings.Aftercare(Period.ofWeeks(1), Period.ofYears(1),
        Period.ofMonths(1), Period.ofYears(1), Period.ofMonths(3), Duration.ofHours(24), Duration.ofHours(1));

    assertThat(SiteSettingsEventHandler.problems(announcement("UTC", overlapping), VALIDATOR))
        .containsExactly("settings.aftercare.earlyPhase must end before middlePhase");
  }

  @Test
  void anOutreachWindowOfNothingIsRefused() {
    SiteSettings.Aftercare never = new SiteSettings.Aftercare(Period.ofWeeks(1), Period.ofMonths(1),
        Period.ofMonths(1), Period.ofYears(1), Period.ofMonths(3), Duration.ofHours(24), Duration.ZERO);

    assertThat(SiteSettingsEventHandler.problems(announcement("UTC", never), VALIDATOR))
        .containsExactly("settings.aftercare has an outreach window that is not positive");
  }

  @Test
  void aMissingSettingIsRefusedByItsBeanValidation() {
    SiteSettings.Aftercare missing = new SiteSettings.Aftercare(Period.ofWeeks(1), Period.ofMonths(1),
        Period.ofMonths(1), Period.ofYears(1), Period.ofMonths(3), null, Duration.ofHours(1));

    assertThat(SiteSettingsEventHandler.problems(announcement("UTC", missing), VALIDATOR))
        .containsExactly("settings.aftercare.relapseOutreachWithin must not be null");
  }

  static SiteConfigured announcement(String zone, SiteSettings.Aftercare aftercare) {
    SiteSettings defaults = SiteSettings.defaults();
    return new SiteConfigured(new EventMetadata(UUID.randomUUID(), Instant.now(), 2, null), "south", "South", zone,
        false, new SiteSettings(defaults.detoxLength(), defaults.reassessment(), defaults.buprenorphine(),
            defaults.methadone(), defaults.holds(), defaults.alerts(), aftercare), "admin-south", Instant.now());
  }
}
