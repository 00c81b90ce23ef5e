package org.rehabnet.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.rehabnet.test.devstack.Topology;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import tools.jackson.databind.JsonNode;

/**
 * Event latency: an admission committed at intake to its detox episode opened at monitoring, at
 * constant arrival rates (open model: each admission is sent on its schedule whether or not earlier
 * ones have answered, so a slow answer cannot hide the ones behind it). Both ends are read from the
 * databases afterwards: intake's {@code admission.admitted_at} (set in the admitting transaction) and
 * monitoring's {@code detox_episode.opened_at} (set by the handler), one clock, no polling error.
 *
 * <p>Baseline, in the same run and at the same rate: the broker's own produce-to-consume latency on a
 * topic with the admissions topic's partitions, acks=all, from a plain producer to a plain consumer.
 * The referrals (patient, referral, screening, acceptance, assessment) and the beds are prepared
 * before each rate, so only the admission is on the clock.
 *
 * <pre>./rehabnet bench events   (-Dbench.rates=20,100 -Dbench.seconds=30)</pre>
 */
public final class EventLatencyBench {

  static final Topology TOPOLOGY = Topology.load();
  static final String GATEWAY = "http://localhost:" + TOPOLOGY.port("GATEWAY_PORT");
  static final String KEYCLOAK = "http://localhost:" + TOPOLOGY.port("KEYCLOAK_PORT") + "/realms/rehabnet";
  static final String KAFKA = "localhost:" + TOPOLOGY.port("KAFKA_PORT");
  static final String POSTGRES = "jdbc:postgresql://localhost:" + TOPOLOGY.port("POSTGRES_PORT") + "/";
  static final int SECONDS = Integer.getInteger("bench.seconds", 30);
  static final String SITE = "north";

  private final ApiClient gateway = new ApiClient(GATEWAY);
  private final Token intakeToken = new Token("intake-north");
  private final Token adminToken = new Token("admin-north");

  /** Dev-realm tokens live 5 minutes and a run is longer: fetched again after 4. */
  static final class Token {
    private final String username;
    private String value;
    private long fetched;

    Token(String username) {
      this.username = username;
    }

    synchronized String get() {
      if (value == null || System.nanoTime() - fetched > TimeUnit.MINUTES.toNanos(4)) {
        value = token(username);
        fetched = System.nanoTime();
      }
      return value;
    }
  }

