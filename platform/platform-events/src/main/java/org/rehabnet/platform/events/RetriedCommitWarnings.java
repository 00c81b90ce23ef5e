package org.rehabnet.platform.events;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Drops the WARN Kafka's consumer writes for every offset commit it retries ("Offset commit failed
 * on partition p at offset n: This is not the correct coordinator"). A broker that is frozen or
 * failed over makes each consumer with a commit in flight write it once or twice: 15 consumers in
 * aftercare, so up to 30 lines about one outage, which OutboxRecovery and readiness already report
 * (#17: "at most a few lines"). The consumer retries the commit itself, and a record whose commit
 * is lost is delivered again and ignored by its event id. A commit that cannot succeed by retrying
 * is logged by Kafka at ERROR with the same words and still shows; so does everything else the
 * coordinator says, the poll-timeout warning among it.
 */
public final class RetriedCommitWarnings extends TurboFilter {

  static final String COORDINATOR = "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator";
  /** Kafka's format: "Offset commit failed on partition {} at offset {}: {}". */
  static final String RETRIED_COMMIT = "Offset commit failed on partition {} at offset {}: {}";
  private static final String RETRIED_COMMIT_WORDS = "Offset commit failed on partition ";

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    // Kafka's LogContext formats the message itself and puts the client's prefix ("[Consumer
    // clientId=...] ") before it, so what arrives here is the finished line.
    return level == Level.WARN && format != null && format.contains(RETRIED_COMMIT_WORDS)
        && COORDINATOR.equals(logger.getName())
        ? FilterReply.DENY : FilterReply.NEUTRAL;
  }

  /** Adds the filter once Boot has set logging up (it resets Logback's context when it does). */
  public static final class Installer implements ApplicationListener<ApplicationPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
      install();
    }

    static void install() {
      if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
          && context.getTurboFilterList().stream().noneMatch(RetriedCommitWarnings.class::isInstance)) {
        RetriedCommitWarnings filter = new RetriedCommitWarnings();
        filter.setName("kafka-retried-commit-warnings");
        filter.start();
        context.addTurboFilter(filter);
      }
    }
  }
}
