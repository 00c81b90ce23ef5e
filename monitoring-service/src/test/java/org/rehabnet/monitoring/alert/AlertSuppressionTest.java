package org.rehabnet.monitoring.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rehabnet.platform.events.clinical.AlertKind;
import org.rehabnet.platform.events.clinical.AlertSeverity;
import org.rehabnet.platform.events.intake.SiteSettings;

/** A new danger is never hidden by an old alert; the window is the site default (60 min). */
class AlertSuppressionTest {

  static final Instant NOW = Instant.parse("2026-02-02T13:00:00Z");
  static final Duration WINDOW = SiteSettings.defaults().alerts().repeatSuppressionWindow();
  static final AlertSignal HIGH_RESPIRATORY = new AlertSignal(AlertKind.RESPIRATORY_DEPRESSION, AlertSeverity.HIGH,
      "respiration rate below 10/min");

  static AlertSuppression.OpenAlert open(AlertKind kind, AlertSeverity severity, int minutesAgo) {
    return new AlertSuppression.OpenAlert(kind, severity, NOW.minus(Duration.ofMinutes(minutesAgo)));
  }

  @ParameterizedTest
  @CsvSource({"59, true", "60, true", "61, false"})
  void anOpenAlertOfTheSameKindHidesARepeatOnlyWithinTheWindow(int minutesAgo, boolean suppressed) {
    var open = List.of(open(AlertKind.RESPIRATORY_DEPRESSION, AlertSeverity.HIGH, minutesAgo));
    assertThat(AlertSuppression.suppressed(open, HIGH_RESPIRATORY, NOW, WINDOW)).isEqualTo(suppressed);
  }

  @Test
  void aRisingSeverityIsAlwaysRaised() {
    var open = List.of(open(AlertKind.RESPIRATORY_DEPRESSION, AlertSeverity.HIGH, 1));
    var emergency = new AlertSignal(AlertKind.RESPIRATORY_DEPRESSION, AlertSeverity.EMERGENCY, "within 4 h");
    assertThat(AlertSuppression.suppressed(open, emergency, NOW, WINDOW)).isFalse();
  }

  @Test
  void aMoreSevereOpenAlertHidesALesserRepeatWithinTheWindow() {
    var open = List.of(open(AlertKind.RESPIRATORY_DEPRESSION, AlertSeverity.EMERGENCY, 10));
    assertThat(AlertSuppression.suppressed(open, HIGH_RESPIRATORY, NOW, WINDOW)).isTrue();
  }

  @Test
  void anOpenAlertOfAnotherKindHidesNothing() {
    var open = List.of(open(AlertKind.NEWS2_DETERIORATION, AlertSeverity.EMERGENCY, 1));
    assertThat(AlertSuppression.suppressed(open, HIGH_RESPIRATORY, NOW, WINDOW)).isFalse();
    assertThat(AlertSuppression.suppressed(List.of(), HIGH_RESPIRATORY, NOW, WINDOW)).isFalse();
  }

  @Test
  void withoutTheSitesWindowNothingIsHidden() {
    var open = List.of(open(AlertKind.RESPIRATORY_DEPRESSION, AlertSeverity.HIGH, 1));
    assertThat(AlertSuppression.suppressed(open, HIGH_RESPIRATORY, NOW, Duration.ZERO)).isFalse();
  }

  @Test
  void overridesAndOverdueAssessmentsAreEachTheirOwnFact() {
    var open = List.of(open(AlertKind.DOSE_OVERRIDE, AlertSeverity.HIGH, 1),
        open(AlertKind.OVERDUE_ASSESSMENT, AlertSeverity.MEDIUM, 1));
    assertThat(AlertSuppression.suppressed(open, AlertRules.doseOverride("DAILY_MAXIMUM"), NOW, WINDOW)).isFalse();
    assertThat(AlertSuppression.suppressed(open, AlertRules.overdue("COWS"), NOW, WINDOW)).isFalse();
  }
}
