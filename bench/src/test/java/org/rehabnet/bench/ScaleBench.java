package org.rehabnet.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Cost at scale: the ward census and a chart read through the gateway, at {@code bench.sizes}
 * (1,000 then 100,000) patients, and the ratio of the largest size to the smallest for each read.
 *
 * <p>The population is written by SQL straight into intake's and monitoring's databases, at site
 * north, every row marked: MRN and bed {@code SCALE-n}, ids derived from {@code md5('scale-...-n')}.
 * Patient n has one admission and one detox episode; the first {@value #WARD} are open (the ward the
 * census reads, the same size at every population), the rest discharged, 7 days' stay each. Every
 * episode holds {@value #SETS_PER_EPISODE} vital-sign sets with their six observations; the chart
 * read is episode 1's vital-sign list with its default window (72 h), which holds
 * {@value #CHART_SETS} sets, so the tables grow with the population and the answers do not. Rows
 * left by an earlier run are deleted first, and all of them when the run ends.
 *
 * <p>Per size: {@code bench.warmup} (10) s per read, then {@code bench.seconds} (20) s per read at
 * {@code bench.rate} (10)/s (open model). Goal: p99 at the largest size <= 1.2x the smallest.
 *
 * <pre>./rehabnet bench scale   (-Dbench.sizes=1000,100000 -Dbench.rate=10 -Dbench.seconds=20)</pre>
 */
public final class ScaleBench {

  static final int WARD = 40;
  static final int SETS_PER_EPISODE = 5;
  static final int CHART_SETS = 200;
  static final int RATE = Integer.getInteger("bench.rate", 10);
  static final int SECONDS = Integer.getInteger("bench.seconds", 20);
  static final int WARMUP = Integer.getInteger("bench.warmup", 10);
  static final double GOAL = 1.2;

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = new ArrayList<>();
    for (String size : System.getProperty("bench.sizes", "1000,100000").split(",")) {
      sizes.add(Integer.parseInt(size.strip()));
    }
    Admissions admissions = new Admissions();
    Admissions.Token nurse = new Admissions.Token("nurse-north");
    String census = "/api/monitoring/v1/sites/" + Admissions.SITE + "/census";
    String chart = "/api/monitoring/v1/episodes/" + uuid("episode", 1) + "/vital-signs";
    IntSupplier readCensus = () -> admissions.gateway.get(census, nurse.get()).status();
    IntSupplier readChart = () -> admissions.gateway.get(chart, nurse.get()).status();
    List<OpenLoad.Result[]> results = new ArrayList<>();
    try {
      cleanUp();
      int seeded = 0;
      for (int size : sizes) {
        System.out.printf("%n== %,d patients: seeding %,d more by SQL%n", size, size - seeded);
        long seeding = System.nanoTime();
        seed(seeded + 1, size);
        seeded = size;
        System.out.printf("   seeded in %.1f s%n", (System.nanoTime() - seeding) / 1e9);
        var answer = Admissions.require(admissions.gateway.get(census, nurse.get()), 200, "census");
        var page = Admissions.require(admissions.gateway.get(chart, nurse.get()), 200, "chart");
        System.out.printf("   census: %d beds, %,d bytes; chart: %d sets in the page, X-Total-Count %s%n",
            answer.json().size(), answer.body().length(), page.json().size(), page.header("X-Total-Count"));
        OpenLoad.run("warm-up census", RATE, WARMUP, 200, readCensus);
        OpenLoad.run("warm-up chart", RATE, WARMUP, 200, readChart);
        OpenLoad.Result c = OpenLoad.run("census", RATE, SECONDS, 200, readCensus);
        System.out.printf("   census p50 %.1f ms, p99 %.1f ms, %d errors%n", c.ms(50), c.ms(99), c.errors());
        OpenLoad.Result v = OpenLoad.run("chart", RATE, SECONDS, 200, readChart);
        System.out.printf("   chart  p50 %.1f ms, p99 %.1f ms, %d errors%n", v.ms(50), v.ms(99), v.errors());
        results.add(new OpenLoad.Result[] {c, v});
      }
    } finally {
      System.out.println("   deleting the seeded rows");
      cleanUp();
    }
    System.out.println();
    System.out.printf("Cost at scale, through the gateway (%d/s, %d s per read and size, open model; census of a %d-bed"
        + " ward, chart default window of %d sets)%n", RATE, SECONDS, WARD, CHART_SETS);
    System.out.println("| patients | census p50 / p99 / max ms | census errors | chart p50 / p99 / max ms | chart errors |");
    System.out.println("|---|---|---|---|---|");
    for (int i = 0; i < sizes.size(); i++) {
      OpenLoad.Result c = results.get(i)[0];
      OpenLoad.Result v = results.get(i)[1];
      System.out.printf("| %,d | %.1f / %.1f / %.1f | %d | %.1f / %.1f / %.1f | %d |%n", sizes.get(i), c.ms(50), c.ms(99),
          c.maxMs(), c.errors(), v.ms(50), v.ms(99), v.maxMs(), v.errors());
    }
    OpenLoad.Result[] first = results.getFirst();
    OpenLoad.Result[] last = results.getLast();
    String ratio = String.format("%,d/%,d", sizes.getLast(), sizes.getFirst());
    for (int read = 0; read < 2; read++) {
      double p50 = last[read].ms(50) / Math.max(first[read].ms(50), 0.001);
      double p99 = last[read].ms(99) / Math.max(first[read].ms(99), 0.001);
      System.out.printf("ratio %s, %s: p50 %.2fx, p99 %.2fx (goal <= %.1fx: %s)%n", ratio,
          read == 0 ? "census" : "chart", p50, p99, GOAL, p99 <= GOAL ? "met" : "NOT met");
    }
    System.exit(0);
  }

  private static String uuid(String kind, int n) throws Exception {
    try (Connection db = EventLatencyBench.connect("monitoring");
        PreparedStatement query = db.prepareStatement("SELECT md5(?)::uuid::text")) {
      query.setString(1, "scale-" + kind + "-" + n);
      try (var rows = query.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    }
  }

  /** Patients {@code from..to}: identity, site and admission at intake; episode and vital signs at monitoring. */
  static void seed(int from, int to) throws Exception {
    try (Connection db = EventLatencyBench.connect("intake")) {
      run(db, from, to, """
          INSERT INTO patient (id, mrn, given_name, family_name, date_of_birth, registered_at, version, name_key,
            registered_at_site)
          SELECT md5('scale-patient-' || i)::uuid, 'SCALE-' || i, 'Scale' || i, 'Bench', date '1970-01-01' + i % 15000,
            now() - interval '400 days', 0, 'scale' || i || '|bench', 'north'
          FROM generate_series(?, ?) AS i""",
          """
          INSERT INTO patient_site (patient_id, site, since)
          SELECT md5('scale-patient-' || i)::uuid, 'north', now() - interval '400 days' FROM generate_series(?, ?) AS i""",
          """
          INSERT INTO admission (id, patient_id, site, bed, admitted_at, status, recorded_by, version,
            expected_length_days, discharged_at)
          SELECT md5('scale-admission-' || i)::uuid, md5('scale-patient-' || i)::uuid, 'north', 'SCALE-' || i,
            CASE WHEN i <= %1$d THEN now() - interval '2 days' ELSE now() - make_interval(days => 10 + i %% 365) END,
            CASE WHEN i <= %1$d THEN 'ADMITTED' ELSE 'DISCHARGED' END, 'intake-north', 0, 7,
            CASE WHEN i <= %1$d THEN NULL ELSE now() - make_interval(days => 3 + i %% 365) END
          FROM generate_series(?, ?) AS i""".formatted(WARD));
      vacuum(db, "patient", "patient_site", "admission");
    }
    try (Connection db = EventLatencyBench.connect("monitoring")) {
      run(db, from, to, """
          INSERT INTO detox_episode (id, admission_id, patient_id, site, bed, admitted_at, expected_length_days, status,
            opened_at, version, discharged_at, discharge_type, naloxone_provided, overdose_education, medication_plan,
            discharged_by)
          SELECT md5('scale-episode-' || i)::uuid, md5('scale-admission-' || i)::uuid, md5('scale-patient-' || i)::uuid,
            'north', 'SCALE-' || i, a.at, 7, CASE WHEN i <= %1$d THEN 'OPEN' ELSE 'DISCHARGED' END, a.at, 0,
            CASE WHEN i <= %1$d THEN NULL ELSE a.at + interval '7 days' END,
            CASE WHEN i <= %1$d THEN NULL ELSE 'COMPLETED' END, CASE WHEN i <= %1$d THEN NULL ELSE true END,
            CASE WHEN i <= %1$d THEN NULL ELSE true END,
            CASE WHEN i <= %1$d THEN NULL ELSE 'BUPRENORPHINE_MAINTENANCE' END,
            CASE WHEN i <= %1$d THEN NULL ELSE 'physician-north' END
          FROM generate_series(?, ?) AS i,
            LATERAL (SELECT CASE WHEN i <= %1$d THEN now() - interval '2 days'
                            ELSE now() - make_interval(days => 10 + i %% 365) END AS at) AS a"""
              .formatted(WARD),
          // Episode 1, the chart read: CHART_SETS sets in its last 72 h; every other: SETS_PER_EPISODE in its stay.
          """
          INSERT INTO vital_signs (id, episode_id, taken_at, recorded_by, respiration_rate, spo2, on_oxygen, systolic,
            diastolic, pulse, consciousness, temperature, news2_total, news2_single_three, news2_response, spo2_scale)
          SELECT gen_random_uuid(), e.id,
            CASE WHEN e.bed = 'SCALE-1' THEN now() - make_interval(secs => k * 259000.0 / %1$d)
                 ELSE e.admitted_at + make_interval(hours => k * 24) END,
            'nurse-north', 16, 97, false, 120 + k %% 15, 75 + k %% 10, 60 + k %% 30, 'ALERT', 36.5, 0, false, 'ROUTINE',
            'SCALE_1'
          FROM detox_episode e,
            LATERAL generate_series(1, CASE WHEN e.bed = 'SCALE-1' THEN %1$d ELSE %2$d END) AS k
          WHERE e.id IN (SELECT md5('scale-episode-' || i)::uuid FROM generate_series(?, ?) AS i)"""
              .formatted(CHART_SETS, SETS_PER_EPISODE),
          """
          INSERT INTO vital_observation (vital_signs_id, loinc, value, unit)
          SELECT v.id, o.loinc, CASE o.loinc WHEN '9279-1' THEN v.respiration_rate WHEN '59408-5' THEN v.spo2
            WHEN '8480-6' THEN v.systolic WHEN '8462-4' THEN v.diastolic WHEN '8867-4' THEN v.pulse
            ELSE v.temperature END, o.unit
          FROM vital_signs v CROSS JOIN (VALUES ('9279-1', '/min'), ('59408-5', '%'), ('8480-6', 'mm[Hg]'),
            ('8462-4', 'mm[Hg]'), ('8867-4', '/min'), ('8310-5', 'Cel')) AS o (loinc, unit)
          WHERE v.episode_id IN (SELECT md5('scale-episode-' || i)::uuid FROM generate_series(?, ?) AS i)""");
      vacuum(db, "detox_episode", "vital_signs", "vital_observation");
    }
  }

  /** Every row a run seeded, at both services (vital observations go with their sets). */
  static void cleanUp() throws Exception {
    try (Connection db = EventLatencyBench.connect("monitoring"); Statement delete = db.createStatement()) {
      String episodes = "(SELECT id FROM detox_episode WHERE bed LIKE 'SCALE-%' AND site = 'north')";
      for (String table : List.of("vital_signs", "clinical_alert", "cows_assessment", "symptom_observation",
          "reassessment_timer")) {
        delete.execute("DELETE FROM " + table + " WHERE episode_id IN " + episodes);
      }
      delete.execute("DELETE FROM detox_episode WHERE bed LIKE 'SCALE-%' AND site = 'north'");
    }
    try (Connection db = EventLatencyBench.connect("intake"); Statement delete = db.createStatement()) {
      delete.execute("DELETE FROM admission WHERE bed LIKE 'SCALE-%' AND site = 'north'");
      delete.execute("DELETE FROM patient_site WHERE patient_id IN (SELECT id FROM patient WHERE mrn LIKE 'SCALE-%')");
      delete.execute("DELETE FROM patient WHERE mrn LIKE 'SCALE-%'");
    }
  }

  private static void run(Connection db, int from, int to, String... statements) throws Exception {
    db.setAutoCommit(false);
    for (String sql : statements) {
      try (PreparedStatement statement = db.prepareStatement(sql)) {
        statement.setInt(1, from);
        statement.setInt(2, to);
        statement.executeUpdate();
      }
    }
    db.commit();
    db.setAutoCommit(true);
  }

  private static void vacuum(Connection db, String... tables) throws Exception {
    try (Statement vacuum = db.createStatement()) {
      for (String table : tables) {
        vacuum.execute("VACUUM ANALYZE " + table);
      }
    }
  }
}
