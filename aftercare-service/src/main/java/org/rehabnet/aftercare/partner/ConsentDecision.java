package org.rehabnet.aftercare.partner;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.rehabnet.aftercare.consent.ActiveConsent;

/**
 * Whether a disclosure to a partner may happen now (42 CFR Part 2 §2.31, §2.13(a)): a consent that
 * names this partner organisation as recipient, this kind of information and this purpose, and that
 * is neither expired nor revoked at this instant. Otherwise the reason, for the audit trail only: the
 * partner is told nothing but "not found".
 */
record ConsentDecision(@Nullable ActiveConsent consent, String reason, @Nullable Refusal refusal) {

  static final String PARTNER_ORGANISATION = "PARTNER_ORGANISATION";

  /** Why no consent allows the disclosure: the {@code reason} tag of the refusal count. */
  enum Refusal {
    UNKNOWN_PATIENT, NO_CONSENT_FOR_PARTNER, NO_CONSENT_FOR_CATEGORY, NO_CONSENT_FOR_PURPOSE, REVOKED, EXPIRED
  }

  static ConsentDecision unknownPatient() {
    return new ConsentDecision(null, "unknown patient", Refusal.UNKNOWN_PATIENT);
  }

  boolean allowed() {
    return consent != null;
  }

  static ConsentDecision decide(List<ActiveConsent> consents, String partnerOrg, DataCategory category,
      PurposeOfUse purpose, Instant at) {
    List<ActiveConsent> naming = consents.stream()
        .filter(c -> PARTNER_ORGANISATION.equals(c.recipientType()) && c.recipient().equals(partnerOrg))
        .toList();
    if (naming.isEmpty()) {
      return refused(Refusal.NO_CONSENT_FOR_PARTNER, "no consent names partner " + partnerOrg);
    }
    List<ActiveConsent> ofCategory = naming.stream().filter(c -> c.dataCategories().contains(category.name()))
        .toList();
    if (ofCategory.isEmpty()) {
      return refused(Refusal.NO_CONSENT_FOR_CATEGORY, "no consent names category " + category);
    }
    List<ActiveConsent> forPurpose = ofCategory.stream().filter(c -> c.purpose().equals(purpose.name())).toList();
    if (forPurpose.isEmpty()) {
      return refused(Refusal.NO_CONSENT_FOR_PURPOSE, "no consent for category " + category + " names purpose " + purpose);
    }
    Optional<ActiveConsent> active = forPurpose.stream().filter(c -> c.isActiveAt(at))
        .max(Comparator.comparing(ActiveConsent::grantedAt));
    if (active.isPresent()) {
      return new ConsentDecision(active.get(), "consent " + active.get().consentId(), null);
    }
    boolean revoked = forPurpose.stream().anyMatch(c -> c.revokedAt() != null && !at.isBefore(c.revokedAt()));
    return refused(revoked ? Refusal.REVOKED : Refusal.EXPIRED,
        (revoked ? "consent revoked" : "consent expired") + " for category " + category);
  }

  private static ConsentDecision refused(Refusal refusal, String reason) {
    return new ConsentDecision(null, reason, refusal);
  }
}
