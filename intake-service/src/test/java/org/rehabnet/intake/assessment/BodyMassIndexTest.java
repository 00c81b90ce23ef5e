package org.rehabnet.intake.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BodyMassIndexTest {

  @ParameterizedTest(name = "{0} cm, {1} kg -> {2}")
  @CsvSource({"180, 81, 25.0", "178, 64.5, 20.4", "100, 25, 25.0", "250, 350, 56.0", "100, 350, 350.0",
      "250, 25, 4.0"})
  void isWeightOverHeightSquaredToOneDecimalAtThePlausibleLimits(String height, String weight, String bmi) {
    assertThat(BodyMassIndex.of(new BigDecimal(height), new BigDecimal(weight))).isEqualByComparingTo(bmi);
  }

  @ParameterizedTest(name = "{0} cm, {1} kg is refused")
  @CsvSource({"20, 70", "99.9, 70", "250.1, 70", "170, 24.9", "170, 350.1"})
  void refusesImplausibleHeightsAndWeights(String height, String weight) {
    assertThatThrownBy(() -> BodyMassIndex.of(new BigDecimal(height), new BigDecimal(weight)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
