package org.rehabnet.intake.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Phq9Test {

  @ParameterizedTest(name = "total {0} -> {1}")
  @CsvSource({"0, MINIMAL", "4, MINIMAL", "5, MILD", "9, MILD", "10, MODERATE", "14, MODERATE",
      "15, MODERATELY_SEVERE", "19, MODERATELY_SEVERE", "20, SEVERE", "27, SEVERE"})
  void bandsFollowTheTotalAtEachBoundary(int total, Phq9.Band band) {
    Phq9 score = Phq9.score(itemsSummingTo(total, 0));

    assertThat(score.total()).isEqualTo(total);
    assertThat(score.band()).isEqualTo(band);
  }

  @Test
  void anyAnswerAboveZeroOnItemNineIsASelfHarmRiskWhateverTheTotal() {
    assertThat(Phq9.score(List.of(0, 0, 0, 0, 0, 0, 0, 0, 1)).selfHarmRisk()).isTrue();
    assertThat(Phq9.score(List.of(0, 0, 0, 0, 0, 0, 0, 0, 1)).band()).isEqualTo(Phq9.Band.MINIMAL);
    assertThat(Phq9.score(List.of(3, 3, 3, 3, 3, 3, 3, 3, 0)).selfHarmRisk()).isFalse();
  }

  @Test
  void refusesAnItemOfFourOrAWrongNumberOfItems() {
    assertThatThrownBy(() -> Phq9.score(List.of(4, 0, 0, 0, 0, 0, 0, 0, 0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Phq9.score(List.of(-1, 0, 0, 0, 0, 0, 0, 0, 0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Phq9.score(List.of(0, 0, 0))).isInstanceOf(IllegalArgumentException.class);
  }

  /** Items 1–8 carry the total; item 9 is set apart so the self-harm flag stays under control. */
  private static List<Integer> itemsSummingTo(int total, int item9) {
    List<Integer> items = new ArrayList<>();
    int rest = total - item9;
    for (int i = 0; i < 8; i++) {
      int item = Math.min(3, rest);
      items.add(item);
      rest -= item;
    }
    items.add(item9 + rest);
    return items;
  }
}
