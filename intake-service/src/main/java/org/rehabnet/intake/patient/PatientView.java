package org.rehabnet.intake.patient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A patient's identity and contact details as staff see them. {@code sites} are the sites where the
 * patient is known that the caller may see; {@code version} is what a correction sends back
 * (also the ETag).
 */
record PatientView(UUID patientId, String mrn, String givenName, String familyName, LocalDate dateOfBirth,
    @Nullable String administrativeGender, @Nullable String genderIdentity, @Nullable String phone,
    @Nullable String email, @Nullable EmergencyContactView emergencyContact, @Nullable String preferredLanguage,
    Instant registeredAt, List<String> sites, long version) {

  static PatientView of(Patient p, List<String> sites) {
    String emergencyName = p.emergencyContactName();
    return new PatientView(p.id(), p.mrn(), p.givenName(), p.familyName(), p.dateOfBirth(), p.administrativeGender(),
        p.genderIdentity(), p.phone(), p.email(),
        emergencyName == null ? null
            : new EmergencyContactView(emergencyName, p.emergencyContactRelationship(), p.emergencyContactPhone()),
        p.preferredLanguage(), p.registeredAt(), sites, p.version());
  }

  /** Whom to call in an emergency. */
  record EmergencyContactView(String name, @Nullable String relationship, @Nullable String phone) {}
}
