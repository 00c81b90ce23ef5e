package org.rehabnet.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Gets the outbox out as soon as the broker is back. While the broker is away, sends that outlive
 * the producer's delivery timeout fail and the registry marks their publications FAILED; the
 * fixed-age resubmission alone would resend them only when older than 30 s on a 15 s tick, so
 * events waited up to ~45 s after the broker returned. Here a cheap check runs every second: after a
 * failed send, or while an event has waited longer than a producer retry takes, it asks the broker
 * (describeCluster, 1 s timeout); while it does not answer that is an outage, and the moment it
 * answers again every failed
 * publication in publication order (the registry's order, so one aggregate's events leave in the
 * order they were recorded; a later event the producer delivered by its own retry may still overtake
 * an earlier one resent here, which consumers tolerate through the sequence in the metadata).
 *
 * <p>It is also the template's producer listener, in place of Spring Kafka's LoggingProducerListener,
 * which logs every failed record at ERROR with its stack trace and its contents (the payload has no
 * place in a log): an outage is one WARN when it starts and one INFO when it ends, with how many
 * publications were resent.
 */
public class OutboxRecovery implements ProducerListener<Object, Object> {

  private static final Logger log = LoggerFactory.getLogger(OutboxRecovery.class);
  /** A send the producer is still retrying is not yet a sign of an outage. */
  private static final Duration WAITING_TOO_LONG = Duration.ofSeconds(5);

  private final IncompleteEventPublications incomplete;
  private final JdbcClient jdbc;
  private final Admin admin;
  private final Counter resent;
  private final AtomicReference<@Nullable Instant> outageSince = new AtomicReference<>();
  private final AtomicInteger failedSends = new AtomicInteger();
  private final BooleanSupplier senderIdle;
  private volatile boolean failureSeen;

  /**
   * {@code senderIdle} says whether the outbox sender has nothing queued and nothing in hand: then a
   * publication still PUBLISHED (never taken up) after {@link #WAITING_TOO_LONG} has no send coming.
   */
  public OutboxRecovery(IncompleteEventPublications incomplete, JdbcClient jdbc, Admin admin, MeterRegistry meters,
      BooleanSupplier senderIdle) {
    this.incomplete = incomplete;
    this.jdbc = jdbc;
    this.admin = admin;
    this.senderIdle = senderIdle;
    this.resent = Counter.builder("rehabnet.outbox.resent")
        .description("Publications resent from the outbox after their first send failed")
        .register(meters);
  }

  @Override
  public void onError(ProducerRecord<Object, Object> record, @Nullable RecordMetadata metadata, Exception exception) {
    if (isTransient(exception)) {
      failedSends.incrementAndGet();
      failureSeen = true;
      log.debug("Send to {} failed, the outbox keeps it: {}", record.topic(), exception.toString());
    } else {
      // Not an outage (a record too large, an authorisation refused): every one deserves a line, still
      // without the record's contents.
      log.error("Send to {} failed and will not succeed by waiting: {}", record.topic(), exception.toString());
    }
  }

  private static boolean isTransient(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof RetriableException) {
        return true;
      }
    }
    return false;
  }

  @Scheduled(fixedDelayString = "${rehabnet.events.recovery-interval:PT1S}",
      initialDelayString = "${rehabnet.events.recovery-interval:PT1S}")
  public void check() {
    try {
      boolean failing = failureSeen || outageSince.get() != null;
      if (!failing && !oldestWaitingTooLong()) {
        return;
      }
      if (!brokerAnswers()) {
        Instant now = Instant.now();
        if (outageSince.compareAndSet(null, now)) {
          log.warn("Kafka does not answer: events stay in the outbox ({} waiting) and are resent as soon as it does",
              waiting());
        }
        return;
      }
      if (!failing) {
        // Slow, not failed: the producer is still retrying and will get there itself. Unless the send
        // never started: after a commit, the registry marks the publication as being processed before
        // sending; with the database away at that moment the send is dropped and the publication stays
        // PUBLISHED, with nothing coming for it until the fixed-age resubmission.
        int orphans = resendNeverStarted();
        if (orphans > 0) {
          log.info("{} publications whose send never started resent from the outbox", orphans);
        }
        return;
      }
      failureSeen = false;
      int count = resendFailed();
      Instant since = outageSince.getAndSet(null);
      if (since != null) {
        log.info("Kafka answers again after {} s: {} publications resent from the outbox ({} sends had failed)",
            Duration.between(since, Instant.now()).toSeconds(), count, failedSends.getAndSet(0));
      } else if (count > 0) {
        log.info("{} failed publications resent from the outbox", count);
        failedSends.set(0);
      }
    } catch (RuntimeException e) {
      // The database itself may be away; the next tick tries again.
      log.debug("Outbox recovery check failed: {}", e.toString());
    }
  }

  private boolean oldestWaitingTooLong() {
    return jdbc.sql("""
            SELECT EXISTS (SELECT 1 FROM event_publication
                           WHERE completion_date IS NULL
                             AND publication_date < now() - make_interval(secs => :seconds))""")
        .param("seconds", WAITING_TOO_LONG.toSeconds())
        .query(Boolean.class).single();
  }

  private long waiting() {
    return jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class).single();
  }

  private boolean brokerAnswers() {
    try {
      admin.describeCluster(new DescribeClusterOptions().timeoutMs(1_000)).nodes().get(2, TimeUnit.SECONDS);
      return true;
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Resends the publications still PUBLISHED (never taken up by a send) after {@link #WAITING_TOO_LONG}
   * while the sender is idle, oldest first; returns how many. Idle is read before the publications, so
   * one committed in between is at worst sent twice, which consumers ignore by its event id.
   */
  int resendNeverStarted() {
    if (!senderIdle.getAsBoolean()) {
      log.debug("Publications waiting, the outbox sender is busy with them");
      return 0;
    }
    Instant before = Instant.now().minus(WAITING_TOO_LONG);
    AtomicInteger count = new AtomicInteger();
    incomplete.resubmitIncompletePublications(publication -> {
      boolean orphan = publication.getStatus() == EventPublication.Status.PUBLISHED
          && publication.getPublicationDate().isBefore(before);
      if (orphan) {
        count.incrementAndGet();
      }
      return orphan;
    });
    resent.increment(count.get());
    return count.get();
  }

  /** Resends every FAILED publication, oldest first; returns how many. */
  int resendFailed() {
    AtomicInteger count = new AtomicInteger();
    incomplete.resubmitIncompletePublications(publication -> {
      boolean failed = publication.getStatus() == EventPublication.Status.FAILED;
      if (failed) {
        count.incrementAndGet();
      }
      return failed;
    });
    resent.increment(count.get());
    return count.get();
  }
}
