package org.rehabnet.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rehabnet.platform.events.Topics;
import org.rehabnet.test.process.KafkaBrokerProcess;
import org.rehabnet.test.process.KafkaClusterProcess;

/**
 * Issue #16, item 3: the three services as processes against a three-broker KRaft cluster (every
 * broker in their bootstrap list, topics with three replicas, min.insync.replicas 2, producers with
 * acks=all). Under a steady stream of admissions, discharges and relapses, the active controller
 * (the leader of an admissions partition, when it leads one) is killed (-9); the stream goes on with
 * two brokers, the killed one is started again and catches up. Then every event produced was applied
 * exactly once, none is lost, nothing is left in an outbox and every 2xx answer's effect is there.
 * The row goes to target/three-brokers.md.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThreeBrokerIT {

  private static final Duration BEFORE = Duration.ofSeconds(8);
  private static final Duration DOWN = Duration.ofSeconds(20);
  private static final Duration AFTER = Duration.ofSeconds(6);

  private FaultPlatform platform;
  private final List<String> rows = new ArrayList<>();

  @BeforeAll
  void start() throws SQLException {
    platform = new FaultPlatform(Duration.parse(System.getProperty("rehabnet.e2e.startup-timeout", "PT8M")), 3);
    try (Connection c = platform.db("intake"); var sql = c.createStatement()) {
      sql.execute("INSERT INTO ward (site, code, name) VALUES ('north', 'K', 'Ward K (three brokers)')");
      sql.execute("""
          INSERT INTO bed (id, site, ward, code, status)
          SELECT gen_random_uuid(), 'north', 'K', 'K-' || lpad(n::text, 3, '0'), 'FREE'
          FROM generate_series(1, 400) AS n""");
    }
  }

  @AfterAll
  void report() throws IOException {
    try {
      String table = Scenario.table("Three brokers (replication 3, min.insync.replicas 2, acks=all)", rows);
      Files.writeString(Path.of("target/three-brokers.md"), table, StandardCharsets.UTF_8);
      System.out.println(table);
    } finally {
      if (platform != null) {
        platform.close();
      }
    }
  }

  @Test
  void aBrokerKilledMidStreamLosesNoAcknowledgedEventAndTheStreamGoesOn() throws Exception {
    KafkaClusterProcess cluster = platform.cluster;
    List<TopicPartitionInfo> admissions = cluster.partitions(Topics.INTAKE_ADMISSIONS);
    assertThat(admissions).as("the admissions topic's partitions, three replicas each")
        .isNotEmpty().allSatisfy(p -> assertThat(p.replicas()).hasSize(3));

    KafkaBrokerProcess victim = victim(cluster);
    Scenario scenario = new Scenario(platform, rows, "broker " + victim.nodeId() + " of 3 (" + role(cluster, victim)
        + ") killed (-9) mid-stream, down " + DOWN.toSeconds() + " s, restarted");
    Traffic traffic = scenario.traffic();
    Thread.sleep(BEFORE);
    long admittedBefore = traffic.admissions.size();
    Instant killed = Instant.now();
    victim.kill();
    long publish = scenario.timeUntilPublishedBefore(killed);
    Duration left = DOWN.minus(Duration.between(killed, Instant.now()));
    Thread.sleep(left.isNegative() ? Duration.ZERO : left);
    long admittedWhileDown = traffic.admissions.values().stream().filter(t -> t.isAfter(killed)).count();
    String whileDown = cluster.partitions(Topics.INTAKE_ADMISSIONS).stream()
        .map(p -> "p" + p.partition() + " leader " + p.leader().id() + " isr " + KafkaClusterProcess.isr(p))
        .collect(Collectors.joining("; "));
    Instant restarting = Instant.now();
    victim.start().awaitReady(Duration.ofMinutes(3));
    await("broker " + victim.nodeId() + " back in every admissions partition's ISR").atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(200)).ignoreExceptions()
        .until(() -> cluster.fullyInSync(Topics.INTAKE_ADMISSIONS));
    long caughtUp = Duration.between(restarting, Instant.now()).toMillis();
    Thread.sleep(AFTER);
    traffic.close();
    Scenario.Result result = scenario.finish(killed, publish + " ms after the kill for what was recorded before it; "
        + admittedWhileDown + " admissions answered 201 while it was down (admissions " + whileDown
        + "); back in every ISR " + caughtUp + " ms after its restart");

    assertThat(traffic.admissions.size()).as("admissions answered 201 after the kill: the stream went on")
        .isGreaterThan((int) admittedBefore);
    assertThat(admittedWhileDown).as("admissions answered 201 while the broker was down").isPositive();
    result.assertHeld();
  }

  /** The active controller if it leads an admissions partition, otherwise the leader of partition 0. */
  private static KafkaBrokerProcess victim(KafkaClusterProcess cluster) {
    KafkaBrokerProcess controller = cluster.activeController();
    boolean leads = cluster.partitions(Topics.INTAKE_ADMISSIONS).stream()
        .anyMatch(p -> p.leader() != null && p.leader().id() == controller.nodeId());
    return leads ? controller : cluster.leaderOf(Topics.INTAKE_ADMISSIONS, 0);
  }

  private static String role(KafkaClusterProcess cluster, KafkaBrokerProcess victim) {
    List<String> roles = new ArrayList<>();
    if (cluster.activeController().nodeId() == victim.nodeId()) {
      roles.add("active controller");
    }
    String led = cluster.partitions(Topics.INTAKE_ADMISSIONS).stream()
        .filter(p -> p.leader() != null && p.leader().id() == victim.nodeId()).map(p -> "p" + p.partition())
        .collect(Collectors.joining(","));
    if (!led.isEmpty()) {
      roles.add("leader of admissions " + led);
    }
    return String.join(", ", roles);
  }
}
