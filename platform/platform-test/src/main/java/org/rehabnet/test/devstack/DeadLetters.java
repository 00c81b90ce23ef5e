package org.rehabnet.test.devstack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;

/**
 * The dead-letter topics of the platform, for the on-call engineer ({@code ./rehabnet dlt}): what
 * is parked and why, and, once the cause is fixed, a replay to the topic it came from.
 *
 * <p>A replay sends each parked record back unchanged (same key, value and CloudEvents headers,
 * without the {@code kafka_dlt-*} ones) and then commits its place in the dead-letter topic under
 * the group {@value #REPLAY_GROUP_PREFIX}{@code <dlt>}, so a second replay sends only what arrived
 * since. A crash between the send and the commit sends a record twice, which is harmless: every
 * consumer applies an event id once (processed_event).
 *
 * <pre>
 * java -cp ... org.rehabnet.test.devstack.DeadLetters [--bootstrap=localhost:9092] list
 * java -cp ... org.rehabnet.test.devstack.DeadLetters show TOPIC [--payload]
 * java -cp ... org.rehabnet.test.devstack.DeadLetters replay TOPIC
 * </pre>
 */
public final class DeadLetters {

  static final String REPLAY_GROUP_PREFIX = "rehabnet-dlt-replay.";
  static final String DLT_HEADER_PREFIX = "kafka_dlt-";
  static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";

  /** One dead-letter topic: how many records it holds and how many are not yet replayed. */
  public record Summary(String topic, long parked, long notReplayed) {}

  /** One parked record, described without its payload. */
  public record Parked(int partition, long offset, Instant parkedAt, @Nullable String key,
      @Nullable String originalTopic, @Nullable String originalOffset, @Nullable String exception,
      @Nullable String message, @Nullable String eventType, @Nullable String eventId, boolean replayed,
      byte[] value) {}

  private final String bootstrap;

  public DeadLetters(String bootstrap) {
    this.bootstrap = bootstrap;
  }

  public List<Summary> list() {
    List<Summary> summaries = new ArrayList<>();
    for (String topic : deadLetterTopics()) {
      try (KafkaConsumer<byte[], byte[]> consumer = consumer(null)) {
        List<TopicPartition> partitions = partitions(consumer, topic);
        Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Map<TopicPartition, OffsetAndMetadata> replayed = committed(topic, partitions);
        long parked = 0;
        long pending = 0;
        for (TopicPartition partition : partitions) {
          parked += end.get(partition) - start.get(partition);
          long from = replayed.get(partition) == null ? start.get(partition) : replayed.get(partition).offset();
          pending += end.get(partition) - Math.max(from, start.get(partition));
        }
        summaries.add(new Summary(topic, parked, pending));
      }
    }
    return summaries;
  }