  public static void main(String[] args) throws Exception {
    List<Integer> rates = new ArrayList<>();
    for (String rate : System.getProperty("bench.rates", "20,100").split(",")) {
      rates.add(Integer.parseInt(rate.strip()));
    }
    EventLatencyBench bench = new EventLatencyBench();
    List<String> rows = new ArrayList<>();
    for (int rate : rates) {
      rows.add(bench.run(rate));
    }
    System.out.println();
    System.out.println("Event latency, admission committed at intake -> episode opened at monitoring ("
        + SECONDS + " s per rate, open model)");
    System.out.println("| rate/s | admissions (201) | episodes | 201 p50 / p99 ms | event p50 / p99 / max ms"
        + " | broker p50 / p99 ms | event p99 - broker p99 | goals (p99 <= 50 ms at 20/s; <= broker p99 + 20 ms) |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    rows.forEach(System.out::println);
    System.exit(0);
  }

  String run(int rate) throws Exception {
    int count = rate * SECONDS;
    System.out.printf("%n== %d admissions/s for %d s: preparing %d referrals and beds%n", rate, SECONDS, count);
    List<String> referrals = prepare(count);
    String intake = intakeToken.get();

    Histogram broker = brokerBaseline(rate, count);

    System.out.printf("   admitting at %d/s%n", rate);
    Histogram answers = new Histogram(60_000_000L, 3);
    ConcurrentLinkedQueue<String> admitted = new ConcurrentLinkedQueue<>();
    AtomicInteger refused = new AtomicInteger();
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    long start = System.nanoTime() + 100_000_000L;
    long interval = 1_000_000_000L / rate;
    AtomicInteger next = new AtomicInteger();
    var schedule = clock.scheduleAtFixedRate(() -> {
      int i = next.getAndIncrement();
      if (i >= count) {
        return;
      }
      long due = start + i * interval;
      senders.submit(() -> {
        ApiResponse answer = gateway.post("/api/intake/v1/admissions", intake, Map.of("referralId", referrals.get(i)));
        // From the scheduled moment, not from the send: a queued request's wait counts.
        answers.recordValue(Math.max(0, (System.nanoTime() - due) / 1_000));
        if (answer.status() == 201) {
          admitted.add(answer.json().get("admissionId").asString());
        } else {
          refused.incrementAndGet();
          if (refused.get() <= 3) {
            System.out.println("   refused: " + answer.status() + " " + answer.body());
          }
        }
      });
    }, start - System.nanoTime(), interval, TimeUnit.NANOSECONDS);
    while (next.get() < count) {
      Thread.sleep(200);
    }
    schedule.cancel(false);
    clock.shutdown();
    senders.shutdown();
    senders.awaitTermination(2, TimeUnit.MINUTES);

    Histogram events = eventLatency(List.copyOf(admitted));
    long episodes = events.getTotalCount();
    double eventP99 = events.getValueAtPercentile(99) / 1000.0;
    double brokerP99 = broker.getValueAtPercentile(99) / 1000.0;
    String goals = (rate == 20 ? (eventP99 <= 50 ? "50 ms: met" : "50 ms: NOT met") + "; " : "")
        + (eventP99 <= brokerP99 + 20 ? "+20 ms: met" : "+20 ms: NOT met");
    return String.format("| %d | %d of %d | %d | %.1f / %.1f | %.1f / %.1f / %.1f | %.1f / %.1f | %+.1f ms | %s |",
        rate, admitted.size(), count, episodes, ms(answers, 50), ms(answers, 99), events.getValueAtPercentile(50) / 1000.0,
        eventP99, events.getMaxValue() / 1000.0, broker.getValueAtPercentile(50) / 1000.0, brokerP99,
        eventP99 - brokerP99, goals);
  }

  /** Referrals ready to admit (screened, accepted, assessed) and as many new free beds. */
  private List<String> prepare(int count) throws Exception {
    String admin = adminToken.get();
    String ward = "L" + Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();
    ApiResponse created = gateway.post("/api/intake/v1/sites/" + SITE + "/wards", admin,
        Map.of("code", ward, "name", "Latency bench " + ward));
    require(created, 201, "ward");
    List<String> referrals = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<String>> pending = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String bed = ward + "-" + i;
        pending.add(pool.submit(() -> {
          require(gateway.post("/api/intake/v1/sites/" + SITE + "/wards/" + ward + "/beds", adminToken.get(),
              Map.of("code", bed)), 201, "bed");
          return referral();
        }));
      }
      int done = 0;
      for (Future<String> one : pending) {
        referrals.add(one.get());
        if (++done % 500 == 0) {
          System.out.printf("   prepared %d of %d%n", done, count);
        }
      }
    }
    return referrals;
  }

  private String referral() {
    String intake = intakeToken.get();
    ApiResponse patient = require(gateway.post("/api/intake/v1/patients", intake, Map.of(
        "givenName", "Bench" + UUID.randomUUID().toString().substring(0, 8), "familyName", "Latency",
        "dateOfBirth", "1985-03-04", "site", SITE)), 201, "patient");
    ApiResponse referral = require(gateway.post("/api/intake/v1/referrals", intake, Map.of(
        "patientId", patient.json().get("patientId").asString(), "site", SITE, "source", "SELF",
        "urgency", "URGENT")), 201, "referral");
    String id = referral.json().get("referralId").asString();
    require(gateway.post("/api/intake/v1/referrals/" + id + "/screening", intake, ""), 200, "screening");
    require(gateway.post("/api/intake/v1/referrals/" + id + "/acceptance", intake, ""), 200, "acceptance");
    require(gateway.send("PUT", "/api/intake/v1/referrals/" + id + "/assessment", intake, ApiClient.json(Map.ofEntries(
        Map.entry("substances", List.of(Map.of("substance", "HEROIN", "route", "SMOKED", "frequency", "DAILY",
            "yearsOfUse", 3, "lastUseAt", Instant.now().minus(12, ChronoUnit.HOURS).toString()))),
        Map.entry("heightCm", 175), Map.entry("weightKg", 70),
        Map.entry("oudCriteria", List.of("CRAVING", "TOLERANCE", "WITHDRAWAL", "MUCH_TIME_SPENT")),
        Map.entry("opioidsOnlyUnderMedicalSupervision", false),
        Map.entry("urineDrugScreen", List.of(Map.of("analyte", "SIX_MAM", "result", "POSITIVE"))),
        Map.entry("phq9", List.of(0, 0, 0, 0, 0, 0, 0, 0, 0)), Map.entry("gad7", List.of(0, 0, 0, 0, 0, 0, 0)),
        Map.entry("mentalHealthHistory", List.of()), Map.entry("previousDetoxEpisodes", 0),
        Map.entry("previousOverdoses", 0), Map.entry("pregnancyStatus", "NOT_APPLICABLE"))), Map.of()),
        201, "assessment");
    return id;
  }

  /** opened_at - admitted_at per admission, once every episode exists (or after 60 s). */
  private static Histogram eventLatency(List<String> admissions) throws Exception {
    Map<String, Instant> admittedAt = new HashMap<>();
    try (Connection db = connect("intake")) {
      for (List<String> batch : batches(admissions)) {
        try (PreparedStatement query = db.prepareStatement(
            "SELECT id::text, admitted_at FROM admission WHERE id = ANY (?::uuid[])")) {
          query.setArray(1, db.createArrayOf("text", batch.toArray()));
          try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
              admittedAt.put(rows.getString(1), rows.getTimestamp(2).toInstant());
            }
          }
        }
      }
    }
    Map<String, Instant> openedAt = new HashMap<>();
    Instant deadline = Instant.now().plusSeconds(60);
    try (Connection db = connect("monitoring")) {
      while (openedAt.size() < admissions.size() && Instant.now().isBefore(deadline)) {
        openedAt.clear();
        for (List<String> batch : batches(admissions)) {
          try (PreparedStatement query = db.prepareStatement(
              "SELECT admission_id::text, opened_at FROM detox_episode WHERE admission_id = ANY (?::uuid[])")) {
            query.setArray(1, db.createArrayOf("text", batch.toArray()));
            try (ResultSet rows = query.executeQuery()) {
              while (rows.next()) {
                openedAt.put(rows.getString(1), rows.getTimestamp(2).toInstant());
              }
            }
          }
        }
        if (openedAt.size() < admissions.size()) {
          Thread.sleep(500);
        }
      }
    }
    if (openedAt.size() < admissions.size()) {
      System.out.printf("   %d of %d episodes missing after 60 s%n", admissions.size() - openedAt.size(),
          admissions.size());
    }
    Histogram latency = new Histogram(600_000_000L, 3);
    openedAt.forEach((admission, opened) -> {
      Instant admitted = admittedAt.get(admission);
      if (admitted != null) {
        latency.recordValue(Math.max(0, Duration.between(admitted, opened).toNanos() / 1_000));
      }
    });
    return latency;
  }

  /** The broker's own produce-to-consume time at the same rate, acks=all, on its own topic. */
  private static Histogram brokerBaseline(int rate, int count) throws Exception {
    String topic = "bench.broker-latency.v1";
    int partitions = TOPOLOGY.partitions();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA))) {
      if (!admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(topic)) {
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(10, TimeUnit.SECONDS);
      }
    }
    Histogram latency = new Histogram(600_000_000L, 3);
    Map<String, Long> sent = new ConcurrentHashMap<>();
    Properties consumerConfig = new Properties();
    consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
    consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
    consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    Properties producerConfig = new Properties();
    producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
    producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
    producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    int records = Math.min(count, rate * 20);
    System.out.printf("   broker baseline: %d records at %d/s%n", records, rate);
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig);
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig)) {
      consumer.subscribe(List.of(topic));
      Instant joined = Instant.now().plusSeconds(30);
      while (consumer.assignment().isEmpty() && Instant.now().isBefore(joined)) {
        consumer.poll(Duration.ofMillis(100));
      }
      long interval = 1_000_000_000L / rate;
      long start = System.nanoTime();
      int produced = 0;
      int received = 0;
      byte[] payload = new byte[600]; // about an AdmissionRecorded
      Instant deadline = Instant.now().plusSeconds(records / rate + 30);
      while (received < records && Instant.now().isBefore(deadline)) {
        while (produced < records && System.nanoTime() >= start + produced * interval) {
          String key = UUID.randomUUID().toString();
          // The scheduled moment, as for the admissions: a late send counts against the broker.
          sent.put(key, start + produced * interval);
          producer.send(new ProducerRecord<>(topic, key, payload));
          produced++;
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(1))) {
          Long due = sent.remove(record.key());
          if (due != null) {
            latency.recordValue(Math.max(0, (System.nanoTime() - due) / 1_000));
            received++;
          }
        }
      }
    }
    return latency;
  }

  private static List<List<String>> batches(List<String> all) {
    List<List<String>> batches = new ArrayList<>();
    for (int i = 0; i < all.size(); i += 1000) {
      batches.add(all.subList(i, Math.min(all.size(), i + 1000)));
    }
    return batches;
  }

  private static Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(POSTGRES + database, database, database + "-dev");
  }

  private static double ms(Histogram histogram, double percentile) {
    return histogram.getValueAtPercentile(percentile) / 1000.0;
  }

  private static ApiResponse require(ApiResponse response, int status, String what) {
    if (response.status() != status) {
      throw new IllegalStateException(what + ": " + response.status() + " " + response.body());
    }
    return response;
  }

  static String token(String username) {
    String form = "grant_type=password&client_id=rehabnet-cli&username=" + username + "&password="
        + URLEncoder.encode("rehabnet-dev", StandardCharsets.UTF_8);
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(KEYCLOAK + "/protocol/openid-connect/token"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode body = new ApiResponse(response.statusCode(), Map.of(), response.body()).json();
      return body.get("access_token").asString();
    } catch (Exception e) {
      throw new IllegalStateException("no token for " + username + ": is the platform up (./rehabnet up)?", e);
    }
  }
}
