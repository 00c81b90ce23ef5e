package org.rehabnet.monitoring.reassessment;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the overdue check on a fixed delay. ShedLock's row in {@code shedlock} makes it run on one
 * instance at a time; the due times live in the database, so a restart loses nothing.
 */
@Component
class OverdueAssessmentCheck {

  private final Reassessments reassessments;

  OverdueAssessmentCheck(Reassessments reassessments) {
    this.reassessments = reassessments;
  }

  @Scheduled(fixedDelayString = "${rehabnet.monitoring.reassessment.overdue-check-interval:PT1M}",
      initialDelayString = "${rehabnet.monitoring.reassessment.overdue-check-interval:PT1M}")
  @SchedulerLock(name = "monitoring.overdue-assessments", lockAtMostFor = "PT5M", lockAtLeastFor = "PT5S")
  void run() {
    reassessments.raiseOverdueAlerts();
  }
}
