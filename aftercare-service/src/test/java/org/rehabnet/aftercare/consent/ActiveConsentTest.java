package org.rehabnet.aftercare.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ActiveConsentTest {

  final Instant granted = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void isActiveUntilItExpires() {
    ActiveConsent consent = consent(Instant.parse("2026-06-01T00:00:00Z"), null);
    assertThat(consent.isActiveAt(Instant.parse("2026-05-31T23:59:59Z"))).isTrue();
    assertThat(consent.isActiveAt(Instant.parse("2026-06-01T00:00:00Z"))).isFalse();
  }

  @Test
  void stopsAtRevocation() {
    ActiveConsent consent = consent(null, Instant.parse("2026-03-01T12:00:00Z"));
    assertThat(consent.isActiveAt(Instant.parse("2026-03-01T11:59:59Z"))).isTrue();
    assertThat(consent.isActiveAt(Instant.parse("2026-03-01T12:00:00Z"))).isFalse();
  }

  @Test
  void coversOnlyItsRecipientPurposeAndCategories() {
    ActiveConsent consent = consent(null, null);
    assertThat(consent.covers("sober-house", "ATTENDANCE", "RECOVERY_SUPPORT")).isTrue();
    assertThat(consent.covers("other-org", "ATTENDANCE", "RECOVERY_SUPPORT")).isFalse();
    assertThat(consent.covers("sober-house", "MEDICATION", "RECOVERY_SUPPORT")).isFalse();
    assertThat(consent.covers("sober-house", "ATTENDANCE", "HOUSING")).isFalse();
  }

  private ActiveConsent consent(@Nullable Instant expiresAt, @Nullable Instant revokedAt) {
    return new ActiveConsent(UUID.randomUUID(), UUID.randomUUID(), "north", "PARTNER_ORGANISATION", "sober-house",
        "RECOVERY_SUPPORT", Set.of("ATTENDANCE", "DEMOGRAPHICS"), LocalDate.of(2025, 12, 31), expiresAt, granted,
        revokedAt);
  }
}
