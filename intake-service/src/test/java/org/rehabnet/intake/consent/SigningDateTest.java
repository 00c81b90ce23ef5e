package org.rehabnet.intake.consent;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.rehabnet.platform.web.problem.InvalidField;

class SigningDateTest {

  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
  private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
  /** 23:30 on 1 March in Chicago; already 2 March in UTC. */
  private static final Instant LATE_EVENING_IN_CHICAGO = Instant.parse("2026-03-02T05:30:00Z");

  @Test
  void aConsentSignedTodayAtTheSiteIsTaken() {
    assertThatCode(() -> SigningDate.check(LocalDate.of(2026, 3, 1), LATE_EVENING_IN_CHICAGO, CHICAGO))
        .doesNotThrowAnyException();
  }

  @Test
  void aConsentDatedTomorrowAtTheSiteIsRefusedThoughItIsTodayInUtc() {
    assertThatThrownBy(() -> SigningDate.check(LocalDate.of(2026, 3, 2), LATE_EVENING_IN_CHICAGO, CHICAGO))
        .isInstanceOf(InvalidField.class).hasMessageStartingWith("signedOn:");
  }

  @Test
  void aConsentSignedThisMorningInKolkataIsTakenThoughItIsStillYesterdayInUtc() {
    // 01:30 on 2 March in Kolkata is 20:00 on 1 March in UTC.
    Instant earlyMorningInKolkata = Instant.parse("2026-03-01T20:00:00Z");

    assertThatCode(() -> SigningDate.check(LocalDate.of(2026, 3, 2), earlyMorningInKolkata, KOLKATA))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> SigningDate.check(LocalDate.of(2026, 3, 3), earlyMorningInKolkata, KOLKATA))
        .isInstanceOf(InvalidField.class);
  }

  @Test
  void aConsentSignedLastYearIsTaken() {
    assertThatCode(() -> SigningDate.check(LocalDate.of(2025, 3, 1), LATE_EVENING_IN_CHICAGO, CHICAGO))
        .doesNotThrowAnyException();
  }
}
