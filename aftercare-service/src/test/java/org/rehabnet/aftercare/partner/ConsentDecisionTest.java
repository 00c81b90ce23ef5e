package org.rehabnet.aftercare.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rehabnet.aftercare.partner.PartnerFixtures.GRANTED;
import static org.rehabnet.aftercare.partner.PartnerFixtures.consent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rehabnet.aftercare.consent.ActiveConsent;

class ConsentDecisionTest {

  static final String HARBOR = "harbor-house";
  static final Instant NOW = GRANTED.plus(Duration.ofDays(10));

  @Test
  void allowsAnActiveConsentNamingThePartnerCategoryAndPurpose() {
    ActiveConsent consent = consent(HARBOR, Set.of("AFTERCARE_PLAN", "DEMOGRAPHICS"), "RECOVERY_SUPPORT", null, null);

    ConsentDecision decision = ConsentDecision.decide(List.of(consent), HARBOR, DataCategory.AFTERCARE_PLAN,
        PurposeOfUse.RECOVERY_SUPPORT, NOW);

    assertThat(decision.allowed()).isTrue();
    assertThat(decision.consent()).isEqualTo(consent);
  }

  @Test
  void refusesWithoutAnyConsent() {
    assertThat(ConsentDecision.decide(List.of(), HARBOR, DataCategory.DEMOGRAPHICS, PurposeOfUse.TREATMENT, NOW))
        .satisfies(d -> {
          assertThat(d.allowed()).isFalse();
          assertThat(d.reason()).isEqualTo("no consent names partner harbor-house");
        });
  }

  @Test
  void refusesAnotherPartnersConsent() {
    ActiveConsent consent = consent(HARBOR, Set.of("AFTERCARE_PLAN"), "RECOVERY_SUPPORT", null, null);

    ConsentDecision decision = ConsentDecision.decide(List.of(consent), "lighthouse-recovery",
        DataCategory.AFTERCARE_PLAN, PurposeOfUse.RECOVERY_SUPPORT, NOW);

    assertThat(decision.allowed()).isFalse();
    assertThat(decision.reason()).isEqualTo("no consent names partner lighthouse-recovery");
    assertThat(decision.refusal()).as("the refusal count's reason").isEqualTo(ConsentDecision.Refusal.NO_CONSENT_FOR_PARTNER);
  }

  @Test
  void refusesTreatingStaffConsentWithThePartnersCode() {
    ActiveConsent staff = new ActiveConsent(java.util.UUID.randomUUID(), PartnerFixtures.PATIENT, "north",
        "TREATING_STAFF", HARBOR, "TREATMENT", Set.of("MEDICATION"), java.time.LocalDate.of(2026, 10, 1), null,
        GRANTED, null);

    assertThat(ConsentDecision.decide(List.of(staff), HARBOR, DataCategory.MEDICATION, PurposeOfUse.TREATMENT, NOW)
        .allowed()).isFalse();
  }

  @Test
  void refusesACategoryTheConsentDoesNotName() {
    ActiveConsent consent = consent(HARBOR, Set.of("ATTENDANCE", "DEMOGRAPHICS"), "RECOVERY_SUPPORT", null, null);

    ConsentDecision decision = ConsentDecision.decide(List.of(consent), HARBOR, DataCategory.MEDICATION,
        PurposeOfUse.RECOVERY_SUPPORT, NOW);

    assertThat(decision.allowed()).isFalse();
    assertThat(decision.reason()).isEqualTo("no consent names category MEDICATION");
    assertThat(decision.refusal()).as("the refusal count's reason").isEqualTo(ConsentDecision.Refusal.NO_CONSENT_FOR_CATEGORY);
  }

  @Test
  void refusesAPurposeTheConsentDoesNotName() {
    ActiveConsent consent = consent(HARBOR, Set.of("AFTERCARE_PLAN"), "RECOVERY_SUPPORT", null, null);

    ConsentDecision decision = ConsentDecision.decide(List.of(consent), HARBOR, DataCategory.AFTERCARE_PLAN,
        PurposeOfUse.HOUSING, NOW);

    assertThat(decision.allowed()).isFalse();
    assertThat(decision.reason()).isEqualTo("no consent for category AFTERCARE_PLAN names purpose HOUSING");
    assertThat(decision.refusal()).as("the refusal count's reason").isEqualTo(ConsentDecision.Refusal.NO_CONSENT_FOR_PURPOSE);
  }

  @Test
  void anExpiringConsentAllowsUntilTheInstantBeforeItsExpiryAndRefusesAtIt() {
    Instant expiresAt = NOW.plusSeconds(60);
    ActiveConsent consent = consent(HARBOR, Set.of("AFTERCARE_PLAN"), "RECOVERY_SUPPORT", expiresAt, null);

    assertThat(ConsentDecision.decide(List.of(consent), HARBOR, DataCategory.AFTERCARE_PLAN,
        PurposeOfUse.RECOVERY_SUPPORT, expiresAt.minusMillis(1)).allowed()).isTrue();
    ConsentDecision atExpiry = ConsentDecision.decide(List.of(consent), HARBOR, DataCategory.AFTERCARE_PLAN,
        PurposeOfUse.RECOVERY_SUPPORT, expiresAt);
    assertThat(atExpiry.allowed()).isFalse();
    assertThat(atExpiry.reason()).isEqualTo("consent expired for category AFTERCARE_PLAN");
    assertThat(atExpiry.refusal()).as("the refusal count's reason").isEqualTo(ConsentDecision.Refusal.EXPIRED);
  }

  @Test
  void aRevokedConsentRefusesFromItsRevocation() {
    Instant revokedAt = NOW.minusSeconds(1);
    ActiveConsent consent = consent(HARBOR, Set.of("AFTERCARE_PLAN"), "RECOVERY_SUPPORT", null, revokedAt);

    ConsentDecision decision = ConsentDecision.decide(List.of(consent), HARBOR, DataCategory.AFTERCARE_PLAN,
        PurposeOfUse.RECOVERY_SUPPORT, NOW);

    assertThat(decision.allowed()).isFalse();
    assertThat(decision.reason()).isEqualTo("consent revoked for category AFTERCARE_PLAN");
    assertThat(ConsentDecision.decide(List.of(consent), HARBOR, DataCategory.AFTERCARE_PLAN,
        PurposeOfUse.RECOVERY_SUPPORT, revokedAt.minusMillis(1)).allowed()).isTrue();
  }

  @Test
  void aNewerActiveConsentStillAllowsAfterAnOlderOneWasRevoked() {
    ActiveConsent revoked = consent(HARBOR, Set.of("AFTERCARE_PLAN"), "RECOVERY_SUPPORT", null, NOW.minusSeconds(5));
    ActiveConsent renewed = consent(HARBOR, Set.of("AFTERCARE_PLAN"), "RECOVERY_SUPPORT", null, null);

    assertThat(ConsentDecision.decide(List.of(revoked, renewed), HARBOR, DataCategory.AFTERCARE_PLAN,
        PurposeOfUse.RECOVERY_SUPPORT, NOW).consent()).isEqualTo(renewed);
  }
}
