package org.rehabnet.aftercare.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A consent to disclose (42 CFR Part 2 §2.31) as aftercare holds it: patient, recipient, purpose,
 * kinds of information, signature date, expiry and, once revoked, when.
 *
 * @param recipientType PARTNER_ORGANISATION or TREATING_STAFF
 * @param recipient the partner organisation code (a partner token's partner_org)
 */
public record ActiveConsent(
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
    @Nullable Instant revokedAt) {

  public ActiveConsent {
    dataCategories = Set.copyOf(dataCategories);
  }

  /** In force at this instant: not expired and not revoked (§2.31 is enforced at disclosure time). */
  public boolean isActiveAt(Instant at) {
    return (expiresAt == null || at.isBefore(expiresAt)) && (revokedAt == null || at.isBefore(revokedAt));
  }

  public boolean covers(String partnerOrg, String category, String wantedPurpose) {
    return recipient.equals(partnerOrg) && purpose.equals(wantedPurpose) && dataCategories.contains(category);
  }
}
