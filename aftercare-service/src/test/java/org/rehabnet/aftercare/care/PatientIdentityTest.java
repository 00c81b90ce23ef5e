package org.rehabnet.aftercare.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.intake.PatientDetailsCorrected;
import org.rehabnet.platform.events.intake.PatientRegistered;

class PatientIdentityTest {

  static final UUID PATIENT = UUID.randomUUID();

  @Test
  void aCorrectionReplacesTheNameAndBirthDateAndKeepsTheRegisteringSite() {
    PatientIdentity registered = PatientIdentity.from(registration(1, "Dana", LocalDate.of(1991, 4, 17)));

    PatientIdentity corrected = registered.correctedBy(correction(2, "Dara", LocalDate.of(1991, 4, 7)));

    assertThat(corrected.givenName()).isEqualTo("Dara");
    assertThat(corrected.dateOfBirth()).isEqualTo(LocalDate.of(1991, 4, 7));
    assertThat(corrected.registeredAtSite()).isEqualTo("north");
    assertThat(corrected.sequence()).isEqualTo(2);
  }

  @Test
  void anOlderCorrectionArrivingLateChangesNothing() {
    PatientIdentity current = PatientIdentity.from(registration(1, "Dana", LocalDate.of(1991, 4, 17)))
        .correctedBy(correction(3, "Dara", LocalDate.of(1991, 4, 7)));

    PatientIdentity after = current.correctedBy(correction(2, "Donna", LocalDate.of(1990, 1, 1)));

    assertThat(after.givenName()).isEqualTo("Dara");
    assertThat(after.sequence()).isEqualTo(3);
  }

  @Test
  void theRegistrationResentAfterACorrectionDoesNotBringTheOldNameBack() {
    PatientIdentity corrected = PatientIdentity.from(registration(1, "Dana", LocalDate.of(1991, 4, 17)))
        .correctedBy(correction(2, "Dara", LocalDate.of(1991, 4, 7)));

    PatientIdentity replayed = corrected.updatedFrom(registration(1, "Dana", LocalDate.of(1991, 4, 17)));

    assertThat(replayed.givenName()).isEqualTo("Dara");
    assertThat(replayed.dateOfBirth()).isEqualTo(LocalDate.of(1991, 4, 7));
  }

  @Test
  void aCorrectionBeforeItsRegistrationIsKeptAndTheRegistrationAddsOnlyTheSite() {
    PatientIdentity early = PatientIdentity.from(correction(2, "Dara", LocalDate.of(1991, 4, 7)));
    assertThat(early.registeredAtSite()).isNull();

    PatientIdentity complete = early.updatedFrom(registration(1, "Dana", LocalDate.of(1991, 4, 17)));

    assertThat(complete.givenName()).isEqualTo("Dara");
    assertThat(complete.registeredAtSite()).isEqualTo("north");
  }

  @Test
  void neverPrintsTheName() {
    assertThat(PatientIdentity.from(registration(1, "Dana", LocalDate.of(1991, 4, 17))).toString())
        .doesNotContain("Dana").doesNotContain("1991").contains(PATIENT.toString());
    assertThat(IdentifiedPatient.of(PatientIdentity.from(registration(1, "Dana", LocalDate.of(1991, 4, 17))))
        .toString()).doesNotContain("Dana").doesNotContain("Whitfield").doesNotContain("1991");
  }

  static PatientRegistered registration(long sequence, String given, LocalDate born) {
    return new PatientRegistered(new EventMetadata(UUID.randomUUID(), Instant.now(), sequence, null), PATIENT,
        "RN-1048213", given, "Whitfield", born, "female", "north");
  }

  static PatientDetailsCorrected correction(long sequence, String given, LocalDate born) {
    return new PatientDetailsCorrected(new EventMetadata(UUID.randomUUID(), Instant.now(), sequence, null), PATIENT,
        "RN-1048213", given, "Whitfield", born, "female", Instant.now());
  }
}
