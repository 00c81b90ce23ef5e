package org.rehabnet.monitoring.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import org.rehabnet.platform.events.clinical.AlertKind;
import org.rehabnet.platform.events.clinical.AlertSeverity;

/**
 * When an open alert keeps a new one of the same kind off the chart (docs/clinical-rules.md,
 * "Alerts"): only an unacknowledged alert raised within the site's window (60 min), and only when it
 * is at least as severe. A new danger is never hidden by an old alert: after the window, or when the
 * severity rises, the new alert is raised. Overrides and overdue assessments are each their own fact
 * and never suppressed.
 */
final class AlertSuppression {

  private AlertSuppression() {}

  record OpenAlert(AlertKind kind, AlertSeverity severity, Instant raisedAt) {}

  static boolean suppressed(Collection<OpenAlert> open, AlertSignal signal, Instant now, Duration window) {
    if (repeatsWhileOpen(signal.kind())) {
      return false;
    }
    return open.stream().anyMatch(alert -> alert.kind() == signal.kind()
        && alert.severity().compareTo(signal.severity()) >= 0
        && !alert.raisedAt().isAfter(now)
        && Duration.between(alert.raisedAt(), now).compareTo(window) <= 0);
  }

  /** Each override and each overdue assessment is its own fact; the others may be suppressed. */
  static boolean repeatsWhileOpen(AlertKind kind) {
    return kind == AlertKind.DOSE_OVERRIDE || kind == AlertKind.OVERDUE_ASSESSMENT;
  }
}
