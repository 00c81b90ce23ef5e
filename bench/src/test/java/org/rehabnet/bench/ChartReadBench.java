package org.rehabnet.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.IntSupplier;
import org.HdrHistogram.Histogram;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.http.ApiClient.ApiResponse;

/**
 * A chart's vital-sign list, read with its default window (the last 72 h, a page of 100), from an
 * open episode holding {@code bench.rows} (10,000) sets spread over the past 14 days, through the
 * gateway and straight to monitoring-service at a constant rate (open model).
 *
 * <p>The episode is a real one (referral, admission through the gateway, opened by monitoring's
 * handler); its sets are written by SQL straight into monitoring's database, with the six LOINC
 * observations each that charting writes, then {@code VACUUM ANALYZE} as autovacuum would leave them.
 * Warm-up: {@code bench.warmup} (30) s per door at the rate (twice the rate left this loaded machine's
 * monitoring queueing for its connections); then {@code bench.rounds} (2)
 * rounds of {@code bench.seconds} (30) s per door at {@code bench.rate} (20)/s, alternating direct
 * and gateway so that a passing disturbance of the machine falls on both. Goal (#15): p99 < 50 ms.
 *
 * <pre>./rehabnet bench chart   (-Dbench.rows=10000 -Dbench.rate=20 -Dbench.seconds=30)</pre>
 */
public final class ChartReadBench {

  static final String MONITORING = "http://localhost:" + Admissions.TOPOLOGY.port("MONITORING_PORT");
  static final int ROWS = Integer.getInteger("bench.rows", 10_000);
  static final int RATE = Integer.getInteger("bench.rate", 20);
  static final int SECONDS = Integer.getInteger("bench.seconds", 30);
  static final int WARMUP = Integer.getInteger("bench.warmup", 30);
  static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
  static final double GOAL_MS = 50;

  public static void main(String[] args) throws Exception {
    Admissions admissions = new Admissions();
    System.out.printf("== seeding one open episode with %,d vital-sign sets over 14 days%n", ROWS);
    String episode = admissions.episodes(admissions.prepare(1)).getFirst();
    long seeding = System.nanoTime();
    seed(UUID.fromString(episode), ROWS);
    System.out.printf("   episode %s: %,d sets and %,d observations written by SQL in %.1f s%n", episode, ROWS,
        ROWS * 6, (System.nanoTime() - seeding) / 1e9);

    Admissions.Token nurse = new Admissions.Token("nurse-north");
    ApiClient direct = new ApiClient(MONITORING);
    String directPath = "/v1/episodes/" + episode + "/vital-signs";
    String gatewayPath = "/api/monitoring" + directPath;
    ApiResponse sample = Admissions.require(direct.get(directPath, nurse.get()), 200, "vital signs");
    ApiResponse viaGateway = Admissions.require(admissions.gateway.get(gatewayPath, nurse.get()), 200,
        "vital signs through the gateway");
    System.out.printf("   default window: %d sets in the page, X-Total-Count %s, %,d bytes of JSON; the gateway's"
        + " answer %,d bytes%n", sample.json().size(), sample.header("X-Total-Count"), sample.body().length(),
        viaGateway.body().length());

    IntSupplier readDirect = () -> direct.get(directPath, nurse.get()).status();
    IntSupplier readGateway = () -> admissions.gateway.get(gatewayPath, nurse.get()).status();
    System.out.printf("== warm-up: %d s per door at %d/s%n", WARMUP, RATE);
    OpenLoad.run("warm-up direct", RATE, WARMUP, 200, readDirect);
    OpenLoad.run("warm-up gateway", RATE, WARMUP, 200, readGateway);

    Histogram directAll = new Histogram(60_000_000L, 3);
    Histogram gatewayAll = new Histogram(60_000_000L, 3);
    int directErrors = 0;
    int gatewayErrors = 0;
    for (int round = 1; round <= ROUNDS; round++) {
      System.out.printf("== round %d of %d: %d/s for %d s per door%n", round, ROUNDS, RATE, SECONDS);
      OpenLoad.Result d = OpenLoad.run("direct", RATE, SECONDS, 200, readDirect);
      System.out.printf("   direct  p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d errors%n", d.ms(50), d.ms(99), d.maxMs(),
          d.errors());
      OpenLoad.Result g = OpenLoad.run("gateway", RATE, SECONDS, 200, readGateway);
      System.out.printf("   gateway p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d errors%n", g.ms(50), g.ms(99), g.maxMs(),
          g.errors());
      directAll.add(d.latency());
      gatewayAll.add(g.latency());
      directErrors += d.errors();
      gatewayErrors += g.errors();
    }
    OpenLoad.Result d = new OpenLoad.Result(directAll, directErrors);
    OpenLoad.Result g = new OpenLoad.Result(gatewayAll, gatewayErrors);
    System.out.println();
    System.out.printf("Chart read, default window (72 h, page of 100) of an episode with %,d vital-sign sets over 14 days"
        + " (%d/s, %d x %d s per door, open model)%n", ROWS, RATE, ROUNDS, SECONDS);
    System.out.println("| door | reads | errors | p50 ms | p99 ms | max ms | goal p99 < 50 ms |");
    System.out.println("|---|---|---|---|---|---|---|");
    row("direct (baseline)", d);
    row("gateway", g);
    System.out.printf("ratio gateway/direct: p50 %.2fx, p99 %.2fx%n", g.ms(50) / Math.max(d.ms(50), 0.001),
        g.ms(99) / Math.max(d.ms(99), 0.001));
    System.exit(0);
  }

