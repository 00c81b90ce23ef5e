package org.rehabnet.portal.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ObservationRoundTest {

  @Test
  void thePulseEnteredOnceScoresTheCowsRestingPulseOnTheScalesAnchors() {
    assertThat(ObservationRound.restingPulseScore(80)).isZero();
    assertThat(ObservationRound.restingPulseScore(81)).isEqualTo(1);
    assertThat(ObservationRound.restingPulseScore(100)).isEqualTo(1);
    assertThat(ObservationRound.restingPulseScore(101)).isEqualTo(2);
    assertThat(ObservationRound.restingPulseScore(120)).isEqualTo(2);
    assertThat(ObservationRound.restingPulseScore(121)).isEqualTo(4);
  }

  @Test
  void aCompleteRoundSendsThePulseToTheVitalsAndItsScoreToTheCows() {
    ObservationRound round = round(104, 3, 5);
    assertThat(round.problems()).isEmpty();
    assertThat(round.vitalSigns()).containsEntry("pulse", 104);
    assertThat(round.cows()).containsEntry("restingPulse", 2).containsEntry("pupilSize", 5).hasSize(11);
  }

  @Test
  void aCowsValueOffTheScaleIsRefusedBeforeAnythingIsSent() {
    assertThat(round(88, 2, 1).problems()).containsExactly("restlessness: one of [0, 1, 3, 5]");
    assertThat(round(88, 1, 3).problems()).anyMatch(p -> p.startsWith("pupilSize"));
  }

  private static ObservationRound round(int pulse, int restlessness, int pupils) {
    return new ObservationRound(16, 97, false, 120, 80, pulse, "ALERT", new BigDecimal("37.0"), "1", false, false,
        false, false, 1, restlessness, pupils, 1, 1, 1, 1, 1, 1, 0);
  }
}
