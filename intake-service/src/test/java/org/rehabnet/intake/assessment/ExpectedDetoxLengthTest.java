package org.rehabnet.intake.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpectedDetoxLengthTest {

  private final ExpectedDetoxLength reference = new ExpectedDetoxLength(new AssessmentProperties(5, 7, 7, 10, 5));

  @ParameterizedTest(name = "{0}, {1} years daily, fentanyl {2} -> {3} days")
  @CsvSource({
      "NONE, 0, false, 5",
      "MILD, 20, true, 5",
      "MODERATE, 20, true, 7",
      "SEVERE, 0, false, 7",
      "SEVERE, 5, false, 7",
      "SEVERE, 5.5, false, 10",
      "SEVERE, 1, true, 10"})
  void followsTheReferenceDefaults(OudSeverity severity, double dailyYears, boolean fentanyl, int days) {
    assertThat(reference.days(severity, dailyYears, fentanyl)).isEqualTo(days);
  }

  @Test
  void aSiteCanSetItsOwnLengths() {
    var site = new ExpectedDetoxLength(new AssessmentProperties(4, 6, 8, 12, 3));

    assertThat(site.days(OudSeverity.MILD, 0, false)).isEqualTo(4);
    assertThat(site.days(OudSeverity.SEVERE, 3, false)).isEqualTo(8);
    assertThat(site.days(OudSeverity.SEVERE, 3.1, false)).isEqualTo(12);
  }
}
