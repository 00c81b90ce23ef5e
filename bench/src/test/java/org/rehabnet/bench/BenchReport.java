package org.rehabnet.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * Latencies per phase of the run (HdrHistogram, 1 ms to 60 s, 3 significant digits) and the
 * gateway's figures against the direct baseline measured in the same run.
 */
final class BenchReport {

  private final Map<String, Series> series = new ConcurrentHashMap<>();

  Series series(String name) {
    return series.computeIfAbsent(name, n -> new Series());
  }

  void print() {
    Series directOpen = series("direct-open");
    Series gatewayOpen = series("gateway-open");
    Series directSaturation = series("direct-saturation");
    Series gatewaySaturation = series("gateway-saturation");
    System.out.printf("%n%-8s %9s %9s %9s %16s %8s%n", "", "p50 ms", "p99 ms", "max ms", "saturation rps", "errors");
    row("direct", directOpen, directSaturation);
    row("gateway", gatewayOpen, gatewaySaturation);
    double p50 = ratio(gatewayOpen.percentile(50), directOpen.percentile(50));
    double p99 = ratio(gatewayOpen.percentile(99), directOpen.percentile(99));
    double throughput = gatewaySaturation.throughput() / directSaturation.throughput();
    System.out.printf("ratio gateway/direct: p50 %.2fx, p99 %.2fx (target <= 1.25x), saturation throughput %.2fx"
        + " (target >= 0.5x)%n", p50, p99, throughput);
    System.out.println(p99 <= 1.25 && throughput >= 0.5 ? "TARGETS MET" : "TARGETS NOT MET");
  }

  private static void row(String name, Series open, Series saturation) {
    System.out.printf("%-8s %9d %9d %9d %16.1f %8d%n", name, open.percentile(50), open.percentile(99),
        open.histogram.getMaxValue(), saturation.throughput(), open.errors.get() + saturation.errors.get());
  }

  private static double ratio(long measured, long baseline) {
    return (double) Math.max(measured, 1) / Math.max(baseline, 1);
  }

  /** One phase: its latency histogram, its errors, and when its first and last answer came. */
  static final class Series {

    final ConcurrentHistogram histogram = new ConcurrentHistogram(60_000, 3);
    final AtomicLong errors = new AtomicLong();
    final AtomicLong first = new AtomicLong(Long.MAX_VALUE);
    final AtomicLong last = new AtomicLong();

    void record(int millis) {
      long now = System.nanoTime();
      first.accumulateAndGet(now, Math::min);
      last.accumulateAndGet(now, Math::max);
      if (millis < 0) {
        errors.incrementAndGet();
      } else {
        histogram.recordValue(Math.max(1, millis));
      }
    }

    long percentile(double p) {
      return histogram.getValueAtPercentile(p);
    }

    double throughput() {
      double seconds = (last.get() - first.get()) / 1e9;
      return seconds <= 0 ? 0 : histogram.getTotalCount() / seconds;
    }
  }
}
