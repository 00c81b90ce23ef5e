package org.rehabnet.aftercare.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rehabnet.aftercare.AftercareIntegrationTest;
import org.rehabnet.aftercare.Fixtures;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.Topics;
import org.rehabnet.platform.events.intake.ConsentGranted;
import org.rehabnet.platform.events.intake.ConsentRevoked;
import org.springframework.beans.factory.annotation.Autowired;

@AftercareIntegrationTest
class ConsentRegistryIntegrationTest {

  static final String PARTNER = "sober-house";
  static final String PURPOSE = "RECOVERY_SUPPORT";

  @Autowired
  ConsentRegistry consents;

  @Test
  void aConsentIsActiveForItsRecipientPurposeAndCategoriesUntilItExpires() {
    UUID patientId = UUID.randomUUID();
    Instant expiresAt = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    grant(UUID.randomUUID(), patientId, expiresAt);

    await().atMost(Duration.ofSeconds(20)).until(() ->
        consents.activeConsent(patientId, PARTNER, "ATTENDANCE", PURPOSE, Instant.now()).isPresent());

    assertThat(consents.activeConsent(patientId, PARTNER, "MEDICATION", PURPOSE, Instant.now())).isEmpty();
    assertThat(consents.activeConsent(patientId, "other-org", "ATTENDANCE", PURPOSE, Instant.now())).isEmpty();
    assertThat(consents.activeConsent(patientId, PARTNER, "ATTENDANCE", "HOUSING", Instant.now())).isEmpty();
    assertThat(consents.activeConsent(patientId, PARTNER, "ATTENDANCE", PURPOSE, expiresAt.minusSeconds(1)))
        .isPresent();
    assertThat(consents.activeConsent(patientId, PARTNER, "ATTENDANCE", PURPOSE, expiresAt)).isEmpty();
  }

  @Test
  void aRevocationStopsDisclosureAsSoonAsItIsConsumed() {
    UUID patientId = UUID.randomUUID();
    UUID consentId = UUID.randomUUID();
    grant(consentId, patientId, null);
    await().atMost(Duration.ofSeconds(20)).until(() ->
        consents.activeConsent(patientId, PARTNER, "ATTENDANCE", PURPOSE, Instant.now()).isPresent());

    Fixtures.publish(Topics.INTAKE_CONSENTS, new ConsentRevoked(EventMetadata.next(Instant.now(), 2), consentId,
        patientId, Instant.now()), "/rehabnet/intake-service");

    await().atMost(Duration.ofSeconds(20)).until(() ->
        consents.activeConsent(patientId, PARTNER, "ATTENDANCE", PURPOSE, Instant.now()).isEmpty());
    assertThat(consents.consentsOf(patientId)).singleElement()
        .satisfies(consent -> assertThat(consent.revokedAt()).isNotNull());
  }

  @Test
  void aRevocationThatArrivesBeforeItsGrantStillWins() {
    UUID patientId = UUID.randomUUID();
    UUID consentId = UUID.randomUUID();
    Fixtures.publish(Topics.INTAKE_CONSENTS, new ConsentRevoked(EventMetadata.next(Instant.now(), 2), consentId,
        patientId, Instant.now()), "/rehabnet/intake-service");
    grant(consentId, patientId, null);

    await().atMost(Duration.ofSeconds(20)).until(() -> consents.consentsOf(patientId).size() == 1);
    assertThat(consents.activeConsent(patientId, PARTNER, "ATTENDANCE", PURPOSE, Instant.now())).isEmpty();
  }

  private static void grant(UUID consentId, UUID patientId, Instant expiresAt) {
    Fixtures.publish(Topics.INTAKE_CONSENTS, new ConsentGranted(EventMetadata.next(Instant.now(), 1), consentId,
        patientId, "north", "PARTNER_ORGANISATION", PARTNER, PURPOSE, Set.of("ATTENDANCE", "DEMOGRAPHICS"),
        LocalDate.now(), expiresAt, Instant.now().minusSeconds(5)), "/rehabnet/intake-service");
  }
}
