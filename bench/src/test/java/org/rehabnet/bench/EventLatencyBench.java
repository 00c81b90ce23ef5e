package org.rehabnet.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
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
import org.rehabnet.test.http.ApiClient.ApiResponse;

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

  static final Topology TOPOLOGY = Admissions.TOPOLOGY;
  static final String KAFKA = "localhost:" + TOPOLOGY.port("KAFKA_PORT");
  static final String POSTGRES = "jdbc:postgresql://localhost:" + TOPOLOGY.port("POSTGRES_PORT") + "/";
  static final int SECONDS = Integer.getInteger("bench.seconds", 30);

  private final Admissions admissions = new Admissions();

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
    List<String> referrals = admissions.prepare(count);
    String intake = admissions.intakeToken.get();

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
        ApiResponse answer = admissions.gateway.post("/api/intake/v1/admissions", intake, Map.of("referralId", referrals.get(i)));
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
  static Histogram brokerBaseline(int rate, int count) throws Exception {
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

  static Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(POSTGRES + database, database, database + "-dev");
  }

  private static double ms(Histogram histogram, double percentile) {
    return histogram.getValueAtPercentile(percentile) / 1000.0;
  }

}
