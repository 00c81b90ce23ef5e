package org.rehabnet.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.http.ApiClient.ApiResponse;

/**
 * Consent revocation to the first refused partner read, through the gateway of a running
 * {@code ./rehabnet up}: how long a partner organisation can still read what a patient has just taken
 * back. 42 CFR Part 2 lets a patient revoke at any time; the window between intake accepting the
 * revocation and aftercare's partner API refusing is the event path (outbox, broker, consumer) plus
 * one read, and nothing else may add to it.
 *
 * <p>Each patient has an aftercare plan and a consent naming harbor-house for AFTERCARE_PLAN, readable
 * by the partner before the clock starts. Revocations are sent at a constant rate (open model: each on
 * its schedule whether or not earlier ones have answered). For each, a reader with the partner's token
 * reads the CarePlan back to back from the moment intake answers until the first 404, which is the
 * figure; intake's {@code consent.revoked_at} against aftercare's {@code consent_revocation.received_at}
 * gives the event path alone, read from the databases afterwards.
 *
 * <p>Baselines, in the same run and at the same rate: the broker's own produce-to-consume latency
 * (acks=all, as {@link EventLatencyBench} measures it) and the partner read itself (a 200 of the same
 * CarePlan), whose sum is the floor a revocation could reach.
 *
 * <pre>./rehabnet bench consent   (-Dbench.count=100 -Dbench.rate=5)</pre>
 */
public final class ConsentRevocationBench {

  static final String PARTNER = "harbor-house";
  static final int COUNT = Integer.getInteger("bench.count", 100);
  static final int RATE = Integer.getInteger("bench.rate", 5);
  static final Duration GIVE_UP = Duration.ofSeconds(30);

  private final Admissions admissions = new Admissions();
  private final ApiClient gateway = admissions.gateway;
  private final Admissions.Token counsellor = new Admissions.Token("counsellor-north");
  private final Admissions.Token harbor = Admissions.Token.partner("partner-harbor", "harbor-dev-secret");

  public static void main(String[] args) throws Exception {
    String row = new ConsentRevocationBench().run();
    System.out.println();
    System.out.println("Consent revocation -> first refused partner read, through the gateway (" + COUNT
        + " revocations at " + RATE + "/s, open model)");
    System.out.println("| revocations (2xx) | refused within 30 s | revocation answer p50 / p99 ms"
        + " | first refusal after the answer p50 / p99 / max ms | event path p50 / p99 ms"
        + " | broker p99 ms | partner read p50 / p99 ms | refusal p99 / (broker p99 + read p99) |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    System.out.println(row);
    System.exit(0);
  }

  String run() throws Exception {
    System.out.printf("== preparing %d patients with a plan and a consent naming %s%n", COUNT, PARTNER);
    List<Consented> consented = prepare(COUNT);

    Histogram broker = EventLatencyBench.brokerBaseline(RATE, COUNT);
    Histogram reads = partnerReads(consented, RATE);

    System.out.printf("   revoking at %d/s%n", RATE);
    ConcurrentHistogram answers = new ConcurrentHistogram(60_000_000L, 3);
    ConcurrentHistogram refusals = new ConcurrentHistogram(600_000_000L, 3);
    ConcurrentLinkedQueue<String> revoked = new ConcurrentLinkedQueue<>();
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger stillReadable = new AtomicInteger();
    long interval = 1_000_000_000L / RATE;
    long start = System.nanoTime() + 100_000_000L;
    try (ExecutorService revokers = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < consented.size(); i++) {
        Consented one = consented.get(i);
        long due = start + i * interval;
        revokers.submit(() -> {
          sleepUntil(due);
          ApiResponse answer = gateway.post("/api/intake/v1/patients/" + one.patientId() + "/consents/"
              + one.consentId() + "/revocation", admissions.intakeToken.get(), "");
          long answered = System.nanoTime();
          // From the scheduled moment: a revocation queued behind a slow one counts its wait.
          answers.recordValue(Math.max(0, (answered - due) / 1_000));
          if (answer.status() / 100 != 2) {
            if (failed.incrementAndGet() <= 3) {
              System.out.println("   revocation refused: " + answer.status() + " " + answer.body());
            }
            return;
          }
          revoked.add(one.consentId());
          long deadline = answered + GIVE_UP.toNanos();
          while (System.nanoTime() < deadline) {
            int status = read(one.patientId()).status();
            if (status == 404) {
              refusals.recordValue(Math.max(0, (System.nanoTime() - answered) / 1_000));
              return;
            }
            if (status != 200) {
              System.out.println("   partner read answered " + status);
            }
          }
          stillReadable.incrementAndGet();
        });
      }
    }
    if (stillReadable.get() > 0) {
      System.out.printf("   %d revoked consents still readable by the partner after %d s%n", stillReadable.get(),
          GIVE_UP.toSeconds());
    }
    Histogram eventPath = eventPath(List.copyOf(revoked));
    double refusalP99 = refusals.getValueAtPercentile(99) / 1000.0;
    double floor = broker.getValueAtPercentile(99) / 1000.0 + reads.getValueAtPercentile(99) / 1000.0;
    return String.format("| %d of %d | %d | %.1f / %.1f | %.1f / %.1f / %.1f | %.1f / %.1f | %.1f | %.1f / %.1f | %.2fx |",
        revoked.size(), consented.size(), refusals.getTotalCount(), ms(answers, 50), ms(answers, 99),
        ms(refusals, 50), refusalP99, refusals.getMaxValue() / 1000.0, ms(eventPath, 50), ms(eventPath, 99),
        ms(broker, 99), ms(reads, 50), ms(reads, 99), refusalP99 / Math.max(floor, 0.001));
  }

