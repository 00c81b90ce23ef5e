package org.rehabnet.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rehabnet.test.devstack.Topology;

/**
 * One topology, {@code topology.env}: a port or a partition count changed there moves in the
 * launcher, in docker-compose and in the Java harness alike, and the versions it names are the ones
 * the build fetches.
 */
class TopologyTest {

  static final Path FILE = ManifestCheck.REPOSITORY.resolve(Topology.FILE);

  @TempDir
  Path tmp;

  @Test
  void aPortMovedInTheTopologyMovesInTheLauncherComposeAndTheHarness() throws Exception {
    Path moved = moved();

    String launcher = bash(moved, """
        launch() { shift; printf '%s\\n' "$@"; }
        launch_service gateway
        launch_service intake
        KAFKA_DIR="$TMP/kafka"; write_kafka_config; cat "$KAFKA_DIR/server.properties"
        echo "ports ${PORTS[*]}"
        echo "issuer $ISSUER"
        """);
    assertThat(launcher)
        .contains("SERVER_PORT=18080", "REHABNET_ROUTES_INTAKE=http://localhost:18081", "SERVER_PORT=18081")
        .contains("SPRING_KAFKA_BOOTSTRAP_SERVERS=localhost:19092", "listeners=PLAINTEXT://localhost:19092,")
        .contains("num.partitions=6", "issuer http://localhost:18180/realms/rehabnet")
        .contains("REHABNET_EVENTS_PARTITIONS=6", "REHABNET_EVENTS_REPLICAS=1")
        .containsPattern("ports .*\\b18081\\b");

    Topology harness = Topology.load(moved);
    assertThat(harness.port("INTAKE_PORT")).isEqualTo(18081);
    assertThat(harness.partitions()).isEqualTo(6);
    assertThat(harness.replication()).as("one broker in ./rehabnet up, so one replica").isEqualTo(1);

    assumeThat(onPath("docker-compose")).as("docker-compose (.ci/run installs it)").isTrue();
    String compose = run(ManifestCheck.REPOSITORY, "docker-compose", "-f", "docker-compose.yml", "--env-file",
        moved.toString(), "config");
    assertThat(compose)
        .contains("SERVER_PORT: '18081'", "REHABNET_ROUTES_INTAKE: http://intake-service:18081")
        .contains("SPRING_KAFKA_BOOTSTRAP_SERVERS: kafka:19092", "KAFKA_NUM_PARTITIONS: '6'")
        .contains("REHABNET_ISSUER_URI: http://localhost:18180/realms/rehabnet")
        .containsPattern("published: 18080\\s+target: 18080");
  }

  @Test
  void theKafkaClusterOfTheLauncherTakesItsThreeNodesPortsFromTheTopology() throws Exception {
    Path moved = Files.writeString(tmp.resolve("cluster.env"), Files.readString(moved())
        .replace("KAFKA_2_PORT=9094", "KAFKA_2_PORT=19094")
        .replace("KAFKA_3_CONTROLLER_PORT=9097", "KAFKA_3_CONTROLLER_PORT=19097"));

    String launcher = bash(moved, """
        launch() { shift; printf '%s\\n' "$@"; }
        use_kafka_cluster
        KAFKA_DIR="$TMP/kafka"; KAFKA_CLUSTER_DIR="$TMP/kafka-cluster"
        for node in 1 2 3; do write_kafka_config "$node"; echo "== node $node"; cat "$KAFKA_CLUSTER_DIR/node-$node/server.properties"; done
        launch_service monitoring
        echo "components ${COMPONENTS[*]}"
        echo "ports ${PORTS[*]}"
        """);

    String voters = "controller.quorum.voters=1@localhost:9093,2@localhost:9095,3@localhost:19097";
    assertThat(section(launcher, "== node 1")).contains("node.id=1", voters,
        "listeners=PLAINTEXT://localhost:19092,CONTROLLER://localhost:9093", "default.replication.factor=3",
        "min.insync.replicas=2", "offsets.topic.replication.factor=3", "transaction.state.log.min.isr=2",
        "num.partitions=6");
    assertThat(section(launcher, "== node 2")).contains("node.id=2", voters,
        "listeners=PLAINTEXT://localhost:19094,CONTROLLER://localhost:9095", "log.dirs=" + tmp + "/kafka-cluster/node-2/data");
    assertThat(section(launcher, "== node 3")).contains("node.id=3", voters,
        "listeners=PLAINTEXT://localhost:9096,CONTROLLER://localhost:19097");
    assertThat(launcher)
        .contains("SPRING_KAFKA_BOOTSTRAP_SERVERS=localhost:19092,localhost:19094,localhost:9096")
        .contains("REHABNET_EVENTS_REPLICAS=3")
        .contains("components postgres kafka kafka-2 kafka-3 keycloak")
        .containsPattern("ports .*\\b19094\\b.*\\b19097\\b");
  }

