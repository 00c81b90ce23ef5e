package org.rehabnet.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.kafka.clients.consumer.internals.ConsumerCoordinator;
import org.apache.kafka.common.utils.LogContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RetriedCommitWarningsTest {

  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final ListAppender<ILoggingEvent> written = new ListAppender<>();
  private final Logger coordinator = context.getLogger(RetriedCommitWarnings.COORDINATOR);
  // The consumer's coordinator logs through Kafka's LogContext, which prefixes every format.
  private final org.slf4j.Logger kafka = new LogContext("[Consumer instanceId=faults-1.aftercare.care.patients-2, "
      + "groupId=aftercare.care.patients] ").logger(ConsumerCoordinator.class);

  @BeforeEach
  void listen() {
    RetriedCommitWarnings.Installer.install();
    written.start();
    coordinator.addAppender(written);
  }

  @AfterEach
  void stopListening() {
    coordinator.detachAppender(written);
  }

  @Test
  void aCommitTheConsumerRetriesWritesNothing() {
    kafka.warn(RetriedCommitWarnings.RETRIED_COMMIT, "rehab.intake.admissions.v1-1", 11,
        "This is not the correct coordinator.");

    assertThat(written.list).isEmpty();
  }

  @Test
  void aCommitThatCannotSucceedIsStillAnError() {
    kafka.error(RetriedCommitWarnings.RETRIED_COMMIT, "rehab.intake.admissions.v1-1", 11,
        "The coordinator is not aware of this member.");

    assertThat(written.list).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
        .contains("Offset commit failed on partition rehab.intake.admissions.v1-1 at offset 11");
  }

  @Test
  void whateverElseTheCoordinatorWarnsOfStillShows() {
    kafka.warn("consumer poll timeout has expired. This means the time between subsequent calls to poll() "
        + "was longer than the configured max.poll.interval.ms");
    context.getLogger("org.apache.kafka.clients.consumer.KafkaConsumer")
        .addAppender(written);
    context.getLogger("org.apache.kafka.clients.consumer.KafkaConsumer")
        .warn(RetriedCommitWarnings.RETRIED_COMMIT, "t-0", 1, "x");
    context.getLogger("org.apache.kafka.clients.consumer.KafkaConsumer").detachAppender(written);

    assertThat(written.list).hasSize(2);
  }

  @Test
  void installingTwiceAddsOneFilter() {
    RetriedCommitWarnings.Installer.install();
    RetriedCommitWarnings.Installer.install();

    assertThat(context.getTurboFilterList()).filteredOn(RetriedCommitWarnings.class::isInstance).hasSize(1);
  }
}
