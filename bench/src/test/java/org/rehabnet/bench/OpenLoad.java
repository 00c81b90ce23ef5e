package org.rehabnet.bench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * A constant arrival rate (open model): each request is sent on its schedule whether or not the
 * earlier ones have answered, and timed from its scheduled moment, so a slow answer cannot hide the
 * ones queued behind it (no coordinated omission). Microseconds, up to 60 s.
 */
final class OpenLoad {

  /** What one load produced: the latencies of the expected answers and how many were not. */
  record Result(Histogram latency, int errors) {

    double ms(double percentile) {
      return latency.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMs() {
      return latency.getMaxValue() / 1000.0;
    }
  }

  private OpenLoad() {}

  /**
   * {@code rate} requests a second for {@code seconds}, a progress line every 10 s. The request
   * answers its HTTP status; anything but {@code expected} counts as an error (the first three printed
   * by the caller's request if it wants).
   */
  static Result run(String label, int rate, int seconds, int expected, IntSupplier request) throws InterruptedException {
    int count = rate * seconds;
    Histogram latency = new ConcurrentHistogram(60_000_000L, 3);
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger answered = new AtomicInteger();
    AtomicInteger next = new AtomicInteger();
    long interval = 1_000_000_000L / rate;
    long start = System.nanoTime() + 50_000_000L;
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    var schedule = clock.scheduleAtFixedRate(() -> {
      int i = next.getAndIncrement();
      if (i >= count) {
        return;
      }
      long due = start + i * interval;
      senders.submit(() -> {
        int status;
        try {
          status = request.getAsInt();
        } catch (RuntimeException e) {
          status = -1;
        }
        if (status == expected) {
          latency.recordValue(Math.max(0, (System.nanoTime() - due) / 1_000));
        } else if (errors.incrementAndGet() <= 3) {
          System.out.printf("   %s: answered %d (-1: no answer)%n", label, status);
        }
        answered.incrementAndGet();
      });
    }, start - System.nanoTime(), interval, TimeUnit.NANOSECONDS);
    long reported = System.nanoTime();
    while (next.get() < count) {
      Thread.sleep(100);
      if (System.nanoTime() - reported >= 10_000_000_000L) {
        reported = System.nanoTime();
        System.out.printf("   %s: %d of %d sent, p99 so far %.1f ms, %d errors%n", label, next.get(), count,
            latency.getValueAtPercentile(99) / 1000.0, errors.get());
      }
    }
    schedule.cancel(false);
    clock.shutdown();
    senders.shutdown();
    if (!senders.awaitTermination(1, TimeUnit.MINUTES)) {
      System.out.printf("   %s: %d answers still missing after 1 min%n", label, count - answered.get());
    }
    return new Result(latency, errors.get());
  }
}
