package org.rehabnet.intake.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A consent as staff see it; {@code active} is evaluated now. */
record ConsentView(UUID consentId, UUID patientId, String site, String recipientType, String recipient,
    String purpose, List<String> dataCategories, @Nullable Instant expiresAt, @Nullable String expiryEvent,
    LocalDate signedOn, String signedBy, Instant grantedAt, @Nullable Instant revokedAt, boolean active) {

  static ConsentView of(Consent c, Instant now) {
    return new ConsentView(c.id(), c.patientId(), c.site(), c.recipientType(), c.recipient(), c.purpose(),
        c.dataCategories(), c.expiresAt(), c.expiryEvent(), c.signedOn(), c.signedBy(), c.grantedAt(),
        c.revokedAt(), c.isActive(now));
  }
}
