package org.rehabnet.platform.web.idempotency;

import org.springframework.scheduling.annotation.Scheduled;

/** Forgets kept answers once a retry could no longer be meant (every service schedules this). */
public class ExpiredAnswers {

  private final IdempotentAnswers answers;

  public ExpiredAnswers(IdempotentAnswers answers) {
    this.answers = answers;
  }

  @Scheduled(fixedDelayString = "${rehabnet.idempotency.purge-interval:PT1H}",
      initialDelayString = "${rehabnet.idempotency.purge-interval:PT1H}")
  public void forget() {
    answers.forgetExpired();
  }
}
