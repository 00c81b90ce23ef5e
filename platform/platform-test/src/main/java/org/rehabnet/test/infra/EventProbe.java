package org.rehabnet.test.infra;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/** Reads what really reached a topic, for tests that check the events a service published. */
public final class EventProbe {

  private EventProbe() {}

  /** Every record on the topic whose headers and key match, read from the beginning. */
  public static List<ConsumerRecord<String, byte[]>> read(String topic, Predicate<ConsumerRecord<String, byte[]>> match) {
    return read(SharedInfrastructure.get().kafkaBootstrapServers(), topic, match);
  }

  /** The same on another broker than the shared one (a platform of processes, as the fault suite's). */
  public static List<ConsumerRecord<String, byte[]>> read(String bootstrapServers, String topic,
      Predicate<ConsumerRecord<String, byte[]>> match) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
          .map(info -> new TopicPartition(topic, info.partition()))
          .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
      Awaitility.await("reading " + topic).atMost(Duration.ofSeconds(20)).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> {
          if (match.test(record)) {
            found.add(record);
          }
        });
        return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
      });
      return found;
    }
  }

  /** Waits until a record with this key appears on the topic. */
  public static ConsumerRecord<String, byte[]> awaitRecord(String topic, String key, Duration timeout) {
    return awaitRecord(SharedInfrastructure.get().kafkaBootstrapServers(), topic, key, timeout);
  }

  /** The same on another broker than the shared one. */
  public static ConsumerRecord<String, byte[]> awaitRecord(String bootstrapServers, String topic, String key,
      Duration timeout) {
    return Awaitility.await("a record with key " + key + " on " + topic).atMost(timeout)
        .pollInterval(Duration.ofMillis(300))
        .until(() -> read(bootstrapServers, topic, r -> key.equals(r.key())).stream().findFirst(), Optional::isPresent)
        .orElseThrow();
  }

  /** Publishes a record the way a producing service would, for tests of a consumer. */
  public static void publish(String topic, String key, Map<String, Object> headers, byte[] value) {
    publish(SharedInfrastructure.get().kafkaBootstrapServers(), topic, key, headers, value);
  }

  /** The same on another broker than the shared one. */
  public static void publish(String bootstrapServers, String topic, String key, Map<String, Object> headers,
      byte[] value) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (var producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      var record = new ProducerRecord<String, byte[]>(topic, key, value);
      headers.forEach((name, header) -> record.headers().add(name,
          header instanceof byte[] bytes ? bytes : String.valueOf(header).getBytes(StandardCharsets.UTF_8)));
      producer.send(record).get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Cannot publish to " + topic, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String header(ConsumerRecord<?, ?> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
  }
}
