package org.rehabnet.aftercare.partner;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a partner says it wants the data for, in the X-Purpose-Of-Use header; the same names as
 * intake's consent purposes (GrantConsent.Purpose), since a consent covers one purpose (§2.31(a)(5)).
 */
enum PurposeOfUse {
  TREATMENT,
  CARE_COORDINATION,
  RECOVERY_SUPPORT,
  HOUSING,
  PAYMENT,
  OTHER;

  static final String HEADER = "X-Purpose-Of-Use";

  static Optional<PurposeOfUse> parse(String value) {
    return Arrays.stream(values()).filter(p -> p.name().equalsIgnoreCase(value.strip())).findFirst();
  }
}