  record Consented(String patientId, String consentId) {}

  /** Patients registered at intake, with a plan at aftercare and a consent the partner can already read. */
  private List<Consented> prepare(int count) throws Exception {
    List<Consented> consented = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<Consented>> pending = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        pending.add(pool.submit(this::consentedPatient));
      }
      for (Future<Consented> one : pending) {
        consented.add(one.get());
        if (consented.size() % 50 == 0) {
          System.out.printf("   prepared %d of %d%n", consented.size(), count);
        }
      }
    }
    return consented;
  }

  private Consented consentedPatient() throws InterruptedException {
    ApiResponse patient = Admissions.require(gateway.post("/api/intake/v1/patients", admissions.intakeToken.get(),
        Map.of("givenName", "Bench" + UUID.randomUUID().toString().substring(0, 8), "familyName", "Consent",
            "dateOfBirth", "1985-03-05", "site", Admissions.SITE)), 201, "patient");
    String patientId = patient.json().get("patientId").asString();
    Map<String, Object> plan = Map.of("patientId", patientId, "site", Admissions.SITE, "medicationPlan", "NONE",
        "naloxoneStatus", "PROVIDED", "overdoseEducation", true, "goals", List.of("Return to work"));
    // Aftercare learns of the patient from intake's event; until then the plan is refused.
    awaitStatus(() -> gateway.post("/api/aftercare/v1/plans", counsellor.get(), plan), 201, "plan");
    Map<String, Object> consent = new LinkedHashMap<>(Map.of("site", Admissions.SITE,
        "recipientType", "PARTNER_ORGANISATION", "recipient", PARTNER, "purpose", "RECOVERY_SUPPORT",
        "dataCategories", List.of("AFTERCARE_PLAN"),
        "signedOn", LocalDate.now(ZoneId.of("America/New_York")).toString(), "signedBy", "PATIENT"));
    consent.put("expiresAt", Instant.now().plus(365, ChronoUnit.DAYS).toString());
    String consentId = Admissions.require(gateway.post("/api/intake/v1/patients/" + patientId + "/consents",
        admissions.intakeToken.get(), consent), 201, "consent").json().get("consentId").asString();
    awaitStatus(() -> read(patientId), 200, "the partner's first read");
    return new Consented(patientId, consentId);
  }

  /** One read of each prepared patient's CarePlan at the revocations' rate: the other half of the floor. */
  private Histogram partnerReads(List<Consented> consented, int rate) throws Exception {
    System.out.printf("   partner read baseline: %d reads at %d/s%n", consented.size(), rate);
    ConcurrentHistogram latency = new ConcurrentHistogram(60_000_000L, 3);
    long interval = 1_000_000_000L / rate;
    long start = System.nanoTime() + 100_000_000L;
    try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < consented.size(); i++) {
        String patientId = consented.get(i).patientId();
        long due = start + i * interval;
        readers.submit(() -> {
          sleepUntil(due);
          ApiResponse answer = read(patientId);
          if (answer.status() == 200) {
            latency.recordValue(Math.max(0, (System.nanoTime() - due) / 1_000));
          }
        });
      }
    }
    return latency;
  }

  /** Aftercare's received_at - intake's revoked_at per consent, one database server, one clock. */
  private static Histogram eventPath(List<String> consents) throws Exception {
    Map<String, Instant> revokedAt = new HashMap<>();
    try (Connection db = EventLatencyBench.connect("intake");
        PreparedStatement query = db.prepareStatement(
            "SELECT id::text, revoked_at FROM consent WHERE id = ANY (?::uuid[]) AND revoked_at IS NOT NULL")) {
      query.setArray(1, db.createArrayOf("text", consents.toArray()));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          revokedAt.put(rows.getString(1), rows.getTimestamp(2).toInstant());
        }
      }
    }
    Histogram latency = new Histogram(600_000_000L, 3);
    try (Connection db = EventLatencyBench.connect("aftercare");
        PreparedStatement query = db.prepareStatement(
            "SELECT consent_id::text, received_at FROM consent_revocation WHERE consent_id = ANY (?::uuid[])")) {
      query.setArray(1, db.createArrayOf("text", consents.toArray()));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          Instant revoked = revokedAt.get(rows.getString(1));
          if (revoked != null) {
            latency.recordValue(Math.max(0,
                Duration.between(revoked, rows.getTimestamp(2).toInstant()).toNanos() / 1_000));
          }
        }
      }
    }
    if (latency.getTotalCount() < consents.size()) {
      System.out.printf("   %d of %d revocations not (yet) at aftercare%n", consents.size() - latency.getTotalCount(),
          consents.size());
    }
    return latency;
  }

  private ApiResponse read(String patientId) {
    return gateway.send("GET", "/partner/v1/CarePlan?patient=" + patientId, harbor.get(), null,
        Map.of("X-Purpose-Of-Use", "RECOVERY_SUPPORT"));
  }

  private static void awaitStatus(Supplier<ApiResponse> call, int status, String what)
      throws InterruptedException {
    ApiResponse last = null;
    for (int tries = 0; tries < 300; tries++) {
      last = call.get();
      if (last.status() == status) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(what + " after 30 s: " + last.status() + " " + last.body());
  }

  private static void sleepUntil(long nanos) {
    long wait = nanos - System.nanoTime();
    if (wait > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static double ms(Histogram histogram, double percentile) {
    return histogram.getValueAtPercentile(percentile) / 1000.0;
  }
}
