package org.rehabnet.monitoring.reassessment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.monitoring.alert.AlertRules;
import org.rehabnet.monitoring.alert.Alerts;
import org.rehabnet.monitoring.site.Sites;
import org.rehabnet.platform.events.intake.SiteSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reassessment timers: the charting features tell it what was charted, it works out when the next
 * COWS and vital signs are due, and {@link #raiseOverdueAlerts()} turns what is late into alerts.
 */
@Service
public class Reassessments {

  private static final Logger log = LoggerFactory.getLogger(Reassessments.class);

  private final ReassessmentTimers timers;
  private final ReassessmentCadence cadence;
  private final Sites sites;
  private final Alerts alerts;
  private final Clock clock;

  Reassessments(ReassessmentTimers timers, ReassessmentCadence cadence, Sites sites, Alerts alerts, Clock clock) {
    this.timers = timers;
    this.cadence = cadence;
    this.sites = sites;
    this.alerts = alerts;
    this.clock = clock;
  }

  /**
   * The site's intervals; until its settings arrive, the defaults: scheduling reassessment on the
   * reference defaults is safer than not scheduling it.
   */
  private SiteSettings.Reassessment intervals(String site) {
    return sites.forDisplay(site).settings().reassessment();
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void start(UUID episodeId, UUID patientId, String site) {
    if (timers.existsById(episodeId)) {
      return;
    }
    Instant now = clock.instant();
    Duration routine = intervals(site).routineInterval();
    timers.save(ReassessmentTimer.start(episodeId, patientId, site, now.plus(routine), now.plus(routine)));
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void cowsCharted(UUID episodeId, String site, int total, Instant at) {
    boolean induction = inInduction(episodeId, at);
    timers.cowsCharted(episodeId, at.plus(cadence.untilNextCows(intervals(site), total, induction)), total);
  }

  /** @param news2Interval how often NEWS2's response level wants vital signs, if more often than policy */
  @Transactional(propagation = Propagation.MANDATORY)
  public void vitalsCharted(UUID episodeId, String site, @Nullable Duration news2Interval, Instant at) {
    boolean induction = inInduction(episodeId, at);
    timers.vitalsCharted(episodeId, at.plus(cadence.untilNextVitals(intervals(site), induction, news2Interval)));
  }

  /**
   * A buprenorphine or methadone dose: COWS and vital signs are due within the intensive interval
   * (1 h) after it, to catch sedation at the drug's peak; within the induction window after the
   * drug's first dose (24 h) reassessment stays intensive throughout.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void opioidGiven(UUID episodeId, String site, Instant firstDoseAt, Instant now) {
    SiteSettings.Reassessment intervals = intervals(site);
    Instant cowsDue = now.plus(cadence.untilNextCows(intervals, null, true));
    Instant vitalsDue = now.plus(cadence.untilNextVitals(intervals, true, null));
    Instant until = firstDoseAt.plus(cadence.inductionWindow());
    if (now.isBefore(until)) {
      timers.inductionStarted(episodeId, until, cowsDue, vitalsDue);
    }
    timers.postDoseCheck(episodeId, cowsDue, vitalsDue);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void stop(UUID episodeId) {
    timers.stop(episodeId);
  }

  @Transactional(readOnly = true)
  public Optional<DueAssessments> due(UUID episodeId) {
    Instant now = clock.instant();
    return timers.findById(episodeId).filter(ReassessmentTimer::active)
        .map(timer -> new DueAssessments(timer.cowsDueAt(), timer.vitalsDueAt(), timer.cowsDueAt().isBefore(now),
            timer.vitalsDueAt().isBefore(now)));
  }

  /**
   * Raises an OVERDUE_ASSESSMENT alert for each COWS or vital-signs set that has passed its due time
   * since the last run. The scheduler calls it; tests call it after moving the clock.
   */
  @Transactional
  public int raiseOverdueAlerts() {
    Instant now = clock.instant();
    int raised = 0;
    List<ReassessmentTimer> batch = timers.lockOverdue(now);
    while (!batch.isEmpty()) {
      for (ReassessmentTimer timer : batch) {
        List<String> overdue = timer.takeNewlyOverdue(now);
        timers.save(timer);
        raised += alerts.raise(timer.episodeId(), timer.patientId(), timer.site(),
            overdue.stream().map(AlertRules::overdue).toList()).size();
      }
      // Marked rows drop out of the query; rows another instance holds are skipped, not repeated.
      batch = timers.lockOverdue(now);
    }
    if (raised > 0) {
      log.info("Raised {} overdue-assessment alerts", raised);
    }
    return raised;
  }

  private boolean inInduction(UUID episodeId, Instant at) {
    Instant until = timers.inductionUntil(episodeId);
    return until != null && at.isBefore(until);
  }
}