  /** The lines after a heading the script printed, up to the next one. */
  private static String section(String output, String heading) {
    String rest = output.substring(output.indexOf(heading) + heading.length());
    int next = rest.indexOf("== node");
    return next < 0 ? rest : rest.substring(0, next);
  }

  @Test
  void composeReadsTheTopologyThroughItsDotEnvLink() throws IOException {
    Path dotEnv = ManifestCheck.REPOSITORY.resolve(".env");
    assertThat(Files.isSymbolicLink(dotEnv)).as(".env is a link, not a second copy").isTrue();
    assertThat(Files.readSymbolicLink(dotEnv)).isEqualTo(Path.of(Topology.FILE));
  }

  @Test
  void theVersionsInTheTopologyAreTheOnesTheBuildFetches() throws IOException {
    Topology topology = Topology.load(FILE);
    String pom = Files.readString(ManifestCheck.REPOSITORY.resolve("pom.xml"));
    assertThat(topology.value("KEYCLOAK_VERSION")).isEqualTo(property(pom, "keycloak.version"));
    assertThat(topology.value("ZIPKIN_VERSION")).isEqualTo(property(pom, "zipkin-server.version"));
  }

  /** Prometheus's file cannot read the topology, so it is held to it here. */
  @Test
  void composePrometheusScrapesTheManagementPortsOfTheTopology() throws IOException {
    Topology topology = Topology.load(FILE);
    String prometheus = Files.readString(ManifestCheck.REPOSITORY.resolve("deploy/observability/prometheus.yml"));
    assertThat(prometheus)
        .contains("\"gateway:" + topology.port("GATEWAY_MANAGEMENT_PORT") + "\"")
        .contains("\"intake-service:" + topology.port("INTAKE_MANAGEMENT_PORT") + "\"")
        .contains("\"monitoring-service:" + topology.port("MONITORING_MANAGEMENT_PORT") + "\"")
        .contains("\"aftercare-service:" + topology.port("AFTERCARE_MANAGEMENT_PORT") + "\"");
  }

  private Path moved() throws IOException {
    String topology = Files.readString(FILE)
        .replace("GATEWAY_PORT=8080", "GATEWAY_PORT=18080")
        .replace("INTAKE_PORT=8081", "INTAKE_PORT=18081")
        .replace("KAFKA_PORT=9092", "KAFKA_PORT=19092")
        .replace("KEYCLOAK_PORT=8180", "KEYCLOAK_PORT=18180")
        .replace("KAFKA_PARTITIONS=3", "KAFKA_PARTITIONS=6");
    assertThat(topology).contains("GATEWAY_PORT=18080", "INTAKE_PORT=18081", "KAFKA_PORT=19092",
        "KEYCLOAK_PORT=18180", "KAFKA_PARTITIONS=6");
    return Files.writeString(tmp.resolve("topology.env"), topology);
  }

  private String bash(Path topology, String body) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", "source \"$REHABNET\"\n" + body);
    builder.environment().put("REHABNET", ManifestCheck.REPOSITORY.resolve("rehabnet").toString());
    builder.environment().put("REHABNET_TOPOLOGY", topology.toString());
    builder.environment().put("TMP", tmp.toString());
    return run(builder);
  }

  private static String run(Path dir, String... command) throws Exception {
    return run(new ProcessBuilder(command).directory(dir.toFile()));
  }

  private static String run(ProcessBuilder builder) throws Exception {
    Process process = builder.redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  private static boolean onPath(String command) throws Exception {
    return new ProcessBuilder("bash", "-c", "command -v " + command).start().waitFor() == 0;
  }

  private static String property(String pom, String name) {
    Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
    assertThat(matcher.find()).as(name + " in pom.xml").isTrue();
    return matcher.group(1);
  }
}
