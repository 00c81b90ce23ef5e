package org.rehabnet.monitoring.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.rehabnet.monitoring.withdrawal.CowsScale.Band;
import org.rehabnet.monitoring.withdrawal.CowsScale.Item;
import org.rehabnet.platform.web.problem.FieldError;

class CowsScaleTest {

  @Test
  void eachItemAcceptsExactlyItsAnchoredValues() {
    assertThat(Item.RESTING_PULSE.validValues()).containsExactlyInAnyOrder(0, 1, 2, 4);
    assertThat(Item.SWEATING.validValues()).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
    assertThat(Item.RESTLESSNESS.validValues()).containsExactlyInAnyOrder(0, 1, 3, 5);
    assertThat(Item.PUPIL_SIZE.validValues()).containsExactlyInAnyOrder(0, 1, 2, 5);
    assertThat(Item.BONE_JOINT_ACHES.validValues()).containsExactlyInAnyOrder(0, 1, 2, 4);
    assertThat(Item.RUNNY_NOSE.validValues()).containsExactlyInAnyOrder(0, 1, 2, 4);
    assertThat(Item.GI_UPSET.validValues()).containsExactlyInAnyOrder(0, 1, 2, 3, 5);
    assertThat(Item.TREMOR.validValues()).containsExactlyInAnyOrder(0, 1, 2, 4);
    assertThat(Item.YAWNING.validValues()).containsExactlyInAnyOrder(0, 1, 2, 4);
    assertThat(Item.ANXIETY.validValues()).containsExactlyInAnyOrder(0, 1, 2, 4);
    assertThat(Item.GOOSEFLESH.validValues()).containsExactlyInAnyOrder(0, 3, 5);
  }

  @ParameterizedTest
  @EnumSource(Item.class)
  void everyValueOutsideAnItemsAnchorsIsRefusedAndNamed(Item item) {
    for (int value = -1; value <= 6; value++) {
      Map<Item, Integer> scores = allZero();
      scores.put(item, value);
      var errors = CowsScale.invalidItems(scores);
      if (item.validValues().contains(value)) {
        assertThat(errors).as("%s = %d", item, value).isEmpty();
      } else {
        assertThat(errors).as("%s = %d", item, value).extracting(FieldError::field).containsExactly(item.field());
      }
    }
  }

  @Test
  void pupilSizeThreeIsNotAValue() {
    Map<Item, Integer> scores = allZero();
    scores.put(Item.PUPIL_SIZE, 3);
    assertThat(CowsScale.invalidItems(scores)).containsExactly(new FieldError("pupilSize", "must be one of 0, 1, 2, 5"));
  }

  @Test
  void aMissingItemIsRefused() {
    Map<Item, Integer> scores = allZero();
    scores.remove(Item.TREMOR);
    assertThat(CowsScale.invalidItems(scores)).extracting(FieldError::field).containsExactly("tremor");
  }

  @Test
  void totalsRunFromZeroToFortyEight() {
    assertThat(CowsScale.total(allZero())).isZero();
    Map<Item, Integer> highest = new EnumMap<>(Item.class);
    for (Item item : Item.values()) {
      highest.put(item, item.highest());
    }
    assertThat(CowsScale.total(highest)).isEqualTo(48);
    assertThat(CowsScale.band(48)).isEqualTo(Band.SEVERE);
  }

  @ParameterizedTest
  @CsvSource({"0, NONE", "4, NONE", "5, MILD", "12, MILD", "13, MODERATE", "24, MODERATE", "25, MODERATELY_SEVERE",
      "36, MODERATELY_SEVERE", "37, SEVERE", "48, SEVERE"})
  void bandsChangeExactlyAtTheirBoundaries(int total, Band band) {
    assertThat(CowsScale.band(total)).isEqualTo(band);
  }

  @Test
  void aTotalOutsideZeroToFortyEightIsNotAScore() {
    assertThatThrownBy(() -> CowsScale.band(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CowsScale.band(49)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyTotalHasExactlyOneBand() {
    assertThat(IntStream.rangeClosed(0, 48).mapToObj(CowsScale::band)).hasSize(49).doesNotContainNull();
  }

  private static Map<Item, Integer> allZero() {
    Map<Item, Integer> scores = new EnumMap<>(Item.class);
    for (Item item : Item.values()) {
      scores.put(item, 0);
    }
    return scores;
  }
}
