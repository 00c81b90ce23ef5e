package org.rehabnet.intake.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rehabnet.platform.events.clinical.DependenceSeverity;
import org.rehabnet.platform.events.intake.SiteSettings;

class ExpectedDetoxLengthTest {

  private final SiteSettings.DetoxLength defaults = SiteSettings.defaults().detoxLength();

  @ParameterizedTest(name = "{0}, {1} years daily, fentanyl not ruled out {2} -> {3} days")
  @CsvSource({
      "NONE, 0, false, 5",
      "MILD, 20, true, 5",
      "MODERATE, 20, true, 7",
      "SEVERE, 0, false, 7",
      "SEVERE, 5, false, 7",
      "SEVERE, 5.5, false, 10",
      "SEVERE, 1, true, 10"})
  void followsTheDefaultsOfANewSite(DependenceSeverity severity, double dailyYears, boolean fentanyl, int days) {
    assertThat(ExpectedDetoxLength.days(defaults, severity, dailyYears, fentanyl)).isEqualTo(days);
  }

  @Test
  void theAdmittingSitesOwnLengthsApply() {
    var site = new SiteSettings.DetoxLength(4, 6, 8, 12, 3);

    assertThat(ExpectedDetoxLength.days(site, DependenceSeverity.MILD, 0, false)).isEqualTo(4);
    assertThat(ExpectedDetoxLength.days(site, DependenceSeverity.MODERATE, 0, false)).isEqualTo(6);
    assertThat(ExpectedDetoxLength.days(site, DependenceSeverity.SEVERE, 3, false)).isEqualTo(8);
    assertThat(ExpectedDetoxLength.days(site, DependenceSeverity.SEVERE, 3.1, false)).isEqualTo(12);
  }
}
