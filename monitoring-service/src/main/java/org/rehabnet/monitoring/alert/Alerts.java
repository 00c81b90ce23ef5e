package org.rehabnet.monitoring.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.rehabnet.monitoring.site.Sites;
import org.rehabnet.platform.events.clinical.AlertKind;
import org.rehabnet.platform.web.audit.AuditAction;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.paging.Page;
import org.rehabnet.platform.web.paging.Position;
import org.rehabnet.platform.web.paging.Window;
import org.rehabnet.platform.web.security.Caller;
import org.rehabnet.platform.web.security.SiteScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Raises alerts for the other features (inside their transaction, so an alert and the charting that
 * caused it commit together) and lets staff read and acknowledge them.
 */
@Service
public class Alerts {

  private static final Logger log = LoggerFactory.getLogger(Alerts.class);

  private final ClinicalAlerts alerts;
  private final Sites sites;
  private final Clock clock;
  private final AuditTrail audit;
  private final ChartReaders readers;
  private final MeterRegistry meters;

  Alerts(ClinicalAlerts alerts, Sites sites, Clock clock, AuditTrail audit, ChartReaders readers,
      MeterRegistry meters) {
    this.alerts = alerts;
    this.sites = sites;
    this.clock = clock;
    this.audit = audit;
    this.readers = readers;
    this.meters = meters;
  }

  /**
   * Raises each signal unless {@link AlertSuppression} says an open alert already covers it
   * (repeating it within minutes would only add alarm fatigue). Without the site's settings nothing
   * is suppressed: an alert too many is the safe side. Returns the kinds raised.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<AlertKind> raise(UUID episodeId, UUID patientId, String site, Collection<AlertSignal> signals) {
    if (signals.isEmpty()) {
      return List.of();
    }
    Instant now = clock.instant();
    Duration window = sites.find(site).map(policy -> policy.settings().alerts().repeatSuppressionWindow())
        .orElse(Duration.ZERO);
    List<AlertSuppression.OpenAlert> open = alerts.findOpen(episodeId).stream()
        .map(alert -> new AlertSuppression.OpenAlert(alert.kind(), alert.severity(), alert.raisedAt()))
        .toList();
    return signals.stream()
        .filter(signal -> !AlertSuppression.suppressed(open, signal, now, window))
        .map(signal -> {
          ClinicalAlert alert = alerts.save(ClinicalAlert.raise(episodeId, patientId, site, signal, now));
          log.info("Raised {} on episode {}", alert, episodeId);
          countedOnCommit(alert);
          return alert.kind();
        })
        .toList();
  }

  /** How many alerts on the episode nobody has acknowledged yet. */
  @Transactional(readOnly = true)
  public int openCount(UUID episodeId) {
    return alerts.findOpen(episodeId).size();
  }

  @Transactional(readOnly = true)
  Page<AlertView> ofEpisode(UUID episodeId, Window window, Caller caller) {
    ChartReaders.ReadableChart chart = readers.readable(episodeId, caller);
    audit.read("ClinicalAlert", episodeId, chart.patientId(), chart.site());
    return Page.read(window, rows -> alerts.firstPage(episodeId, window.from(), window.to(), rows),
        (after, rows) -> alerts.pageAfter(episodeId, window.from(), window.to(), after.at(), after.id(), rows),
        () -> alerts.countInWindow(episodeId, window.from(), window.to()),
        alert -> new Position(alert.raisedAt(), alert.id())).map(AlertView::of);
  }

  @Transactional
  AlertView acknowledge(UUID alertId, Caller caller) {
    ClinicalAlert alert = SiteScope.writable(alerts.findById(alertId), ClinicalAlert::site, caller, "Alert", alertId);
    alert.acknowledge(caller.username(), clock.instant());
    ClinicalAlert saved = alerts.save(alert);
    audit.wrote(AuditAction.UPDATE, "ClinicalAlert", alertId, alert.patientId(), alert.site());
    return AlertView.of(saved);
  }

  /**
   * rehabnet_alerts_raised_total{kind, severity, site}: counted once the alert is committed, so a
   * charting transaction that rolls back does not show an alert nobody can see.
   */
  private void countedOnCommit(ClinicalAlert alert) {
    Counter counter = Counter.builder("rehabnet.alerts.raised")
        .description("Clinical alerts raised (after suppression), by kind and severity")
        .tag("kind", alert.kind().name())
        .tag("severity", alert.severity().name())
        .tag("site", alert.site())
        .register(meters);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        counter.increment();
      }
    });
  }
}
