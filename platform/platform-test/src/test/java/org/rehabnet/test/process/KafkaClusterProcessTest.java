package org.rehabnet.test.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three brokers, replication 3, min.insync.replicas 2: a broker killed mid-stream loses no acknowledged record. */
class KafkaClusterProcessTest {

  private static final String TOPIC = "stream";

  @TempDir
  static Path directory;
  static KafkaClusterProcess cluster;

  @BeforeAll
  static void start() {
    cluster = KafkaClusterProcess.create("kafka-cluster-test", directory).start().awaitReady(Duration.ofMinutes(3));
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void aLeaderKilledMidStreamLosesNoAcknowledgedRecordAndTheStreamGoesOn() throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
      // Replication left to the brokers' default, as the services' topics get it from configuration.
      admin.createTopics(List.of(new NewTopic(TOPIC, java.util.Optional.of(3), java.util.Optional.empty())))
          .all().get(30, TimeUnit.SECONDS);
      var config = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, TOPIC))).all()
          .get(30, TimeUnit.SECONDS).values().iterator().next();
      assertThat(config.get("min.insync.replicas").value()).isEqualTo("2");
    }
    assertThat(cluster.partitions(TOPIC)).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));

    Set<String> acked = ConcurrentHashMap.newKeySet();
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger sent = new AtomicInteger();
    KafkaBrokerProcess victim;
    int ackedBeforeKill;
    try (var producer = producer()) {
      Thread stream = Thread.ofPlatform().name("stream").start(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          String key = "r" + sent.getAndIncrement();
          producer.send(new ProducerRecord<>(TOPIC, key, key), (metadata, error) -> {
            if (error == null) {
              acked.add(key);
            } else {
              failed.incrementAndGet();
            }
          });
          try {
            Thread.sleep(5);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      awaitAcked(acked, 200);
      victim = cluster.leaderOf(TOPIC, 0);
      victim.kill();
      ackedBeforeKill = acked.size();
      awaitAcked(acked, ackedBeforeKill + 300);
      assertThat(cluster.partitions(TOPIC)).allSatisfy(p -> {
        assertThat(p.leader().id()).isNotEqualTo(victim.nodeId());
        assertThat(p.isr()).hasSize(2);
      });
      victim.start().awaitReady(Duration.ofMinutes(2));
      awaitAcked(acked, acked.size() + 100);
      stream.interrupt();
      stream.join(10_000);
      producer.flush();
    }
    assertThat(acked.size()).as("records acknowledged after the kill").isGreaterThan(ackedBeforeKill + 300);
    assertThat(failed).as("sends that failed (none need to, with two brokers in sync)").hasValue(0);
    assertThat(readAll(acked.size())).containsAll(acked);
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (!cluster.fullyInSync(TOPIC) && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(cluster.fullyInSync(TOPIC)).as("the restarted broker back in every partition's ISR").isTrue();
  }

  private static void awaitAcked(Set<String> acked, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (acked.size() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("only " + acked.size() + " of " + count + " records acknowledged in 60 s");
      }
      Thread.sleep(20);
    }
  }

  private static KafkaProducer<String, String> producer() {
    return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000,
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
        ProducerConfig.LINGER_MS_CONFIG, 1,
        ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000),
        new StringSerializer(), new StringSerializer());
  }

  private static Set<String> readAll(int expected) {
    Set<String> values = new HashSet<>();
    try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "reader",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
        new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(TOPIC));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (values.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
      }
    }
    return values;
  }
}
