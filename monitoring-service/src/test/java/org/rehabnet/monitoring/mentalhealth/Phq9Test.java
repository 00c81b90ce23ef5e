package org.rehabnet.monitoring.mentalhealth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Phq9Test {

  @ParameterizedTest
  @CsvSource({"0, MINIMAL", "4, MINIMAL", "5, MILD", "9, MILD", "10, MODERATE", "14, MODERATE",
      "15, MODERATELY_SEVERE", "19, MODERATELY_SEVERE", "20, SEVERE", "27, SEVERE"})
  void bandsByTotal(int total, Phq9.Band band) {
    assertThat(Phq9.band(total)).isEqualTo(band);
  }

  @Test
  void theTotalAddsTheNineItems() {
    assertThat(Phq9.total(List.of(3, 3, 3, 3, 3, 3, 3, 3, 3))).isEqualTo(27);
    assertThat(Phq9.total(List.of(0, 1, 2, 3, 0, 1, 2, 3, 0))).isEqualTo(12);
  }

  @Test
  void itemNineAboveZeroIsSelfHarmRiskWhateverTheTotal() {
    assertThat(Phq9.selfHarmRisk(List.of(0, 0, 0, 0, 0, 0, 0, 0, 1))).isTrue();
    assertThat(Phq9.band(Phq9.total(List.of(0, 0, 0, 0, 0, 0, 0, 0, 1)))).isEqualTo(Phq9.Band.MINIMAL);
    assertThat(Phq9.selfHarmRisk(List.of(3, 3, 3, 3, 3, 3, 3, 3, 0))).isFalse();
  }

  @Test
  void anythingButNineItemsOfZeroToThreeIsRefused() {
    assertThatThrownBy(() -> Phq9.total(List.of(0, 0, 0, 0, 0, 0, 0, 0))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Phq9.total(List.of(0, 0, 0, 0, 0, 0, 0, 0, 4)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Phq9.band(28)).isInstanceOf(IllegalArgumentException.class);
  }
}
