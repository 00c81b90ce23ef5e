package org.rehabnet.intake.patient;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The corrected identity of a patient, whole: given and family name, birth date, administrative
 * gender (null clears it). The MRN never changes: an {@code mrn} other than the patient's is refused
 * rather than silently ignored. The version read comes in {@code If-Match} or {@code expectedVersion}.
 */
record CorrectPatient(
    @NotBlank @Size(max = 100)
    String givenName,
    @NotBlank @Size(max = 100)
    String familyName,
    @NotNull @Past LocalDate dateOfBirth,
    RegisterPatient.@Nullable AdministrativeGender administrativeGender,
    @Nullable Long expectedVersion,
    @Nullable String mrn) {}
