package org.rehabnet.intake.patient;

import org.jspecify.annotations.Nullable;

/**
 * One corrected field of a patient's identity with its old and new value. Kept in the append-only
 * {@code patient_correction} table; never logged, since both values are patient data.
 */
record IdentityChange(String field, @Nullable String oldValue, @Nullable String newValue) {

  static final String GIVEN_NAME = "givenName";
  static final String FAMILY_NAME = "familyName";
  static final String DATE_OF_BIRTH = "dateOfBirth";
  static final String ADMINISTRATIVE_GENDER = "administrativeGender";

  @Override
  public String toString() {
    return "IdentityChange[" + field + "]";
  }
}
