package org.rehabnet.platform.events;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Ready means consuming: part of readiness beside the database and the broker. A listener whose
 * consumer has not yet joined its group and been given its share of the partitions (possibly none,
 * when a group has more members than partitions) applies nothing, so an instance that answered
 * ready before then took requests whose follow-up events it would not see for the length of a
 * rebalance. Once assigned, a listener stays counted: a later rebalance is brief, and a broker
 * outage is the broker indicator's to report.
 */
public class ListenerAssignments implements HealthIndicator {

  private final ObjectProvider<KafkaListenerEndpointRegistry> registry;
  private final Set<String> assigned = ConcurrentHashMap.newKeySet();

  public ListenerAssignments(ObjectProvider<KafkaListenerEndpointRegistry> registry) {
    this.registry = registry;
  }

  /** The rebalance listener of one listener container, which notes its first assignment. */
  ConsumerAwareRebalanceListener forListener(String listenerId) {
    return new ConsumerAwareRebalanceListener() {
      @Override
      public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        assigned.add(listenerId);
      }
    };
  }

  /** The listeners that have had their partitions at least once. */
  public Set<String> assigned() {
    return Set.copyOf(assigned);
  }

  @Override
  public Health health() {
    KafkaListenerEndpointRegistry listeners = registry.getIfAvailable();
    List<String> waiting = listeners == null ? List.of() : listeners.getListenerContainers().stream()
        .filter(MessageListenerContainer::isRunning)
        .map(ListenerAssignments::idOf)
        .filter(id -> id != null && !assigned.contains(id))
        .sorted()
        .toList();
    return waiting.isEmpty()
        ? Health.up().withDetail("listeners", assigned.size()).build()
        : Health.status(Status.OUT_OF_SERVICE).withDetails(Map.of("waitingForPartitions", waiting)).build();
  }

  private static @Nullable String idOf(MessageListenerContainer container) {
    return container.getListenerId();
  }
}
