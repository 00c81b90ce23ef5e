package org.rehabnet.e2e.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.infra.DatabaseCoordinates;
import org.rehabnet.test.process.KafkaBrokerProcess;
import org.rehabnet.test.process.KafkaClusterProcess;
import org.rehabnet.test.process.ManagedProcess;
import org.rehabnet.test.process.Ports;
import org.rehabnet.test.tokens.TestIdentityProvider;

/**
 * A platform of its own for the fault suite: a Kafka broker in its own process (which the shared
 * in-JVM broker cannot be: it can be neither killed nor frozen), the three services as processes
 * on a PostgreSQL of its own (which, unlike the shared one, can be restarted), and a local token
 * issuer instead of Keycloak
 * (the services verify its tokens with their real decoder). No gateway: the faults are on the event
 * path, and the services are called directly. With more than one broker, Kafka is a KRaft cluster
 * ({@link KafkaClusterProcess}) whose every node is in each service's bootstrap list, and the
 * services create their topics with three replicas.
 */
final class FaultPlatform implements AutoCloseable {

  static final List<String> SERVICES = List.of("intake", "monitoring", "aftercare");

  /** The one broker, or with a cluster its node 1. */
  final KafkaBrokerProcess broker;
  /** The cluster, when the platform was started with more than one broker; otherwise null. */
  final KafkaClusterProcess cluster;
  final TestIdentityProvider idp;
  final RestartablePostgres postgres;
  final Path logs;
  private final Path root;
  private final Map<String, String> databases = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> environments = new LinkedHashMap<>();
  private final Map<String, Integer> ports = new LinkedHashMap<>();
  private final Map<String, ManagedProcess> processes = new LinkedHashMap<>();
  private final Map<String, Integer> starts = new LinkedHashMap<>();

  FaultPlatform(Duration startup) {
    this(startup, 1);
  }

  FaultPlatform(Duration startup, int brokers) {
    root = Path.of(System.getProperty("rehabnet.repository.root", "..")).toAbsolutePath().normalize();
    logs = Path.of(System.getProperty("rehabnet.e2e.logs", "target/e2e-logs")).resolve(brokers == 1 ? "faults"
        : "faults-" + brokers + "-brokers");
    try {
      Files.createDirectories(logs);
      if (brokers == 1) {
        cluster = null;
        broker = KafkaBrokerProcess.create("kafka", Files.createTempDirectory(logs, "kafka-"));
        broker.start();
      } else {
        cluster = KafkaClusterProcess.create("kafka", Files.createTempDirectory(logs, "kafka-"), brokers, Map.of());
        broker = cluster.node(1);
        cluster.start();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    idp = TestIdentityProvider.startNew();
    try {
      postgres = new RestartablePostgres(Files.createTempDirectory(logs, "postgres-"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String bootstrap;
    if (cluster == null) {
      broker.awaitReady(startup);
      bootstrap = broker.bootstrapServers();
    } else {
      cluster.awaitReady(startup);
      bootstrap = cluster.bootstrapServers();
    }
    for (String service : SERVICES) {
      String name = "faults_" + service;
      DatabaseCoordinates db = postgres.database(name);
      databases.put(service, name);
      ports.put(service, Ports.free());
      Map<String, String> env = new LinkedHashMap<>();
      env.put("SPRING_DATASOURCE_URL", db.jdbcUrl());
      env.put("SPRING_DATASOURCE_USERNAME", db.username());
      env.put("SPRING_DATASOURCE_PASSWORD", db.password());
      env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrap);
      env.put("REHABNET_EVENTS_REPLICAS", Integer.toString(Math.min(brokers, 3)));
      env.put("REHABNET_ISSUER_URI", idp.issuer());
      env.put("MANAGEMENT_SERVER_PORT", Integer.toString(Ports.free()));
      env.put("REHABNET_CONSUMER_INSTANCE_ID", "faults-1");
      environments.put(service, env);
      start(service);
    }
    CompletableFuture.allOf(SERVICES.stream()
        .map(s -> CompletableFuture.runAsync(() -> processes.get(s).awaitHealthy(startup)))
        .toArray(CompletableFuture[]::new)).join();
  }

  /** Starts (or starts again) a service; each start writes a log of its own, so a crash's log stays. */
  synchronized ManagedProcess start(String service) {
    int n = starts.merge(service, 1, Integer::sum);
    ManagedProcess process = ManagedProcess.startJar(service + "-service" + (n == 1 ? "" : "-" + n),
        root.resolve(service + "-service/target/" + service + "-service.jar"), ports.get(service),
        environments.get(service), logs);
    processes.put(service, process);
    return process;
  }

  synchronized ManagedProcess process(String service) {
    return processes.get(service);
  }

  /** Every log file the service has written in this suite, oldest first. */
  synchronized List<Path> logFiles(String service) {
    int n = starts.getOrDefault(service, 0);
    return java.util.stream.IntStream.rangeClosed(1, n)
        .mapToObj(i -> logs.resolve(service + "-service" + (i == 1 ? "" : "-" + i) + ".log")).toList();
  }

  ApiClient api(String service) {
    return new ApiClient("http://127.0.0.1:" + ports.get(service));
  }

  Connection db(String service) throws SQLException {
    return postgres.superUserConnection(databases.get(service));
  }

  boolean allHealthy() {
    return SERVICES.stream().allMatch(s -> process(s).healthy());
  }

  @Override
  public void close() {
    processes.values().forEach(ManagedProcess::close);
    if (cluster != null) {
      cluster.close();
    } else {
      broker.close();
    }
    idp.close();
    postgres.close();
  }
}
