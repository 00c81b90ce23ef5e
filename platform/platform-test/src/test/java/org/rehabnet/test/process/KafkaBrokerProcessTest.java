package org.rehabnet.test.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker in its own JVM does what a real broker does when killed, restarted and frozen. */
class KafkaBrokerProcessTest {

  @TempDir
  static Path directory;
  static KafkaBrokerProcess broker;

  @BeforeAll
  static void start() {
    broker = KafkaBrokerProcess.create("kafka-test", directory).start().awaitReady(Duration.ofMinutes(2));
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  @Test
  void keepsAcknowledgedRecordsAndItsAddressAcrossAKillAndRestart() throws Exception {
    String bootstrap = broker.bootstrapServers();
    try (var producer = producer(10_000)) {
      for (int i = 0; i < 20; i++) {
        producer.send(new ProducerRecord<>("kept", "k" + i, "v" + i)).get(10, TimeUnit.SECONDS);
      }
    }
    long firstPid = broker.pid();

    broker.restart().awaitReady(Duration.ofMinutes(2));

    assertThat(broker.pid()).isNotEqualTo(firstPid);
    assertThat(broker.bootstrapServers()).isEqualTo(bootstrap);
    assertThat(readAll("kept", 20)).hasSize(20);
    assertThat(broker.logFile()).content().contains("starting at").containsPattern("(?s)starting at.*starting at");
  }

  @Test
  void aSuspendedBrokerMakesASendTimeOutAndAResumedOneAcceptsItAgain() throws Exception {
    try (var producer = producer(3_000)) {
      producer.send(new ProducerRecord<>("frozen", "k", "before")).get(10, TimeUnit.SECONDS);
      broker.suspend();
      try {
        assertThatThrownBy(() -> producer.send(new ProducerRecord<>("frozen", "k", "during")).get(20, TimeUnit.SECONDS))
            .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TimeoutException.class);
      } finally {
        broker.resume();
      }
      producer.send(new ProducerRecord<>("frozen", "k", "after")).get(30, TimeUnit.SECONDS);
    }
  }

  private static KafkaProducer<String, String> producer(int deliveryTimeoutMs) {
    return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeoutMs,
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(deliveryTimeoutMs, 2_000),
        ProducerConfig.LINGER_MS_CONFIG, 0,
        ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000),
        new StringSerializer(), new StringSerializer());
  }

  private static List<String> readAll(String topic, int expected) {
    List<String> values = new ArrayList<>();
    try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "reader-" + topic,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
        new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (values.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
      }
    }
    return values;
  }
}
