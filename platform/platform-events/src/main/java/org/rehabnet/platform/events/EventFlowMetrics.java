package org.rehabnet.platform.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * What an on-call engineer reads about the event path of one service: the outbox backlog and the
 * age of its oldest unsent event (from {@code event_publication}), the depth of this service's
 * dead-letter topics, and each listener group's lag per topic. Lag comes from the broker's committed
 * offsets, not the consumer's own client metrics, so it still shows (and grows) while the consumer
 * is down, which is when it matters. Refreshed in the background; a scrape never waits on Kafka.
 */
public class EventFlowMetrics {

  private static final Logger log = LoggerFactory.getLogger(EventFlowMetrics.class);
  private static final long TIMEOUT_SECONDS = 5;

  private final JdbcClient jdbc;
  private final Admin admin;
  private final String group;
  private final ObjectProvider<KafkaListenerEndpointRegistry> listeners;
  private final MultiGauge deadLetterDepth;
  private final MultiGauge consumerLag;
  private volatile double outboxBacklog;
  private volatile double outboxOldestAgeSeconds;
  // A refresh fails every interval while the broker or the database is away: one WARN when that
  // starts and one INFO when it ends, not a line per interval (OutboxRecovery has said it already).
  private boolean kafkaFailing;
  private boolean outboxFailing;

  public EventFlowMetrics(JdbcClient jdbc, Admin admin, String group,
      ObjectProvider<KafkaListenerEndpointRegistry> listeners, MeterRegistry registry) {
    this.jdbc = jdbc;
    this.admin = admin;
    this.group = group;
    this.listeners = listeners;
    Gauge.builder("rehabnet.outbox.backlog", this, m -> m.outboxBacklog)
        .description("Events recorded in the outbox and not yet acknowledged by Kafka")
        .register(registry);
    Gauge.builder("rehabnet.outbox.oldest.age", this, m -> m.outboxOldestAgeSeconds)
        .description("Age of the oldest event not yet acknowledged by Kafka (0 when none)")
        .baseUnit("seconds")
        .register(registry);
    deadLetterDepth = MultiGauge.builder("rehabnet.events.dlt.depth")
        .description("Records on this consumer group's dead-letter topics")
        .register(registry);
    consumerLag = MultiGauge.builder("rehabnet.events.consumer.lag")
        .description("Records on a topic this consumer group has not yet committed")
        .register(registry);
  }

