package org.rehabnet.aftercare.care;

import java.time.LocalDate;
import java.util.UUID;

/**
 * How staff recognise a person on a worklist: MRN, name and birth date (two identifiers), from the
 * newest registration or correction intake sent. Never printed: {@link #toString()} shows the id alone.
 */
public record IdentifiedPatient(UUID patientId, String mrn, String givenName, String familyName,
    LocalDate dateOfBirth) {

  static IdentifiedPatient of(PatientIdentity identity) {
    return new IdentifiedPatient(identity.patientId(), identity.mrn(), identity.givenName(), identity.familyName(),
        identity.dateOfBirth());
  }

  @Override
  public String toString() {
    return "IdentifiedPatient[" + patientId + "]";
  }
}
