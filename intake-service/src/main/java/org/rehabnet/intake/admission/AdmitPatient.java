package org.rehabnet.intake.admission;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A request to admit a person to a site. */
record AdmitPatient(@NotNull @Valid NewPatient patient,
    @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,31}", message = "must be a site code") String site) {

  /** Who is being admitted. */
  record NewPatient(
      @NotBlank @Size(max = 100) String givenName,
      @NotBlank @Size(max = 100) String familyName,
      @NotNull @Past LocalDate dateOfBirth) {}
}
