package org.rehabnet.aftercare.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Phq9Test {

  @Test
  void bandsFollowTheInstrumentsCutOffs() {
    assertThat(withTotal(4).band()).isEqualTo(Phq9.Band.MINIMAL);
    assertThat(withTotal(5).band()).isEqualTo(Phq9.Band.MILD);
    assertThat(withTotal(9).band()).isEqualTo(Phq9.Band.MILD);
    assertThat(withTotal(10).band()).isEqualTo(Phq9.Band.MODERATE);
    assertThat(withTotal(15).band()).isEqualTo(Phq9.Band.MODERATELY_SEVERE);
    assertThat(withTotal(19).band()).isEqualTo(Phq9.Band.MODERATELY_SEVERE);
    assertThat(withTotal(20).band()).isEqualTo(Phq9.Band.SEVERE);
  }

  @Test
  void item9AboveZeroIsASelfHarmRiskWhateverTheTotal() {
    assertThat(new Phq9(List.of(0, 0, 0, 0, 0, 0, 0, 0, 1)).selfHarmRisk()).isTrue();
    assertThat(new Phq9(List.of(3, 3, 3, 3, 3, 3, 3, 3, 0)).selfHarmRisk()).isFalse();
  }

  @Test
  void refusesItemsOutsideZeroToThreeOrTheWrongCount() {
    assertThatThrownBy(() -> new Phq9(List.of(0, 0, 0, 0, 0, 0, 0, 0, 4))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Phq9(List.of(0, 0, 0))).isInstanceOf(IllegalArgumentException.class);
  }

  private static Phq9 withTotal(int total) {
    List<Integer> items = new ArrayList<>();
    int left = total;
    for (int i = 0; i < 9; i++) {
      int item = Math.min(3, left);
      items.add(i == 8 ? 0 : item);
      left -= i == 8 ? 0 : item;
    }
    return new Phq9(items);
  }
}
