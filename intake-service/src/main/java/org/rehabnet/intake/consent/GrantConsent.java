package org.rehabnet.intake.consent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A written consent with the elements 42 CFR Part 2 §2.31 requires: the patient (the path), the
 * recipient, the purpose, the kind of information, an expiry date or event, the signature and its
 * date. Missing any of them is a 400 naming the field; a signing date after today at the site is
 * refused by the service ({@link SigningDate}), which knows the site's time zone.
 */
record GrantConsent(
    @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,31}", message = "must be a site code") String site,
    @NotNull RecipientType recipientType,
    @NotBlank @Size(max = 100) String recipient,
    @NotNull Purpose purpose,
    @NotEmpty Set<@NotNull DataCategory> dataCategories,
    @Nullable Instant expiresAt,
    @Nullable ExpiryEvent expiryEvent,
    @NotNull LocalDate signedOn,
    @NotNull SignedBy signedBy) {

  /** Who may receive the information. */
  enum RecipientType {
    PARTNER_ORGANISATION,
    TREATING_STAFF
  }

  /** What the disclosure is for. */
  enum Purpose {
    TREATMENT,
    CARE_COORDINATION,
    RECOVERY_SUPPORT,
    HOUSING,
    PAYMENT,
    OTHER
  }

  /** The kinds of information (the "kind and amount" element). */
  enum DataCategory {
    DEMOGRAPHICS,
    EPISODES,
    AFTERCARE_PLAN,
    ATTENDANCE,
    MEDICATION,
    CONSENTS
  }

  /** An event that ends the consent when no date is given. */
  enum ExpiryEvent {
    END_OF_TREATMENT,
    END_OF_AFTERCARE
  }

  /** The signature element: the patient, or someone authorised to sign for them. */
  enum SignedBy {
    PATIENT,
    AUTHORISED_REPRESENTATIVE
  }
}
