package org.rehabnet.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * The gateway after a deploy: restarted, then {@code bench.requests} (1,000) authenticated reads at a
 * constant {@code bench.rate} (50/s, open model: each request leaves on its schedule and is timed
 * from it, so no coordinated omission), then a warm-up at saturation for {@code bench.warmup} (60) s,
 * then the same 1,000 at the same rate again. The warm phase is the baseline; the figure is the
 * cold p99 over the warm p99 (goal, #15: at most 2x). The gateway's CPU per request in each phase is
 * read from /proc (goal: at most 0.5 ms warm). The read is the gateway benchmark's: GET of an
 * unknown episode at monitoring (token checked at both hops, role and site checked, a lookup and an
 * audit row, a 404 problem).
 */
public final class GatewayWarmUpBench {

  static final int RATE = Integer.getInteger("bench.rate", 50);
  static final int REQUESTS = Integer.getInteger("bench.requests", 1_000);
  static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup", 60);
  static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 16);
  static final String BUDGET = System.getProperty("bench.lifted-budget", "100000000");
  static final Path ROOT = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String path = Admissions.GATEWAY + "/api/monitoring/v1/episodes/" + UUID.randomUUID();
  private final Admissions.Token token = new Admissions.Token("nurse-north");

  public static void main(String[] args) throws Exception {
    new GatewayWarmUpBench().run();
    System.exit(0);
  }

  void run() throws Exception {
    token.get();
    System.out.println("== restarting the gateway (./rehabnet restart gateway, budgets lifted)");
    restartGateway();
    ProcessCpu gateway = ProcessCpu.of(ROOT, "gateway");
    Phase cold = phase("cold: the first " + REQUESTS + " requests after the restart", gateway);
    System.out.printf("== warm-up: %d s at saturation (%d concurrent)%n", WARMUP_SECONDS, CONCURRENCY);
    int warmed = saturate(Duration.ofSeconds(WARMUP_SECONDS));
    System.out.printf("   %d requests%n", warmed);
    Phase warm = phase("warm: " + REQUESTS + " requests after " + warmed + " more", gateway);

    System.out.println();
    System.out.printf("Gateway warm-up (%d requests at %d/s per phase, open model)%n", REQUESTS, RATE);
    System.out.println("| phase | p50 ms | p99 ms | max ms | errors | gateway CPU per request |");
    System.out.println("|---|---|---|---|---|---|");
    for (Phase phase : List.of(cold, warm)) {
      System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %d | %.2f ms |%n", phase.name(),
          ms(phase.latency(), 50), ms(phase.latency(), 99), phase.latency().getMaxValue() / 1e6, phase.errors(),
          phase.cpuMillisPerRequest());
    }
    double ratio = ms(cold.latency(), 99) / ms(warm.latency(), 99);
    System.out.printf(Locale.ROOT, "cold p99 / warm p99 = %.2fx (goal <= 2x): %s; warm CPU per request %.2f ms "
        + "(goal <= 0.5 ms): %s%n", ratio, ratio <= 2 ? "met" : "NOT met", warm.cpuMillisPerRequest(),
        warm.cpuMillisPerRequest() <= 0.5 ? "met" : "NOT met");
  }

  private record Phase(String name, Histogram latency, int errors, double cpuMillisPerRequest) {}

  /** REQUESTS reads leaving on a fixed schedule; each is timed from when it was due. */
  private Phase phase(String name, ProcessCpu gateway) throws Exception {
    System.out.println("== " + name);
    Histogram latency = new Histogram(60_000_000_000L, 3);
    AtomicInteger errors = new AtomicInteger();
    long interval = TimeUnit.SECONDS.toNanos(1) / RATE;
    long cpuBefore = gateway.ticks();
    long start = System.nanoTime();
    List<CompletableFuture<Void>> pending = new ArrayList<>();
    String bearer = "Bearer " + token.get();
    for (int i = 0; i < REQUESTS; i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      pending.add(http.sendAsync(request(bearer), HttpResponse.BodyHandlers.discarding())
          .handle((response, failure) -> {
            if (failure != null || response.statusCode() != 404) {
              errors.incrementAndGet();
            }
            synchronized (latency) {
              latency.recordValue(System.nanoTime() - due);
            }
            return null;
          }));
      if (i > 0 && i % (RATE * 5) == 0) {
        System.out.printf("   %d/%d%n", i, REQUESTS);
      }
    }
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
    double cpu = ProcessCpu.millis(gateway.ticks() - cpuBefore) / REQUESTS;
    return new Phase(name, latency, errors.get(), cpu);
  }

  private int saturate(Duration length) throws Exception {
    long end = System.nanoTime() + length.toNanos();
    AtomicInteger done = new AtomicInteger();
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < CONCURRENCY; i++) {
      workers.add(Thread.ofVirtual().start(() -> {
        while (System.nanoTime() < end) {
          try {
            http.send(request("Bearer " + token.get()), HttpResponse.BodyHandlers.discarding());
            done.incrementAndGet();
          } catch (Exception e) {
            // A failed warm-up request warms nothing; the phases count their own errors.
          }
        }
      }));
    }
    for (Thread worker : workers) {
      worker.join();
    }
    return done.get();
  }

  private HttpRequest request(String bearer) {
    return HttpRequest.newBuilder(URI.create(path)).header("Authorization", bearer)
        .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).GET().build();
  }

  private static void restartGateway() throws Exception {
    ProcessBuilder restart = new ProcessBuilder(ROOT.resolve("rehabnet").toString(), "restart", "gateway")
        .directory(ROOT.toFile()).inheritIO();
    Map<String, String> env = restart.environment();
    env.put("REHABNET_GATEWAY_RATELIMIT_PERUSER_REQUESTS", BUDGET);
    env.put("REHABNET_GATEWAY_RATELIMIT_PERCLIENT_REQUESTS", BUDGET);
    if (restart.start().waitFor() != 0) {
      throw new IllegalStateException("./rehabnet restart gateway failed");
    }
  }

  private static double ms(Histogram histogram, double percentile) {
    return histogram.getValueAtPercentile(percentile) / 1e6;
  }
}
