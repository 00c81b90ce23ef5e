package org.rehabnet.test.infra;

import org.rehabnet.test.devstack.Topology;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;

/** A real Kafka broker in KRaft mode for tests. */
public sealed interface KafkaServer extends AutoCloseable {

  String bootstrapServers();

  @Override
  void close();

  /** The broker from the Kafka jars on Maven Central, run inside the test JVM. */
  final class Embedded implements KafkaServer {

    private final EmbeddedKafkaKraftBroker broker;

    Embedded() {
      // Partitions as the topology gives them to ./rehabnet up and compose.
      broker = new EmbeddedKafkaKraftBroker(1, Topology.load().partitions());
      broker.brokerProperty("auto.create.topics.enable", "true");
      broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
      broker.afterPropertiesSet();
    }

    @Override
    public String bootstrapServers() {
      // The broker binds an ephemeral port; its address is read back, not chosen (see design.md §8).
      return broker.getBrokersAsString();
    }

    @Override
    public void close() {
      broker.destroy();
    }
  }

  /** Kafka in a container, where a Docker engine is available. */
  final class Container implements KafkaServer {

    private final KafkaContainer container;

    Container() {
      container = new KafkaContainer("apache/kafka:4.1.1");
      container.start();
    }

    @Override
    public String bootstrapServers() {
      return container.getBootstrapServers();
    }

    @Override
    public void close() {
      container.stop();
    }
  }
}
