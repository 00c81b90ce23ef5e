package org.rehabnet.intake.patient;

import java.util.UUID;

/** Who a patient is, for the lists of other features; never logged. */
public record PatientIdentity(UUID patientId, String mrn, String givenName, String familyName) {

  @Override
  public String toString() {
    return "PatientIdentity[" + patientId + "]";
  }
}
