package org.rehabnet.platform.web.idempotency;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;

/** Forgets kept answers once a retry could no longer be meant (every service schedules this). */
public class ExpiredAnswers {

  private final IdempotentAnswers answers;

  public ExpiredAnswers(IdempotentAnswers answers) {
    this.answers = answers;
  }

  @Scheduled(fixedDelayString = "${rehabnet.idempotency.purge-interval:PT1H}",
      initialDelayString = "${rehabnet.idempotency.purge-interval:PT1H}")
  @SchedulerLock(name = "platform.expired-idempotent-answers", lockAtMostFor = "PT10M")
  public void forget() {
    answers.forgetExpired();
  }
}
