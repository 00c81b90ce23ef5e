package org.rehabnet.platform.events.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.EventType;
import org.rehabnet.platform.events.IntegrationEvent;
import org.rehabnet.platform.events.Topics;

/**
 * A patient signed a consent to disclose (42 CFR Part 2 §2.31): to whom, for what purpose, which
 * kinds of information, until when. Services that disclose enforce it at the moment of disclosure.
 *
 * @param recipientType PARTNER_ORGANISATION or TREATING_STAFF
 * @param recipient the partner organisation code (the token's partner_org), or the network for staff
 * @param purpose e.g. TREATMENT, CARE_COORDINATION, RECOVERY_SUPPORT, HOUSING
 * @param dataCategories e.g. DEMOGRAPHICS, EPISODES, AFTERCARE_PLAN, ATTENDANCE, MEDICATION, CONSENTS
 * @param expiresAt when the consent ends by itself at a date
 * @param expiryEvent or the event that ends it: END_OF_TREATMENT, END_OF_AFTERCARE (both null: until revoked)
 * @param signedBy PATIENT or LEGAL_REPRESENTATIVE
 */
@EventType(value = "rehab.intake.ConsentGranted.v1", topic = Topics.INTAKE_CONSENTS)
public record ConsentGranted(
    EventMetadata metadata,
    UUID consentId,
    UUID patientId,
    String site,
    String recipientType,
    String recipient,
    String purpose,
    Set<String> dataCategories,
    LocalDate signedOn,
    @Nullable Instant expiresAt,
    Instant grantedAt,
    @Nullable String expiryEvent,
    @Nullable String signedBy) implements IntegrationEvent {

  /** A consent that ends at a date or on revocation only. */
  public ConsentGranted(EventMetadata metadata, UUID consentId, UUID patientId, String site, String recipientType,
      String recipient, String purpose, Set<String> dataCategories, LocalDate signedOn, @Nullable Instant expiresAt,
      Instant grantedAt) {
    this(metadata, consentId, patientId, site, recipientType, recipient, purpose, dataCategories, signedOn, expiresAt,
        grantedAt, null, null);
  }

  @Override
  public String key() {
    return patientId.toString();
  }
}
