package org.rehabnet.intake.patient;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A person to register with the network, at the site that registers them. */
record RegisterPatient(
    @NotBlank @Size(max = 100)
    String givenName,
    @NotBlank @Size(max = 100)
    String familyName,
    @NotNull @Past LocalDate dateOfBirth,
    @Nullable AdministrativeGender administrativeGender,
    @Nullable @Size(max = 60) String genderIdentity,
    @Nullable @Pattern(regexp = "\\+?[0-9 ()-]{5,25}", message = "must be a phone number") String phone,
    @Nullable @Email @Size(max = 200) String email,
    @Nullable @Valid EmergencyContact emergencyContact,
    @Nullable @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})?", message = "must be a BCP 47 language tag")
    String preferredLanguage,
    @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,31}", message = "must be a site code") String site) {

  /** Whom to call in an emergency. */
  record EmergencyContact(
      @NotBlank @Size(max = 200) String name,
      @Nullable @Size(max = 60) String relationship,
      @NotBlank @Pattern(regexp = "\\+?[0-9 ()-]{5,25}", message = "must be a phone number") String phone) {}

  /** FHIR administrative gender. */
  enum AdministrativeGender {
    MALE,
    FEMALE,
    OTHER,
    UNKNOWN
  }
}
