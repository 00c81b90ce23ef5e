package org.rehabnet.test.infra;

import java.util.Locale;
import org.testcontainers.DockerClientFactory;

/** How tests get their PostgreSQL, Kafka and Redis. */
public enum InfrastructureMode {
  /** Testcontainers where a Docker engine answers, embedded elsewhere. */
  AUTO,
  /** zonky embedded PostgreSQL, an in-JVM KRaft Kafka broker, redis-server as a child process: no Docker needed. */
  EMBEDDED,
  /** PostgreSQL, Kafka and Redis containers. */
  TESTCONTAINERS;

  public static final String PROPERTY = "rehabnet.test.infra";

  /** The configured mode, with AUTO resolved to what this machine can do. */
  public static InfrastructureMode resolve() {
    String configured = System.getProperty(PROPERTY, System.getenv().getOrDefault("REHABNET_TEST_INFRA", "auto"));
    InfrastructureMode mode = valueOf(configured.trim().toUpperCase(Locale.ROOT));
    if (mode != AUTO) {
      return mode;
    }
    return dockerAvailable() ? TESTCONTAINERS : EMBEDDED;
  }

  private static boolean dockerAvailable() {
    // Ask Testcontainers only when a Docker endpoint is configured at all; it logs loudly otherwise.
    boolean configured = System.getenv("DOCKER_HOST") != null
        || java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))
        || java.nio.file.Files.exists(java.nio.file.Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
    if (!configured) {
      return false;
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }
}
