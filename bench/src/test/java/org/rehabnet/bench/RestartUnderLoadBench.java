package org.rehabnet.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.rehabnet.test.http.ApiClient.ApiResponse;

/**
 * {@code ./rehabnet restart monitoring} under a steady stream of admissions through the gateway
 * (issue #17): {@code bench.rate} (10) admissions a second for {@code bench.seconds} (40) s, and a
 * third of the way in the launcher restarts monitoring (graceful stop, start, ready). Then, from the
 * databases: every admission answered 201 has exactly one episode (none lost, none twice), and how
 * long after monitoring was ready again the first admission made while it was away had its episode
 * (goal: within 5 s). Baseline: the event latency of the admissions made before the restart.
 *
 * <p>{@code -Dbench.component=kafka-2} restarts another component instead (a broker of a
 * {@code ./rehabnet up --kafka-cluster} stack), and {@code -Dbench.kill=true} ends it with SIGKILL and
 * leaves it down for {@code bench.down-seconds} (10) before the launcher starts it again, as a crash would.
 */
public final class RestartUnderLoadBench {

  static final int RATE = Integer.getInteger("bench.rate", 10);
  static final int SECONDS = Integer.getInteger("bench.seconds", 40);
  static final String COMPONENT = System.getProperty("bench.component", "monitoring");
  static final boolean KILL = Boolean.getBoolean("bench.kill");
  static final int DOWN_SECONDS = Integer.getInteger("bench.down-seconds", 10);
  static final Path ROOT = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath();
  static final String POSTGRES = "jdbc:postgresql://localhost:" + Admissions.TOPOLOGY.port("POSTGRES_PORT") + "/";

  public static void main(String[] args) throws Exception {
    new RestartUnderLoadBench().run();
    System.exit(0);
  }

  void run() throws Exception {
    Admissions admissions = new Admissions();
    int count = RATE * SECONDS;
    System.out.printf("== preparing %d referrals and beds%n", count);
    List<String> referrals = admissions.prepare(count);
    String intake = admissions.intakeToken.get();
    Map<String, Instant> admitted = new ConcurrentHashMap<>();
    AtomicInteger refused = new AtomicInteger();
    Instant[] restart = new Instant[2];

    System.out.printf("== admitting %d/s for %d s; %s %s at %d s%n", RATE, SECONDS, COMPONENT,
        KILL ? "killed (-9) for " + DOWN_SECONDS + " s, then started again," : "restarted", SECONDS / 3);
    Thread restarter = Thread.ofPlatform().start(() -> {
      try {
        Thread.sleep(TimeUnit.SECONDS.toMillis(SECONDS / 3));
        restart[0] = Instant.now();
        if (KILL) {
          // The launcher's pid is the component's session: every process of it dies at once.
          String session = Files.readString(ROOT.resolve(".rehabnet/pids/" + COMPONENT + ".pid")).strip();
          new ProcessBuilder("pkill", "-KILL", "-s", session).inheritIO().start().waitFor();
          System.out.printf("   %s killed%n", COMPONENT);
          Thread.sleep(TimeUnit.SECONDS.toMillis(DOWN_SECONDS));
        }
        Process process = new ProcessBuilder(ROOT.resolve("rehabnet").toString(), "restart", COMPONENT)
            .directory(ROOT.toFile()).inheritIO().start();
        if (process.waitFor() != 0) {
          throw new IllegalStateException("./rehabnet restart " + COMPONENT + " failed");
        }
        restart[1] = Instant.now();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    long interval = TimeUnit.SECONDS.toNanos(1) / RATE;
    long start = System.nanoTime();
    try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < count; i++) {
        long wait = start + i * interval - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        String referral = referrals.get(i);
        senders.submit(() -> {
          ApiResponse answer = admissions.gateway.post("/api/intake/v1/admissions", intake,
              Map.of("referralId", referral));
          if (answer.status() == 201) {
            admitted.put(answer.json().get("admissionId").asString(), Instant.now());
          } else if (refused.incrementAndGet() <= 3) {
            System.out.println("   refused: " + answer.status() + " " + answer.body());
          }
        });
        if (i > 0 && i % (RATE * 5) == 0) {
          System.out.printf("   %d/%d admissions sent%n", i, count);
        }
      }
    }
    restarter.join();
    Instant stopping = restart[0];
    Instant ready = restart[1];

    Map<String, Integer> episodes = new HashMap<>();
    Map<String, Instant> opened = new HashMap<>();
    Instant deadline = Instant.now().plusSeconds(90);
    do {
      episodes.clear();
      opened.clear();
      try (Connection db = DriverManager.getConnection(POSTGRES + "monitoring", "monitoring", "monitoring-dev");
          PreparedStatement query = db.prepareStatement("SELECT admission_id::text, count(*), min(opened_at)"
              + " FROM detox_episode WHERE admission_id = ANY (?::uuid[]) GROUP BY admission_id")) {
        query.setArray(1, db.createArrayOf("text", admitted.keySet().toArray()));
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            episodes.put(rows.getString(1), rows.getInt(2));
            opened.put(rows.getString(1), rows.getTimestamp(3).toInstant());
          }
        }
      }
      if (episodes.size() < admitted.size()) {
        Thread.sleep(500);
      }
    } while (episodes.size() < admitted.size() && Instant.now().isBefore(deadline));

    int lost = admitted.size() - episodes.size();
    int twice = episodes.values().stream().mapToInt(n -> n - 1).sum();
    Histogram before = new Histogram(600_000_000L, 3);
    Instant firstAfterReady = null;
    for (var admission : admitted.entrySet()) {
      Instant episode = opened.get(admission.getKey());
      if (episode == null) {
        continue;
      }
      if (admission.getValue().isBefore(stopping)) {
        before.recordValue(Math.max(0, Duration.between(admission.getValue(), episode).toNanos() / 1_000));
      } else if (admission.getValue().isBefore(ready) && episode.isAfter(ready)
          && (firstAfterReady == null || episode.isBefore(firstAfterReady))) {
        firstAfterReady = episode;
      }
    }
    long madeWhileAway = admitted.values().stream().filter(t -> !t.isBefore(stopping) && t.isBefore(ready)).count();

    System.out.println();
    System.out.println((KILL ? COMPONENT + " killed (-9), down " + DOWN_SECONDS + " s, then ./rehabnet restart "
        + COMPONENT : "./rehabnet restart " + COMPONENT) + " under a stream of admissions through the gateway");
    System.out.println("| admissions sent | answered 201 | episodes | lost | twice | restart (stop to ready) "
        + "| admissions made meanwhile | ready → first of them charted (goal <= 5 s) | event p99 before the restart |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    System.out.printf(Locale.ROOT, "| %d | %d | %d | %d | %d | %.1f s | %d | %s | %.1f ms |%n", count, admitted.size(),
        episodes.size(), lost, twice, Duration.between(stopping, ready).toMillis() / 1000.0, madeWhileAway,
        firstAfterReady == null ? "none made while it was away"
            : String.format(Locale.ROOT, "%.2f s", Duration.between(ready, firstAfterReady).toMillis() / 1000.0),
        before.getValueAtPercentile(99) / 1000.0);
    if (refused.get() > 0) {
      System.out.println(refused.get() + " admissions were not answered 201 (see the first above)");
    }
  }
}
