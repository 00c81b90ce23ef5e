package org.rehabnet.monitoring.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rehabnet.platform.events.clinical.AlertKind;
import org.rehabnet.platform.events.clinical.AlertSeverity;

class AlertRulesTest {

  static final Instant NOW = Instant.parse("2026-02-02T13:00:00Z");

  @ParameterizedTest
  @CsvSource({"10, false", "9, true"})
  void respiratoryDepressionBelowTenBreathsAMinute(int rr, boolean raised) {
    assertThat(AlertRules.respiratoryDepression(rr, 97, false, 1, false)).hasSize(raised ? 1 : 0);
  }

  @ParameterizedTest
  @CsvSource({"90, false", "89, true"})
  void respiratoryDepressionBelowNinetyPercent(int spo2, boolean raised) {
    assertThat(AlertRules.respiratoryDepression(16, spo2, false, 1, false)).hasSize(raised ? 1 : 0);
  }

  @ParameterizedTest
  @CsvSource({"88, false", "87, true"})
  void onSpo2Scale2TheTargetRangeIsNotRespiratoryDepression(int spo2, boolean raised) {
    assertThat(AlertRules.respiratoryDepression(16, spo2, true, 1, false)).hasSize(raised ? 1 : 0);
  }

  @ParameterizedTest
  @CsvSource({"2, false", "3, true"})
  void respiratoryDepressionAtPossThree(int poss, boolean raised) {
    assertThat(AlertRules.respiratoryDepression(null, null, false, poss, false)).hasSize(raised ? 1 : 0);
    assertThat(AlertRules.respiratoryDepression(null, null, false, null, true)).isEmpty();
  }

  @Test
  void respiratoryDepressionIsAnEmergencyWithinFourHoursOfAnOpioidDoseOrAtPossFour() {
    assertThat(AlertRules.respiratoryDepression(9, 95, false, null, false).getFirst().severity())
        .isEqualTo(AlertSeverity.HIGH);
    var afterDose = AlertRules.respiratoryDepression(8, 95, false, null, true).getFirst();
    assertThat(afterDose.severity()).isEqualTo(AlertSeverity.EMERGENCY);
    assertThat(afterDose.reason()).contains("within 4 h of an opioid dose").doesNotContain("8");
    assertThat(AlertRules.respiratoryDepression(null, null, false, 4, false).getFirst().severity())
        .isEqualTo(AlertSeverity.EMERGENCY);
  }

  @ParameterizedTest
  @CsvSource({"0, true", "239, true", "240, true", "241, false"})
  void anOpioidDoseCountsForFourHours(int minutesAgo, boolean within) {
    assertThat(AlertRules.withinOpioidPeak(NOW.minus(Duration.ofMinutes(minutesAgo)), NOW)).isEqualTo(within);
    assertThat(AlertRules.withinOpioidPeak(null, NOW)).isFalse();
  }

  @Test
  void aspirationRiskNeedsVomitingAndDrowsiness() {
    assertThat(AlertRules.aspirationRisk(true, false, 2)).isEmpty();
    assertThat(AlertRules.aspirationRisk(false, true, 4)).isEmpty();
    assertThat(AlertRules.aspirationRisk(true, true, null)).extracting(AlertSignal::kind)
        .containsExactly(AlertKind.ASPIRATION_RISK);
    assertThat(AlertRules.aspirationRisk(true, false, 3)).hasSize(1);
    assertThat(AlertRules.VOMITING_LOOKBACK).isEqualTo(Duration.ofHours(4));
  }

  @Test
  void severeWithdrawalAboveThirtySix() {
    assertThat(AlertRules.severeWithdrawal(36)).isEmpty();
    assertThat(AlertRules.severeWithdrawal(37)).extracting(AlertSignal::kind)
        .containsExactly(AlertKind.SEVERE_WITHDRAWAL);
  }

  @Test
  void deteriorationAtFiveOrASingleThreeAndEmergencyAtSeven() {
    assertThat(AlertRules.deterioration(4, false)).isEmpty();
    assertThat(AlertRules.deterioration(3, true).getFirst().severity()).isEqualTo(AlertSeverity.MEDIUM);
    assertThat(AlertRules.deterioration(5, false).getFirst().severity()).isEqualTo(AlertSeverity.HIGH);
    assertThat(AlertRules.deterioration(6, true).getFirst().severity()).isEqualTo(AlertSeverity.HIGH);
    assertThat(AlertRules.deterioration(7, false).getFirst().severity()).isEqualTo(AlertSeverity.EMERGENCY);
  }

  @Test
  void selfHarmRiskAtIntakeSaysSoAndOnRescreenDoesNotClaimIntake() {
    assertThat(AlertRules.selfHarmRiskAtIntake(false)).isEmpty();
    assertThat(AlertRules.selfHarmRiskAtIntake(true).getFirst().reason()).contains("at intake");
    assertThat(AlertRules.selfHarmRiskOnRescreen(0)).isEmpty();
    var rescreen = AlertRules.selfHarmRiskOnRescreen(1).getFirst();
    assertThat(rescreen.kind()).isEqualTo(AlertKind.SELF_HARM_RISK);
    assertThat(rescreen.reason()).doesNotContain("intake").contains("during the stay");
  }

  @Test
  void overdueAndOverridesAreAlwaysTheirOwnAlert() {
    assertThat(AlertRules.overdue("COWS").kind()).isEqualTo(AlertKind.OVERDUE_ASSESSMENT);
    assertThat(AlertRules.doseOverride("DAILY_MAXIMUM").kind()).isEqualTo(AlertKind.DOSE_OVERRIDE);
  }
}
