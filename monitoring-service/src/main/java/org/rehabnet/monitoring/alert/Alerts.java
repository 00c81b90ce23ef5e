package org.rehabnet.monitoring.alert;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.rehabnet.platform.events.clinical.AlertKind;
import org.rehabnet.platform.web.audit.AuditAction;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.problem.NotFound;
import org.rehabnet.platform.web.problem.WrongSite;
import org.rehabnet.platform.web.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raises alerts for the other features (inside their transaction, so an alert and the charting that
 * caused it commit together) and lets staff read and acknowledge them.
 */
@Service
public class Alerts {

  private static final Logger log = LoggerFactory.getLogger(Alerts.class);

  private final ClinicalAlerts alerts;
  private final Clock clock;
  private final AuditTrail audit;

  Alerts(ClinicalAlerts alerts, Clock clock, AuditTrail audit) {
    this.alerts = alerts;
    this.clock = clock;
    this.audit = audit;
  }

  /**
   * Raises each signal, unless an open alert of the same kind at least as severe is already on the
   * chart (repeating it would only add alarm fatigue). Returns the kinds raised.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<AlertKind> raise(UUID episodeId, UUID patientId, String site, Collection<AlertSignal> signals) {
    if (signals.isEmpty()) {
      return List.of();
    }
    List<ClinicalAlert> open = alerts.findOpen(episodeId);
    return signals.stream()
        .filter(signal -> repeatsWhileOpen(signal.kind()) || open.stream().noneMatch(alert ->
            alert.kind() == signal.kind() && alert.severity().compareTo(signal.severity()) >= 0))
        .map(signal -> {
          ClinicalAlert alert = alerts.save(ClinicalAlert.raise(episodeId, patientId, site, signal, clock.instant()));
          log.info("Raised {} on episode {}", alert, episodeId);
          return alert.kind();
        })
        .toList();
  }

  /** Each override and each overdue assessment is its own fact; the others repeat while one is open. */
  static boolean repeatsWhileOpen(AlertKind kind) {
    return kind == AlertKind.DOSE_OVERRIDE || kind == AlertKind.OVERDUE_ASSESSMENT;
  }

  /** How many alerts on the episode nobody has acknowledged yet. */
  @Transactional(readOnly = true)
  public int openCount(UUID episodeId) {
    return alerts.findOpen(episodeId).size();
  }

  @Transactional(readOnly = true)
  List<AlertView> ofEpisode(UUID episodeId, Caller caller) {
    List<ClinicalAlert> found = alerts.findByEpisodeIdOrderByRaisedAtDesc(episodeId).stream()
        .filter(alert -> caller.canRead(alert.site()))
        .toList();
    found.stream().findFirst().ifPresent(alert ->
        audit.read("ClinicalAlert", episodeId, alert.patientId(), alert.site()));
    return found.stream().map(AlertView::of).toList();
  }

  @Transactional
  AlertView acknowledge(UUID alertId, Caller caller) {
    ClinicalAlert alert = alerts.findById(alertId)
        .filter(found -> caller.canRead(found.site()))
        .orElseThrow(() -> new NotFound("Alert", alertId));
    if (!caller.worksAt(alert.site())) {
      throw new WrongSite(alert.site());
    }
    alert.acknowledge(caller.username(), clock.instant());
    ClinicalAlert saved = alerts.save(alert);
    audit.wrote(AuditAction.UPDATE, "ClinicalAlert", alertId, alert.patientId(), alert.site());
    return AlertView.of(saved);
  }
}
