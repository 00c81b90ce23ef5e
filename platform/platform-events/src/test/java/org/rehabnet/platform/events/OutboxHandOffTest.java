package org.rehabnet.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.task.TaskRejectedException;

/**
 * The outbox sender's promise: records reach the producer in the order their events were committed,
 * while the broker's answers for them overlap. A "send" here is what the externalizer does: some
 * work before the record is handed on (the registry marks the publication), the hand-off, then a
 * wait for the answer.
 */
class OutboxHandOffTest {

  final OutboxHandOff sender = new OutboxHandOff(null, 1000);

  @AfterEach
  void stop() {
    sender.stop(Duration.ofSeconds(2));
  }

  @Test
  void recordsReachTheProducerInSubmissionOrderWhileTheirAnswersOverlap() throws Exception {
    ConcurrentLinkedQueue<Integer> handedOn = new ConcurrentLinkedQueue<>();
    AtomicInteger waiting = new AtomicInteger();
    AtomicInteger mostWaitingAtOnce = new AtomicInteger();
    CountDownLatch answered = new CountDownLatch(200);
    List<CompletableFuture<Integer>> results = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      int event = i;
      results.add(sender.submitCompletable(() -> {
        // Before the hand-off, a varying delay: without the dispatcher's wait a later event would
        // overtake an earlier one here.
        TimeUnit.MICROSECONDS.sleep(ThreadLocalRandom.current().nextInt(0, 2_000));
        handedOn.add(event);
        OutboxHandOff.handedToProducer();
        int now = waiting.incrementAndGet();
        mostWaitingAtOnce.accumulateAndGet(now, Math::max);
        TimeUnit.MILLISECONDS.sleep(20); // the broker's answer
        waiting.decrementAndGet();
        answered.countDown();
        return event;
      }));
    }

    assertThat(answered.await(20, TimeUnit.SECONDS)).isTrue();
    assertThat(List.copyOf(handedOn)).as("commit order").containsExactlyElementsOf(
        IntStream.range(0, 200).boxed().toList());
    assertThat(mostWaitingAtOnce.get()).as("answers awaited together, not one after another").isGreaterThan(5);
    for (int i = 0; i < 200; i++) {
      assertThat(results.get(i).get(1, TimeUnit.SECONDS)).isEqualTo(i);
    }
  }

  @Test
  void aTaskThatEndsWithoutSendingOrFailsDoesNotHoldUpTheNext() throws Exception {
    CompletableFuture<Object> failed = sender.submitCompletable(() -> {
      throw new IllegalStateException("the registry could not mark the publication");
    });
    CompletableFuture<String> skipped = sender.submitCompletable(() -> "not externalized");
    CompletableFuture<String> sent = sender.submitCompletable(() -> {
      OutboxHandOff.handedToProducer();
      return "sent";
    });

    assertThat(sent.get(5, TimeUnit.SECONDS)).isEqualTo("sent");
    assertThat(skipped.get()).isEqualTo("not externalized");
    assertThat(failed).isCompletedExceptionally();
  }

  @Test
  void isIdleOnlyWhenNothingWaitsToBeHandedOn() throws Exception {
    assertThat(sender.idle()).isTrue();
    CountDownLatch release = new CountDownLatch(1);
    sender.execute(() -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    CompletableFuture<String> queuedBehind = sender.submitCompletable(() -> "next");

    assertThat(sender.idle()).as("one being handed on, one queued").isFalse();
    release.countDown();
    assertThat(queuedBehind.get(5, TimeUnit.SECONDS)).isEqualTo("next");
    await().atMost(Duration.ofSeconds(2)).until(sender::idle);
  }

  @Test
  void aHandOffSignalOutsideTheSenderChangesNothing() {
    OutboxHandOff.handedToProducer();
    assertThat(sender.idle()).isTrue();
  }

  @Test
  void aStopHandsOnWhatIsQueuedAndThenRefusesNewWork() throws Exception {
    ConcurrentLinkedQueue<Integer> handedOn = new ConcurrentLinkedQueue<>();
    for (int i = 0; i < 20; i++) {
      int event = i;
      sender.execute(() -> {
        handedOn.add(event);
        OutboxHandOff.handedToProducer();
      });
    }

    sender.stop(Duration.ofSeconds(5));

    assertThat(handedOn).hasSize(20);
    assertThatThrownBy(() -> sender.execute(() -> {}))
        .isInstanceOf(TaskRejectedException.class);
  }
}