  public List<Parked> show(String topic) {
    requireDeadLetterTopic(topic);
    List<Parked> parked = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(null)) {
      List<TopicPartition> partitions = partitions(consumer, topic);
      Map<TopicPartition, OffsetAndMetadata> replayed = committed(topic, partitions);
      readToEnd(consumer, partitions, Map.of(), record -> {
        OffsetAndMetadata mark = replayed.get(new TopicPartition(topic, record.partition()));
        parked.add(new Parked(record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
            record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
            header(record, ORIGINAL_TOPIC), header(record, "kafka_dlt-original-offset"),
            header(record, "kafka_dlt-exception-fqcn"), header(record, "kafka_dlt-exception-message"),
            header(record, "ce_type"), header(record, "ce_id"), mark != null && record.offset() < mark.offset(),
            record.value() == null ? new byte[0] : record.value()));
      });
    }
    return parked;
  }

  /** Sends what is not yet replayed back to its original topic; returns how many were sent. */
  public int replay(String topic) {
    requireDeadLetterTopic(topic);
    int sent = 0;
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(REPLAY_GROUP_PREFIX + topic);
        KafkaProducer<byte[], byte[]> producer = producer()) {
      List<TopicPartition> partitions = partitions(consumer, topic);
      Map<TopicPartition, OffsetAndMetadata> replayed = committed(topic, partitions);
      Map<TopicPartition, Long> from = new HashMap<>();
      replayed.forEach((partition, mark) -> from.put(partition, mark.offset()));
      List<ConsumerRecord<byte[], byte[]>> pending = new ArrayList<>();
      readToEnd(consumer, partitions, from, pending::add);
      Map<TopicPartition, OffsetAndMetadata> marks = new HashMap<>();
      for (ConsumerRecord<byte[], byte[]> record : pending) {
        String original = header(record, ORIGINAL_TOPIC);
        if (original == null) {
          throw new IllegalStateException(topic + " " + record.partition() + "@" + record.offset()
              + " has no " + ORIGINAL_TOPIC + " header: not a dead letter this tool can replay");
        }
        ProducerRecord<byte[], byte[]> back = new ProducerRecord<>(original, null, record.key(), record.value());
        for (Header h : record.headers()) {
          if (!h.key().startsWith(DLT_HEADER_PREFIX)) {
            back.headers().add(h);
          }
        }
        producer.send(back);
        marks.put(new TopicPartition(topic, record.partition()), new OffsetAndMetadata(record.offset() + 1));
        sent++;
      }
      producer.flush();
      if (!marks.isEmpty()) {
        consumer.commitSync(marks);
      }
    }
    return sent;
  }

  private Set<String> deadLetterTopics() {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      Set<String> topics = new TreeSet<>();
      for (String name : admin.listTopics().names().get()) {
        if (name.endsWith("-dlt")) {
          topics.add(name);
        }
      }
      return topics;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot list topics at " + bootstrap, e.getCause());
    }
  }

  private static void requireDeadLetterTopic(String topic) {
    if (!topic.endsWith("-dlt")) {
      throw new IllegalArgumentException(topic + " is not a dead-letter topic (names end in -dlt)");
    }
  }

  private Map<TopicPartition, OffsetAndMetadata> committed(String topic, List<TopicPartition> partitions) {
    try (KafkaConsumer<byte[], byte[]> group = consumer(REPLAY_GROUP_PREFIX + topic)) {
      Map<TopicPartition, OffsetAndMetadata> marks = new HashMap<>(group.committed(Set.copyOf(partitions)));
      marks.values().removeIf(java.util.Objects::isNull);
      return marks;
    }
  }

  private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
    List<TopicPartition> partitions = new ArrayList<>();
    consumer.partitionsFor(topic, Duration.ofSeconds(10)).forEach(p -> partitions.add(
        new TopicPartition(topic, p.partition())));
    if (partitions.isEmpty()) {
      throw new IllegalArgumentException("no topic " + topic);
    }
    return partitions;
  }

  /** Reads every partition from the given offsets (else the beginning) up to its end as of now. */
  private static void readToEnd(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
      Map<TopicPartition, Long> from, java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> each) {
    consumer.assign(partitions);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
    consumer.seekToBeginning(partitions);
    from.forEach(consumer::seek);
    Instant deadline = Instant.now().plusSeconds(60);
    while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("could not read " + partitions + " to its end within 60 s");
      }
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
        if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
          each.accept(record);
        }
      }
    }
  }

  private KafkaConsumer<byte[], byte[]> consumer(@Nullable String group) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    if (group != null) {
      props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    }
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private KafkaProducer<byte[], byte[]> producer() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
    Header h = record.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  public static void main(String[] args) {
    String bootstrap = "localhost:9092";
    boolean payload = false;
    List<String> words = new ArrayList<>();
    for (String arg : args) {
      if (arg.startsWith("--bootstrap=")) {
        bootstrap = arg.substring("--bootstrap=".length());
      } else if (arg.equals("--payload")) {
        payload = true;
      } else {
        words.add(arg);
      }
    }
    DeadLetters dlt = new DeadLetters(bootstrap);
    String command = words.isEmpty() ? "list" : words.getFirst();
    try {
      switch (command) {
        case "list" -> {
          List<Summary> topics = dlt.list();
          if (topics.isEmpty()) {
            System.out.println("no dead-letter topics");
          }
          System.out.printf("%-62s %8s %13s%n", "DEAD-LETTER TOPIC", "PARKED", "NOT REPLAYED");
          topics.forEach(s -> System.out.printf("%-62s %8d %13d%n", s.topic(), s.parked(), s.notReplayed()));
        }
        case "show" -> {
          for (Parked p : dlt.show(argument(words))) {
            System.out.printf("%d@%d  parked %s  %s%n  from %s@%s  event %s %s  key %s%n  cause %s: %s%n",
                p.partition(), p.offset(), p.parkedAt(), p.replayed() ? "REPLAYED" : "NOT REPLAYED",
                p.originalTopic(), p.originalOffset(), p.eventType(), p.eventId(), p.key(), p.exception(),
                p.message());
            if (payload) {
              // Events carry ids and codes, never names; still, only on request.
              System.out.println("  payload " + new String(p.value(), StandardCharsets.UTF_8));
            }
          }
        }
        case "replay" -> System.out.println("replayed " + dlt.replay(argument(words)) + " record(s)");
        default -> {
          System.err.println("usage: DeadLetters [--bootstrap=host:port] list | show TOPIC [--payload] | replay TOPIC");
          System.exit(2);
        }
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println("dlt: " + e.getMessage());
      System.exit(1);
    }
  }

  private static String argument(List<String> words) {
    if (words.size() < 2) {
      throw new IllegalArgumentException("name the dead-letter topic (see: list)");
    }
    return words.get(1);
  }
}
