package org.rehabnet.platform.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.TaskRejectedException;

/**
 * The outbox sender: hands each event to the producer in commit order, and does not wait for the
 * broker's answer before handing on the next.
 *
 * <p>Modulith externalizes each event from an {@code @Async} listener that returns the send's
 * future, and Spring's {@code @Async} support waits on that future in the executor's thread. On one
 * thread (which the order needs) every event therefore waited for the one before it to be
 * acknowledged and marked complete: some 60-70 events a second on the 2-core machine, and at 100
 * admissions a second the ward waited 10 s for a chart (bench/README.md, event latency).
 *
 * <p>Here one dispatcher thread takes the tasks in the order they were submitted and starts each on
 * a virtual thread of its own, then waits only until that task has handed its record to the producer
 * ({@link #handedToProducer}, called by {@link SignallingProducer} once {@code Producer.send} has
 * returned, so the record is in the producer's buffer) or has ended without sending; then it starts
 * the next. Records therefore reach the producer in commit order exactly as before (and the
 * idempotent producer keeps that order per partition), while their acknowledgements and the
 * registry's completion marks overlap. At most {@code maxInFlight} sends wait for their answer at
 * once; beyond that the dispatcher waits too.
 */
final class OutboxHandOff implements AsyncTaskExecutor {

  static final String THREAD = "outbox-sender-1";
  private static final Logger log = LoggerFactory.getLogger(OutboxHandOff.class);
  private static final ThreadLocal<@Nullable CountDownLatch> HAND_OFF = new ThreadLocal<>();

  private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
  /** Tasks submitted and not yet handed to the producer (or ended): what "idle" asks about. */
  private final AtomicInteger notHandedOn = new AtomicInteger();
  private final Semaphore inFlight;
  private final int maxInFlight;
  private final ExecutorService senders = Executors.newThreadPerTaskExecutor(
      Thread.ofVirtual().name("outbox-send-", 0).factory());
  private final @Nullable TaskDecorator decorator;
  private final Thread dispatcher;
  private volatile boolean stopping;

  OutboxHandOff(@Nullable TaskDecorator decorator, int maxInFlight) {
    this.decorator = decorator;
    this.maxInFlight = maxInFlight;
    this.inFlight = new Semaphore(maxInFlight);
    this.dispatcher = Thread.ofPlatform().name(THREAD).daemon().start(this::dispatch);
  }

  /**
   * Called on the thread that sent a record, once the producer has it: the dispatcher may start the
   * next task. Anywhere else (a dead-letter publish, a test's template) it does nothing.
   */
  static void handedToProducer() {
    CountDownLatch handOff = HAND_OFF.get();
    if (handOff != null) {
      handOff.countDown();
    }
  }

  /** Nothing waiting to be handed to the producer, nothing being handed on now. */
  boolean idle() {
    return notHandedOn.get() == 0;
  }

  @Override
  public void execute(Runnable task) {
    if (stopping) {
      throw new TaskRejectedException("The outbox sender is stopping; the registry resends this on the next start");
    }
    notHandedOn.incrementAndGet();
    queue.add(decorator == null ? task : decorator.decorate(task));
  }

  @Override
  public Future<?> submit(Runnable task) {
    FutureTask<@Nullable Object> future = new FutureTask<>(task, null);
    execute(future);
    return future;
  }

  @Override
  public <T> Future<T> submit(Callable<T> task) {
    FutureTask<T> future = new FutureTask<>(task);
    execute(future);
    return future;
  }

  @Override
  public <T> CompletableFuture<T> submitCompletable(Callable<T> task) {
    CompletableFuture<T> future = new CompletableFuture<>();
    execute(() -> {
      try {
        future.complete(task.call());
      } catch (Throwable e) {
        future.completeExceptionally(e);
      }
    });
    return future;
  }

  private void dispatch() {
    while (!stopping || !queue.isEmpty()) {
      try {
        Runnable task = queue.poll(200, TimeUnit.MILLISECONDS);
        if (task == null) {
          continue;
        }
        inFlight.acquire();
        CountDownLatch handOff = new CountDownLatch(1);
        senders.execute(() -> {
          HAND_OFF.set(handOff);
          try {
            task.run();
          } finally {
            HAND_OFF.remove();
            handOff.countDown();
            inFlight.release();
          }
        });
        handOff.await();
        notHandedOn.decrementAndGet();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // A task that could not even be started: the registry resends its publication.
        notHandedOn.decrementAndGet();
        log.warn("An outbox task could not be started: {}", e.toString());
      }
    }
  }

  /**
   * A graceful stop hands what is queued to the producer and gives the sends in flight up to
   * {@code grace} for their answers; what is not confirmed by then is resent on the next start.
   */
  void stop(Duration grace) {
    stopping = true;
    long deadline = System.nanoTime() + grace.toNanos();
    try {
      dispatcher.join(Math.max(1, grace.toMillis()));
      long left = Math.max(0, deadline - System.nanoTime());
      if (inFlight.tryAcquire(maxInFlight, left, TimeUnit.NANOSECONDS)) {
        inFlight.release(maxInFlight);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    dispatcher.interrupt();
    senders.shutdownNow();
  }

  /**
   * The producer as the template sees it, telling the outbox sender when a record is in the
   * producer's buffer (after {@code send} returns, so nothing sent later can overtake it there).
   */
  record SignallingProducer<K, V>(Producer<K, V> delegate) implements Producer<K, V> {

    @Override
    public Future<RecordMetadata> send(ProducerRecord<K, V> record) {
      try {
        return delegate.send(record);
      } finally {
        handedToProducer();
      }
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<K, V> record, Callback callback) {
      try {
        return delegate.send(record, callback);
      } finally {
        handedToProducer();
      }
    }

    @Override
    public void initTransactions() {
      delegate.initTransactions();
    }

    @Override
    public void beginTransaction() {
      delegate.beginTransaction();
    }

    @Override
    public void sendOffsetsToTransaction(Map<TopicPartition, OffsetAndMetadata> offsets,
        ConsumerGroupMetadata groupMetadata) {
      delegate.sendOffsetsToTransaction(offsets, groupMetadata);
    }

    @Override
    public void commitTransaction() {
      delegate.commitTransaction();
    }

    @Override
    public void abortTransaction() {
      delegate.abortTransaction();
    }

    @Override
    public void registerMetricForSubscription(KafkaMetric metric) {
      delegate.registerMetricForSubscription(metric);
    }

    @Override
    public void unregisterMetricFromSubscription(KafkaMetric metric) {
      delegate.unregisterMetricFromSubscription(metric);
    }

    @Override
    public void flush() {
      delegate.flush();
    }

    @Override
    public List<PartitionInfo> partitionsFor(String topic) {
      return delegate.partitionsFor(topic);
    }

    @Override
    public Map<MetricName, ? extends Metric> metrics() {
      return delegate.metrics();
    }

    @Override
    public Uuid clientInstanceId(Duration timeout) {
      return delegate.clientInstanceId(timeout);
    }

    @Override
    public void close() {
      delegate.close();
    }

    @Override
    public void close(Duration timeout) {
      delegate.close(timeout);
    }
  }
}
