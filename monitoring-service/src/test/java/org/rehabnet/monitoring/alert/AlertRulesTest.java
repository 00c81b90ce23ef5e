package org.rehabnet.monitoring.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rehabnet.platform.events.clinical.AlertKind;
import org.rehabnet.platform.events.clinical.AlertSeverity;

class AlertRulesTest {

  @Test
  void respiratoryDepressionFromRateSaturationOrSedation() {
    assertThat(AlertRules.respiratoryDepression(10, 90, 2, false)).isEmpty();
    assertThat(AlertRules.respiratoryDepression(9, 95, null, false)).extracting(AlertSignal::kind)
        .containsExactly(AlertKind.RESPIRATORY_DEPRESSION);
    assertThat(AlertRules.respiratoryDepression(16, 89, null, false)).hasSize(1);
    assertThat(AlertRules.respiratoryDepression(null, null, 3, false)).hasSize(1);
    assertThat(AlertRules.respiratoryDepression(null, null, null, true)).isEmpty();
  }

  @Test
  void respiratoryDepressionIsAnEmergencyWithinFourHoursOfADoseOrAtPossFour() {
    assertThat(AlertRules.respiratoryDepression(9, 95, null, false).getFirst().severity())
        .isEqualTo(AlertSeverity.HIGH);
    assertThat(AlertRules.respiratoryDepression(9, 95, null, true).getFirst().severity())
        .isEqualTo(AlertSeverity.EMERGENCY);
    assertThat(AlertRules.respiratoryDepression(null, null, 4, false).getFirst().severity())
        .isEqualTo(AlertSeverity.EMERGENCY);
  }

  @Test
  void aspirationRiskNeedsVomitingAndDrowsiness() {
    assertThat(AlertRules.aspirationRisk(true, false, 2)).isEmpty();
    assertThat(AlertRules.aspirationRisk(false, true, 4)).isEmpty();
    assertThat(AlertRules.aspirationRisk(true, true, null)).extracting(AlertSignal::kind)
        .containsExactly(AlertKind.ASPIRATION_RISK);
    assertThat(AlertRules.aspirationRisk(true, false, 3)).hasSize(1);
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
  void selfHarmRiskWheneverFlagged() {
    assertThat(AlertRules.selfHarmRisk(false)).isEmpty();
    assertThat(AlertRules.selfHarmRisk(true)).extracting(AlertSignal::kind).containsExactly(AlertKind.SELF_HARM_RISK);
  }

  @Test
  void overdueAndOverridesAreAlwaysTheirOwnAlert() {
    assertThat(AlertRules.overdue("COWS").kind()).isEqualTo(AlertKind.OVERDUE_ASSESSMENT);
    assertThat(AlertRules.doseOverride("DAILY_MAXIMUM").kind()).isEqualTo(AlertKind.DOSE_OVERRIDE);
    assertThat(Alerts.repeatsWhileOpen(AlertKind.OVERDUE_ASSESSMENT)).isTrue();
    assertThat(Alerts.repeatsWhileOpen(AlertKind.DOSE_OVERRIDE)).isTrue();
    assertThat(Alerts.repeatsWhileOpen(AlertKind.NEWS2_DETERIORATION)).isFalse();
  }
}
