package org.rehabnet.monitoring.vitals;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rehabnet.monitoring.vitals.EarlyWarningScore.Response;

class EarlyWarningScoreTest {

  @ParameterizedTest
  @CsvSource({"0, 3", "8, 3", "9, 1", "11, 1", "12, 0", "20, 0", "21, 2", "24, 2", "25, 3", "80, 3"})
  void respirationBoundaries(int rate, int score) {
    assertThat(EarlyWarningScore.respiration(rate)).isEqualTo(score);
  }

  @ParameterizedTest
  @CsvSource({"50, 3", "91, 3", "92, 2", "93, 2", "94, 1", "95, 1", "96, 0", "100, 0"})
  void oxygenSaturationScaleOneBoundaries(int spo2, int score) {
    assertThat(EarlyWarningScore.oxygenSaturation(spo2)).isEqualTo(score);
  }

  /** RCP 2017 scale 2: the 88-92 % target scores 0, and oxygen above it scores again. */
  @ParameterizedTest
  @CsvSource({"50, false, 3", "83, false, 3", "84, false, 2", "85, false, 2", "86, false, 1", "87, false, 1",
      "88, false, 0", "92, false, 0", "93, false, 0", "100, false, 0", "88, true, 0", "92, true, 0", "93, true, 1",
      "94, true, 1", "95, true, 2", "96, true, 2", "97, true, 3", "100, true, 3", "83, true, 3"})
  void oxygenSaturationScaleTwoBoundaries(int spo2, boolean onOxygen, int score) {
    assertThat(EarlyWarningScore.oxygenSaturationScale2(spo2, onOxygen)).isEqualTo(score);
  }

  @Test
  void aPatientOnScaleTwoAtTheTargetScoresNothingForSaturation() {
    EarlyWarningScore scale1 = EarlyWarningScore.of(16, 89, false, 120, 70, Consciousness.ALERT,
        new BigDecimal("37.0"), Spo2Scale.SCALE_1);
    EarlyWarningScore scale2 = EarlyWarningScore.of(16, 89, false, 120, 70, Consciousness.ALERT,
        new BigDecimal("37.0"), Spo2Scale.SCALE_2);
    assertThat(scale1.total()).isEqualTo(3);
    assertThat(scale1.response()).isEqualTo(Response.URGENT_WARD_REVIEW);
    assertThat(scale2.total()).isZero();
    assertThat(EarlyWarningScore.of(16, 97, true, 120, 70, Consciousness.ALERT, new BigDecimal("37.0"),
        Spo2Scale.SCALE_2).total()).as("over-oxygenated on scale 2: 3 for SpO2 and 2 for oxygen").isEqualTo(5);
  }

  @ParameterizedTest
  @CsvSource({"40, 3", "90, 3", "91, 2", "100, 2", "101, 1", "110, 1", "111, 0", "219, 0", "220, 3", "300, 3"})
  void systolicBoundaries(int systolic, int score) {
    assertThat(EarlyWarningScore.systolic(systolic)).isEqualTo(score);
  }

  @ParameterizedTest
  @CsvSource({"20, 3", "40, 3", "41, 1", "50, 1", "51, 0", "90, 0", "91, 1", "110, 1", "111, 2", "130, 2", "131, 3"})
  void pulseBoundaries(int pulse, int score) {
    assertThat(EarlyWarningScore.pulse(pulse)).isEqualTo(score);
  }

  @ParameterizedTest
  @CsvSource({"25.0, 3", "35.0, 3", "35.1, 1", "36.0, 1", "36.1, 0", "38.0, 0", "38.1, 1", "39.0, 1", "39.1, 2",
      "45.0, 2"})
  void temperatureBoundaries(String celsius, int score) {
    assertThat(EarlyWarningScore.temperature(new BigDecimal(celsius))).isEqualTo(score);
  }

  @Test
  void oxygenAddsTwoAndAnythingButAlertScoresThree() {
    assertThat(normal(false, Consciousness.ALERT).total()).isZero();
    assertThat(normal(true, Consciousness.ALERT).total()).isEqualTo(2);
    for (Consciousness level : Consciousness.values()) {
      assertThat(normal(false, level).consciousness()).isEqualTo(level == Consciousness.ALERT ? 0 : 3);
    }
  }

  @Test
  void zeroIsRoutineMonitoring() {
    assertThat(normal(false, Consciousness.ALERT).response()).isEqualTo(Response.ROUTINE);
  }

  @Test
  void oneToFourIsLow() {
    assertThat(score(21, 96, false, 120, 70, "37.0").response()).isEqualTo(Response.LOW); // 2
    assertThat(score(21, 96, true, 120, 70, "37.0").total()).isEqualTo(4);
    assertThat(score(21, 96, true, 120, 70, "37.0").response()).isEqualTo(Response.LOW);
  }

  @Test
  void aSingleThreeCallsForUrgentWardReviewEvenWhenTheTotalIsLow() {
    EarlyWarningScore news2 = score(8, 96, false, 120, 70, "37.0");
    assertThat(news2.total()).isEqualTo(3);
    assertThat(news2.singleParameterThree()).isTrue();
    assertThat(news2.response()).isEqualTo(Response.URGENT_WARD_REVIEW);
    assertThat(score(21, 94, false, 120, 70, "37.0").singleParameterThree()).isFalse(); // 2 + 1, no single 3
  }

  @Test
  void fiveToSixIsUrgentAndSevenOrMoreIsAnEmergency() {
    assertThat(score(21, 94, true, 120, 70, "37.0").total()).isEqualTo(5);
    assertThat(score(21, 94, true, 120, 70, "37.0").response()).isEqualTo(Response.URGENT);
    assertThat(score(21, 92, true, 120, 70, "37.0").total()).isEqualTo(6);
    assertThat(score(21, 92, true, 120, 70, "37.0").response()).isEqualTo(Response.URGENT);
    assertThat(score(21, 92, true, 105, 70, "37.0").total()).isEqualTo(7);
    assertThat(score(21, 92, true, 105, 70, "37.0").response()).isEqualTo(Response.EMERGENCY);
  }

  @Test
  void theHighestScoreAddsEveryParameter() {
    EarlyWarningScore worst = EarlyWarningScore.of(5, 85, true, 80, 150, Consciousness.UNRESPONSIVE,
        new BigDecimal("34.0"));
    assertThat(worst.total()).isEqualTo(20);
    assertThat(worst.response()).isEqualTo(Response.EMERGENCY);
  }

  private static EarlyWarningScore normal(boolean oxygen, Consciousness level) {
    return EarlyWarningScore.of(16, 97, oxygen, 120, 70, level, new BigDecimal("37.0"));
  }

  private static EarlyWarningScore score(int rr, int spo2, boolean oxygen, int systolic, int pulse, String temp) {
    return EarlyWarningScore.of(rr, spo2, oxygen, systolic, pulse, Consciousness.ALERT, new BigDecimal(temp));
  }
}
