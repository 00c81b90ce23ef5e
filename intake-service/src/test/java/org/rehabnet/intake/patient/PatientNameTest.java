package org.rehabnet.intake.patient;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PatientNameTest {

  @Test
  void sameNameDespiteCaseAccentsSpacingAndPunctuation() {
    assertThat(PatientName.key("  Zoë ", "O'Brien-Smith")).isEqualTo(PatientName.key("zoe", "o brien  smith"));
  }

  @Test
  void givenAndFamilyNamesAreNotInterchangeable() {
    assertThat(PatientName.key("Ann", "Lee")).isNotEqualTo(PatientName.key("Lee", "Ann"));
  }
}
