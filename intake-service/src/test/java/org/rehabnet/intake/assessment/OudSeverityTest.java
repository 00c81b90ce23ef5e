package org.rehabnet.intake.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rehabnet.platform.events.clinical.DependenceSeverity;

class OudSeverityTest {

  @ParameterizedTest(name = "{0} criteria -> {1}")
  @CsvSource({"0, NONE", "1, NONE", "2, MILD", "3, MILD", "4, MODERATE", "5, MODERATE", "6, SEVERE", "11, SEVERE"})
  void severityFollowsTheDsm5CountBands(int criteria, DependenceSeverity expected) {
    assertThat(OudSeverity.ofCount(criteria)).isEqualTo(expected);
    assertThat(OudSeverity.of(first(criteria), false)).isEqualTo(expected);
  }

  @Test
  void toleranceAndWithdrawalDoNotCountUnderMedicalSupervisionOnly() {
    Set<OudCriterion> criteria = EnumSet.of(OudCriterion.TOLERANCE, OudCriterion.WITHDRAWAL, OudCriterion.CRAVING,
        OudCriterion.MUCH_TIME_SPENT);

    assertThat(OudSeverity.of(criteria, false)).isEqualTo(DependenceSeverity.MODERATE);
    assertThat(OudSeverity.countedCriteria(criteria, true)).isEqualTo(2);
    assertThat(OudSeverity.of(criteria, true)).isEqualTo(DependenceSeverity.MILD);
  }

  @Test
  void refusesACountOutsideTheElevenCriteria() {
    assertThatThrownBy(() -> OudSeverity.ofCount(12)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OudSeverity.ofCount(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  private static Set<OudCriterion> first(int n) {
    EnumSet<OudCriterion> set = EnumSet.noneOf(OudCriterion.class);
    set.addAll(Arrays.asList(OudCriterion.values()).subList(0, n));
    return set;
  }
}