  @Scheduled(fixedDelayString = "${rehabnet.events.metrics-interval:PT15S}", initialDelayString = "PT2S")
  public void refresh() {
    refreshOutbox();
    try {
      refreshKafka();
      if (kafkaFailing) {
        kafkaFailing = false;
        log.info("Event-flow metrics refreshed from Kafka again");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      if (kafkaFailing) {
        log.debug("Event-flow metrics still not refreshed from Kafka: {}", e.toString());
      } else {
        kafkaFailing = true;
        log.warn("Event-flow metrics not refreshed from Kafka (said once until they are): {}", e.toString());
      }
    }
  }

  void refreshOutbox() {
    try {
      jdbc.sql("""
              SELECT count(*) AS backlog,
                     coalesce(extract(epoch FROM now() - min(publication_date)), 0) AS oldest
              FROM event_publication WHERE completion_date IS NULL""")
          .query((rs, row) -> {
            outboxBacklog = rs.getLong("backlog");
            outboxOldestAgeSeconds = rs.getDouble("oldest");
            return row;
          })
          .list();
      if (outboxFailing) {
        outboxFailing = false;
        log.info("Outbox metrics refreshed again");
      }
    } catch (RuntimeException e) {
      if (outboxFailing) {
        log.debug("Outbox metrics still not refreshed: {}", e.toString());
      } else {
        outboxFailing = true;
        log.warn("Outbox metrics not refreshed (said once until they are): {}", e.toString());
      }
    }
  }

  private void refreshKafka() throws InterruptedException, ExecutionException, TimeoutException {
    Set<String> consumed = consumedTopics();
    Set<String> deadLetterTopics = new TreeSet<>();
    consumed.forEach(topic -> deadLetterTopics.add(Topics.deadLetterTopic(topic, group)));

    Map<String, Long> depth = new HashMap<>();
    Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
    for (String topic : deadLetterTopics) {
      depth.put(topic, 0L);
      partitions(topic).forEach(tp -> earliest.put(tp, OffsetSpec.earliest()));
    }
    Map<TopicPartition, Long> first = offsets(earliest);
    Map<TopicPartition, Long> last = offsets(latestOf(first.keySet()));
    last.forEach((tp, end) -> depth.merge(tp.topic(), end - first.getOrDefault(tp, end), Long::sum));
    List<MultiGauge.Row<?>> depthRows = new ArrayList<>();
    depth.forEach((topic, value) -> depthRows.add(MultiGauge.Row.of(Tags.of("topic", topic), value)));
    deadLetterDepth.register(depthRows, true);

    // Each @KafkaListener joins the group named by its listener id, not spring.kafka.consumer.group-id
    // (that name only labels this service's dead-letter topics), so lag is read per listener group.
    List<MultiGauge.Row<?>> lagRows = new ArrayList<>();
    for (Map.Entry<String, Set<String>> listener : topicsByGroup().entrySet()) {
      String consumerGroup = listener.getKey();
      Map<String, Long> lag = new HashMap<>();
      Map<TopicPartition, Long> position = new HashMap<>();
      for (String topic : listener.getValue()) {
        lag.put(topic, 0L);
        partitions(topic).forEach(tp -> position.put(tp, null));
      }
      Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(consumerGroup)
          .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      committed.forEach((tp, offset) -> {
        if (offset != null && position.containsKey(tp)) {
          position.put(tp, offset.offset());
        }
      });
      // A partition the group has never committed on is read from its start (auto-offset-reset
      // earliest), so everything on it counts: its first record must show as lag, not as nothing.
      Map<TopicPartition, OffsetSpec> uncommitted = new HashMap<>();
      position.forEach((tp, offset) -> {
        if (offset == null) {
          uncommitted.put(tp, OffsetSpec.earliest());
        }
      });
      offsets(uncommitted).forEach(position::put);
      Map<TopicPartition, Long> ends = offsets(latestOf(position.keySet()));
      position.forEach((tp, offset) -> {
        Long end = ends.get(tp);
        if (end != null && offset != null) {
          lag.merge(tp.topic(), Math.max(0, end - offset), Long::sum);
        }
      });
      lag.forEach((topic, value) ->
          lagRows.add(MultiGauge.Row.of(Tags.of("group", consumerGroup, "topic", topic), value)));
    }
    consumerLag.register(lagRows, true);
  }

  private Set<String> consumedTopics() {
    Set<String> topics = new TreeSet<>();
    topicsByGroup().values().forEach(topics::addAll);
    return topics;
  }

  private Map<String, Set<String>> topicsByGroup() {
    Map<String, Set<String>> byGroup = new TreeMap<>();
    KafkaListenerEndpointRegistry registry = listeners.getIfAvailable();
    if (registry != null) {
      for (MessageListenerContainer container : registry.getListenerContainers()) {
        String[] names = container.getContainerProperties().getTopics();
        String consumerGroup = container.getGroupId();
        if (names != null && consumerGroup != null) {
          byGroup.computeIfAbsent(consumerGroup, g -> new TreeSet<>()).addAll(List.of(names));
        }
      }
    }
    return byGroup;
  }

  private Collection<TopicPartition> partitions(String topic)
      throws InterruptedException, ExecutionException, TimeoutException {
    try {
      TopicDescription description = admin.describeTopics(List.of(topic)).topicNameValues().get(topic)
          .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return description.partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return List.of(); // No record has been dead-lettered yet: the topic does not exist.
      }
      throw e;
    }
  }

  private static Map<TopicPartition, OffsetSpec> latestOf(Collection<TopicPartition> partitions) {
    Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
    partitions.forEach(tp -> specs.put(tp, OffsetSpec.latest()));
    return specs;
  }

  private Map<TopicPartition, Long> offsets(Map<TopicPartition, OffsetSpec> specs)
      throws InterruptedException, ExecutionException, TimeoutException {
    if (specs.isEmpty()) {
      return Map.of();
    }
    Map<TopicPartition, ListOffsetsResultInfo> infos = admin.listOffsets(specs).all()
        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    Map<TopicPartition, Long> offsets = new HashMap<>();
    infos.forEach((tp, info) -> offsets.put(tp, info.offset()));
    return offsets;
  }
}
