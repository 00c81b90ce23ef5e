package org.rehabnet.aftercare.alert;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.aftercare.plan.PlanRef;
import org.rehabnet.platform.events.clinical.AlertSeverity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raises aftercare alerts (from the relapse and check-in features) and answers the worklists. One
 * alert per cause: raising it again, after a retry or a redelivery, returns the first.
 */
@Component
public class Alerts {

  private static final Logger log = LoggerFactory.getLogger(Alerts.class);

  /** Why an alert was raised, and how severe that is (docs/clinical-rules.md, "Aftercare alerts"). */
  public enum Reason {
    /** An overdose, or naloxone used: lost tolerance after detox makes the next one likelier. */
    OVERDOSE(AlertSeverity.EMERGENCY),
    /** A lapse or relapse the counsellor reported as an emergency. */
    EMERGENCY_RELAPSE(AlertSeverity.EMERGENCY),
    /** PHQ-9 item 9 above 0 at a check-in. */
    SELF_HARM_RISK(AlertSeverity.HIGH);

    private final AlertSeverity severity;

    Reason(AlertSeverity severity) {
      this.severity = severity;
    }

    public AlertSeverity severity() {
      return severity;
    }
  }

  /** An alert as the worklist shows it; overdue once its respond-by time has passed unacknowledged. */
  public record AlertView(UUID alertId, String site, UUID planId, UUID patientId, Reason reason,
      AlertSeverity severity, @Nullable String counsellor, Instant raisedAt, Instant respondBy, boolean overdue,
      @Nullable Instant acknowledgedAt, @Nullable String acknowledgedBy) {}

  private final AftercareAlerts alerts;

  Alerts(AftercareAlerts alerts) {
    this.alerts = alerts;
  }

  /** Raises the alert of a cause once; joins the caller's transaction. Returns the alert's id. */
  @Transactional
  public UUID raise(PlanRef plan, Reason reason, UUID causeId, Instant respondBy, Instant now) {
    return alerts.findByReasonAndCauseId(reason, causeId).map(AftercareAlert::id).orElseGet(() -> {
      AftercareAlert alert = alerts.save(AftercareAlert.raise(plan, reason, causeId, respondBy, now));
      log.info("Raised {}", alert);
      return alert.id();
    });
  }

  /** The alert a cause raised, if it raised one. */
  @Transactional(readOnly = true)
  public Optional<UUID> alertOf(UUID causeId) {
    return alerts.findFirstByCauseId(causeId).map(AftercareAlert::id);
  }

  /** Unacknowledged alerts of a plan, most severe first. */
  @Transactional(readOnly = true)
  public List<AlertView> openFor(UUID planId, Instant now) {
    return alerts.findByPlanIdAndAcknowledgedAtIsNull(planId).stream()
        .map(alert -> alert.view(now))
        .sorted(Comparator.comparing(AlertView::severity).reversed().thenComparing(AlertView::raisedAt))
        .toList();
  }
}