  private static void row(String door, OpenLoad.Result result) {
    System.out.printf("| %s | %d | %d | %.1f | %.1f | %.1f | %s |%n", door, result.latency().getTotalCount(),
        result.errors(), result.ms(50), result.ms(99), result.maxMs(), result.ms(99) < GOAL_MS ? "met" : "NOT met");
  }

  /**
   * {@code rows} sets, one every 14 days / rows up to now, with their six coded observations, as
   * charting writes them (NEWS2 0, routine), straight into monitoring's tables.
   */
  static void seed(UUID episode, int rows) throws Exception {
    try (Connection db = EventLatencyBench.connect("monitoring")) {
      db.setAutoCommit(false);
      try (PreparedStatement sets = db.prepareStatement("""
          INSERT INTO vital_signs (id, episode_id, taken_at, recorded_by, respiration_rate, spo2, on_oxygen, systolic,
            diastolic, pulse, consciousness, temperature, news2_total, news2_single_three, news2_response, spo2_scale)
          SELECT gen_random_uuid(), ?, now() - make_interval(secs => i * 1209600.0 / ?), 'nurse-north', 16, 97, false,
            120 + i % 15, 75 + i % 10, 60 + i % 30, 'ALERT', 36.5 + (i % 5) / 10.0, 0, false, 'ROUTINE', 'SCALE_1'
          FROM generate_series(1, ?) AS i
          """)) {
        sets.setObject(1, episode);
        sets.setInt(2, rows);
        sets.setInt(3, rows);
        sets.executeUpdate();
      }
      try (PreparedStatement observations = db.prepareStatement("""
          INSERT INTO vital_observation (vital_signs_id, loinc, value, unit)
          SELECT v.id, o.loinc, CASE o.loinc WHEN '9279-1' THEN v.respiration_rate WHEN '59408-5' THEN v.spo2
            WHEN '8480-6' THEN v.systolic WHEN '8462-4' THEN v.diastolic WHEN '8867-4' THEN v.pulse
            ELSE v.temperature END, o.unit
          FROM vital_signs v CROSS JOIN (VALUES ('9279-1', '/min'), ('59408-5', '%'), ('8480-6', 'mm[Hg]'),
            ('8462-4', 'mm[Hg]'), ('8867-4', '/min'), ('8310-5', 'Cel')) AS o (loinc, unit)
          WHERE v.episode_id = ?
          """)) {
        observations.setObject(1, episode);
        observations.executeUpdate();
      }
      db.commit();
      db.setAutoCommit(true);
      try (Statement vacuum = db.createStatement()) {
        vacuum.execute("VACUUM ANALYZE vital_signs");
        vacuum.execute("VACUUM ANALYZE vital_observation");
      }
    }
  }
}
