package org.rehabnet.intake.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Gad7Test {

  @ParameterizedTest(name = "total {0} -> {1}")
  @CsvSource({"0, MINIMAL", "4, MINIMAL", "5, MILD", "9, MILD", "10, MODERATE", "14, MODERATE", "15, SEVERE",
      "21, SEVERE"})
  void bandsFollowTheTotalAtEachBoundary(int total, Gad7.Band band) {
    Gad7 score = Gad7.score(itemsSummingTo(total));

    assertThat(score.total()).isEqualTo(total);
    assertThat(score.band()).isEqualTo(band);
  }

  @Test
  void refusesAnItemOfFourOrAWrongNumberOfItems() {
    assertThatThrownBy(() -> Gad7.score(List.of(0, 0, 0, 0, 0, 0, 4))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Gad7.score(List.of(0, 0, 0, 0, 0, 0, 0, 0)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<Integer> itemsSummingTo(int total) {
    List<Integer> items = new ArrayList<>();
    int rest = total;
    for (int i = 0; i < 7; i++) {
      int item = Math.min(3, rest);
      items.add(item);
      rest -= item;
    }
    return items;
  }
}
