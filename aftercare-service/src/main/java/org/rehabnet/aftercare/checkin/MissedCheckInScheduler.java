package org.rehabnet.aftercare.checkin;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks for missed check-ins every hour, on one instance per tick (ShedLock). A task is also unique
 * per plan and due date, so a run that overlapped another would add nothing either.
 */
@Component
class MissedCheckInScheduler {

  private static final Logger log = LoggerFactory.getLogger(MissedCheckInScheduler.class);

  private final CheckInService checkIns;

  MissedCheckInScheduler(CheckInService checkIns) {
    this.checkIns = checkIns;
  }

  @Scheduled(cron = "${rehabnet.aftercare.checkin.detect-cron:0 7 * * * *}")
  @SchedulerLock(name = "aftercare.missed-check-ins", lockAtMostFor = "PT10M", lockAtLeastFor = "PT30S")
  void detect() {
    try {
      int raised = checkIns.raiseFollowUpsForMissedCheckIns();
      if (raised > 0) {
        log.info("Raised {} follow-up tasks for missed check-ins", raised);
      }
    } catch (RuntimeException e) {
      log.warn("Missed check-in detection failed, will run again: {}", e.toString());
    }
  }
}
