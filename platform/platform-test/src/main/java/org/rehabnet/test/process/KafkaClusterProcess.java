package org.rehabnet.test.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;

/**
 * A KRaft cluster of {@code n} nodes, each broker and controller in a JVM of its own
 * ({@link KafkaBrokerProcess}): a static quorum of all {@code n} voters formatted with one cluster
 * id, so any one node can be killed, frozen or restarted alone while the others keep a majority.
 * With three nodes every topic, the group offsets and the transaction log have three replicas and
 * need two in sync: a producer with {@code acks=all} is answered only once two brokers hold the
 * record, so losing any one broker loses nothing acknowledged and the cluster goes on accepting.
 */
public final class KafkaClusterProcess implements AutoCloseable {

  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(5);

  private final List<KafkaBrokerProcess> nodes;

  private KafkaClusterProcess(List<KafkaBrokerProcess> nodes) {
    this.nodes = List.copyOf(nodes);
  }

  /** Three nodes under {@code directory}, replication 3, min.insync.replicas 2. Not started yet. */
  public static KafkaClusterProcess create(String name, Path directory) {
    return create(name, directory, 3, Map.of());
  }

  /**
   * {@code size} nodes under {@code directory} (one sub-directory each, formatted now and kept across
   * restarts) with every replication factor {@code min(size, 3)} and min.insync.replicas one less
   * (at least one), plus {@code overrides}. Not started yet.
   */
  public static KafkaClusterProcess create(String name, Path directory, int size, Map<String, String> overrides) {
    if (size < 1) {
      throw new IllegalArgumentException("A cluster needs at least one node, not " + size);
    }
    String replication = Integer.toString(Math.min(size, 3));
    String minIsr = Integer.toString(Math.max(1, Math.min(size, 3) - 1));
    List<Integer> ports = IntStream.range(0, size).map(i -> Ports.free()).boxed().toList();
    List<Integer> controllerPorts = IntStream.range(0, size).map(i -> Ports.free()).boxed().toList();
    String voters = IntStream.range(0, size).mapToObj(i -> (i + 1) + "@127.0.0.1:" + controllerPorts.get(i))
        .collect(Collectors.joining(","));
    String clusterId = Uuid.randomUuid().toString();
    Map<String, String> properties = new java.util.LinkedHashMap<>();
    properties.put("default.replication.factor", replication);
    properties.put("min.insync.replicas", minIsr);
    properties.put("offsets.topic.replication.factor", replication);
    properties.put("transaction.state.log.replication.factor", replication);
    properties.put("transaction.state.log.min.isr", minIsr);
    properties.put("share.coordinator.state.topic.replication.factor", replication);
    properties.put("share.coordinator.state.topic.min.isr", minIsr);
    // A replica is never elected leader unless it was in sync: what was acknowledged stays (the default, said here).
    properties.put("unclean.leader.election.enable", "false");
    // A killed broker is fenced, and its partitions led elsewhere, 4 s after its last heartbeat
    // instead of the default 9 s; the heartbeat every 500 ms instead of 2 s keeps a live one in.
    properties.put("broker.session.timeout.ms", "4000");
    properties.put("broker.heartbeat.interval.ms", "500");
    properties.putAll(overrides);
    List<KafkaBrokerProcess> nodes = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      String node = name + "-" + (i + 1);
      nodes.add(KafkaBrokerProcess.create(node, directory.resolve(node),
          new KafkaBrokerProcess.Node(i + 1, ports.get(i), controllerPorts.get(i), voters, clusterId), properties));
    }
    return new KafkaClusterProcess(nodes);
  }

  /** Starts every node (returns at once; see {@link #awaitReady(Duration)}). */
  public KafkaClusterProcess start() {
    nodes.forEach(KafkaBrokerProcess::start);
    return this;
  }

  /** Waits until every node is up and the cluster's metadata lists all of them. */
  public KafkaClusterProcess awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (KafkaBrokerProcess node : nodes) {
      node.awaitReady(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
    }
    try (Admin admin = admin()) {
      while (System.nanoTime() < deadline) {
        try {
          if (admin.describeCluster().nodes().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size()
              == nodes.size()) {
            return this;
          }
        } catch (ExecutionException | TimeoutException e) {
          // Not every broker registered yet.
        }
        Thread.sleep(200);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new IllegalStateException("Not all " + nodes.size() + " brokers registered after " + timeout);
  }

  /** Every node's address, comma-separated: the bootstrap list a client is given. */
  public String bootstrapServers() {
    return nodes.stream().map(KafkaBrokerProcess::bootstrapServers).collect(Collectors.joining(","));
  }

  public List<KafkaBrokerProcess> nodes() {
    return nodes;
  }

  /** The node with this KRaft id (1-based). */
  public KafkaBrokerProcess node(int id) {
    return nodes.stream().filter(n -> n.nodeId() == id).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No node " + id));
  }

  /** The node leading the controller quorum now (the active controller). */
  public KafkaBrokerProcess activeController() {
    try (Admin admin = admin()) {
      return node(admin.describeMetadataQuorum().quorumInfo().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
          .leaderId());
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("The quorum did not say its leader", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The node leading partition {@code partition} of {@code topic} now. */
  public KafkaBrokerProcess leaderOf(String topic, int partition) {
    return node(partitions(topic).get(partition).leader().id());
  }

  /** The topic's partitions as the cluster describes them now: leader, replicas, in-sync replicas. */
  public List<TopicPartitionInfo> partitions(String topic) {
    try (Admin admin = admin()) {
      return admin.describeTopics(List.of(topic)).allTopicNames().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
          .get(topic).partitions();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Cannot describe " + topic, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Whether every partition of the topic has every replica in sync again (after a node returned). */
  public boolean fullyInSync(String topic) {
    return partitions(topic).stream().allMatch(p -> p.isr().size() == p.replicas().size());
  }

  /** The ids of a partition's in-sync replicas, for a report. */
  public static String isr(TopicPartitionInfo partition) {
    return partition.isr().stream().map(Node::idString).collect(Collectors.joining(",", "[", "]"));
  }

  private Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis(),
        AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200));
  }

  @Override
  public void close() {
    nodes.forEach(KafkaBrokerProcess::close);
  }
}
