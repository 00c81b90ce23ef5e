package org.rehabnet.test.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kafka broker in KRaft mode (broker and controller in one node) in a JVM of its own, so a
 * fault test can do to it what happens to a real broker: {@link #kill()} it (SIGKILL), freeze it
 * ({@link #suspend()}, SIGSTOP, as a stalled host or a partitioned network looks to its clients) and
 * {@link #restart()} it. It runs {@code kafka.Kafka} from the Kafka jars already on the test
 * classpath (spring-kafka-test brings them), keeps its ports and its log directory across restarts
 * (what was acknowledged before a kill is there after it) and appends its output to one log file.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(KafkaBrokerProcess.class);
  private static final String BROKER_MAIN = "kafka.Kafka";
  private static final String STORAGE_TOOL_MAIN = "kafka.tools.StorageTool";

  private final String name;
  private final Path directory;
  private final Path properties;
  private final Path logFile;
  private final int port;
  private final int nodeId;
  private final String clusterId;
  private final String classpath;
  private @Nullable Process process;
  private boolean suspended;

  private KafkaBrokerProcess(String name, Path directory, Node node, String classpath, Map<String, String> overrides) {
    this.name = name;
    this.directory = directory;
    this.port = node.port();
    this.nodeId = node.id();
    this.clusterId = node.clusterId();
    this.classpath = classpath;
    this.properties = directory.resolve("server.properties");
    this.logFile = directory.resolve(name + ".log");
    writeProperties(directory.resolve("data"), node, overrides);
  }

  /**
   * Where one node of a KRaft quorum listens and which quorum it belongs to: its id, its client and
   * controller ports, the static voter list ({@code id@host:port,...}) and the cluster id every
   * voter is formatted with.
   */
  record Node(int id, int port, int controllerPort, String voters, String clusterId) {

    static Node alone() {
      int controllerPort = Ports.free();
      return new Node(1, Ports.free(), controllerPort, "1@127.0.0.1:" + controllerPort, Uuid.randomUuid().toString());
    }
  }

  /**
   * A broker whose state lives under {@code directory} (formatted now, kept across restarts), on
   * free loopback ports chosen once. Not started yet.
   */
  public static KafkaBrokerProcess create(String name, Path directory) {
    return create(name, directory, Map.of());
  }

  /** As {@link #create(String, Path)}, with broker properties set or replaced. */
  public static KafkaBrokerProcess create(String name, Path directory, Map<String, String> overrides) {
    return create(name, directory, Node.alone(), overrides);
  }

  /** One node of a quorum ({@link KafkaClusterProcess}); the overrides set the cluster's replication. */
  static KafkaBrokerProcess create(String name, Path directory, Node node, Map<String, String> overrides) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + directory, e);
    }
    var broker = new KafkaBrokerProcess(name, directory.toAbsolutePath(), node,
        System.getProperty("rehabnet.kafka.classpath", System.getProperty("java.class.path")), overrides);
    broker.format();
    Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "stop-" + name));
    return broker;
  }

  private void writeProperties(Path data, Node node, Map<String, String> overrides) {
    Properties p = new Properties();
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", Integer.toString(node.id()));
    // A static quorum: formatting needs no --standalone, and a single voter is its own leader.
    p.setProperty("controller.quorum.voters", node.voters());
    p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + node.controllerPort());
    p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.setProperty("log.dirs", data.toString());
    p.setProperty("num.partitions", "3");
    p.setProperty("auto.create.topics.enable", "true");
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    // One node (a cluster overrides these): every internal topic has one replica; few partitions keep the first start short.
    p.setProperty("offsets.topic.replication.factor", "1");
    p.setProperty("offsets.topic.num.partitions", "5");
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("transaction.state.log.num.partitions", "5");
    p.setProperty("share.coordinator.state.topic.replication.factor", "1");
    p.setProperty("share.coordinator.state.topic.min.isr", "1");
    overrides.forEach(p::setProperty);
    try (var out = Files.newBufferedWriter(properties, StandardCharsets.UTF_8)) {
      p.store(out, "KafkaBrokerProcess " + name);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + properties, e);
    }
  }

  private void format() {
    if (Files.exists(directory.resolve("data/meta.properties"))) {
      return;
    }
    List<String> command = java(STORAGE_TOOL_MAIN, "format", "--ignore-formatted",
        "--cluster-id", clusterId, "--config", properties.toString());
    try {
      Process formatting = builder(command).start();
      if (!formatting.waitFor(2, TimeUnit.MINUTES) || formatting.exitValue() != 0) {
        formatting.destroyForcibly();
        throw new IllegalStateException("Formatting " + name + "'s log directory failed; see " + logFile);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot format " + name, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while formatting " + name, e);
    }
  }

  private List<String> java(String main, String... arguments) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-Djava.awt.headless=true", "-cp", classpath, main));
    command.addAll(List.of(arguments));
    return command;
  }

  private ProcessBuilder builder(List<String> command) {
    return new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
  }

  /** Starts the broker process (returns at once; see {@link #awaitReady(Duration)}). */
  public synchronized KafkaBrokerProcess start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " is already running");
    }
    try {
      Files.writeString(logFile, "=== " + name + " starting at " + java.time.Instant.now() + System.lineSeparator(),
          StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      process = builder(java(BROKER_MAIN, properties.toString())).start();
      suspended = false;
      log.info("Started {} (pid {}) at {}: log at {}", name, process.pid(), bootstrapServers(), logFile);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + name, e);
    }
  }

  /** Waits until the broker answers a metadata request with itself as a live node. */
  public KafkaBrokerProcess awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000,
        AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200))) {
      while (System.nanoTime() < deadline) {
        Process current = process;
        if (current == null || !current.isAlive()) {
          throw new IllegalStateException(name + " is not running; see " + logFile);
        }
        try {
          if (!admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000)).nodes().get().isEmpty()) {
            log.info("{} is ready", name);
            return this;
          }
        } catch (java.util.concurrent.ExecutionException e) {
          // Not answering yet.
        }
        Thread.sleep(200);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new IllegalStateException(name + " not ready after " + timeout + "; see " + logFile);
  }

  /** Ends the broker at once (SIGKILL): no controlled shutdown, nothing flushed by the broker. */
  public synchronized void kill() {
    Process current = process;
    if (current == null) {
      return;
    }
    current.destroyForcibly();
    try {
      if (!current.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException(name + " did not die after SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    suspended = false;
    log.info("Killed {}", name);
  }

  /**
   * Freezes the broker (SIGSTOP): its sockets stay open but nothing answers, as with a stalled host
   * or a network that drops packets. Clients see timeouts, not refused connections.
   */
  public synchronized void suspend() {
    signal("STOP");
    suspended = true;
  }

  /** Lets a suspended broker run again (SIGCONT). */
  public synchronized void resume() {
    signal("CONT");
    suspended = false;
  }

  private void signal(String signal) {
    Process current = process;
    if (current == null || !current.isAlive()) {
      throw new IllegalStateException(name + " is not running");
    }
    try {
      Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(current.pid())).inheritIO().start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill -" + signal + " " + current.pid() + " failed");
      }
      log.info("Sent SIG{} to {} (pid {})", signal, name, current.pid());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Kills the broker (SIGKILL) and starts it again on the same ports and log directory. */
  public KafkaBrokerProcess restart() {
    kill();
    return start();
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  /** The KRaft node id, which metadata and the quorum name this broker by. */
  public int nodeId() {
    return nodeId;
  }

  public String name() {
    return name;
  }

  public boolean isAlive() {
    Process current = process;
    return current != null && current.isAlive();
  }

  public boolean isSuspended() {
    return suspended;
  }

  public long pid() {
    Process current = process;
    if (current == null) {
      throw new IllegalStateException(name + " was never started");
    }
    return current.pid();
  }

  /** The broker's output, appended across restarts. */
  public Path logFile() {
    return logFile;
  }

  @Override
  public synchronized void close() {
    Process current = process;
    if (current == null || !current.isAlive()) {
      return;
    }
    if (suspended) {
      resume();
    }
    current.destroy();
    try {
      if (!current.waitFor(20, TimeUnit.SECONDS)) {
        current.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      current.destroyForcibly();
    }
  }
}
