package org.rehabnet.test.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server process started by a test: its output goes to a log file, readiness is a health URL
 * answering 200, and stopping ends it and every process it started.
 */
public final class ManagedProcess implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ManagedProcess.class);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final Process process;
  private final URI health;
  private final Path logFile;

  private ManagedProcess(String name, Process process, URI health, Path logFile) {
    this.name = name;
    this.process = process;
    this.health = health;
    this.logFile = logFile;
  }

  public static ManagedProcess start(String name, List<String> command, Map<String, String> environment,
      URI health, Path logDir) {
    try {
      Files.createDirectories(logDir);
      Path logFile = logDir.resolve(name + ".log");
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(logFile.toFile());
      builder.environment().putAll(environment);
      log.info("Starting {}: log at {}", name, logFile);
      ManagedProcess managed = new ManagedProcess(name, builder.start(), health, logFile);
      Runtime.getRuntime().addShutdownHook(new Thread(managed::close, "stop-" + name));
      return managed;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + name, e);
    }
  }

  /** A Spring Boot jar of this build, run with the JDK running the tests. */
  public static ManagedProcess startJar(String name, Path jar, int port, Map<String, String> environment,
      Path logDir) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-jar", jar.toString());
    var env = new java.util.HashMap<>(environment);
    env.put("SERVER_PORT", Integer.toString(port));
    // /readyz on the main port: readiness (database and broker included) wherever actuator itself lives.
    return start(name, command, env, URI.create("http://127.0.0.1:" + port + "/readyz"), logDir);
  }

  public ManagedProcess awaitHealthy(Duration timeout) {
    try {
      Awaitility.await(name + " healthy").atMost(timeout).pollInterval(Duration.ofMillis(250))
          .until(() -> {
            if (!process.isAlive()) {
              throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + logFile);
            }
            return healthy();
          });
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(name + " not healthy after " + timeout + "; see " + logFile, e);
    }
    log.info("{} is healthy", name);
    return this;
  }

  public boolean healthy() {
    try {
      var response = HTTP.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Ends the process at once (SIGKILL), as a crash would: no shutdown hooks, no leaving the group. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Stops the process as an orchestrator does (SIGTERM) and waits for it to exit: readiness down,
   * in-flight requests finished, consumers out of their groups, the outbox handed on. Returns the
   * exit status; a process still running after {@code timeout} is a failed graceful shutdown.
   */
  public int stop(Duration timeout) {
    process.destroy();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(name + " still running " + timeout + " after SIGTERM; see " + logFile);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping " + name, e);
    }
    return process.exitValue();
  }

  public Path logFile() {
    return logFile;
  }

  /** The operating system's id of the process, as the process itself reports it (ShedLock's holder). */
  public long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    children.forEach(ProcessHandle::destroyForcibly);
  }
}
