package org.rehabnet.test.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.rehabnet.test.process.Ports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * A real Redis for tests, chosen by the same switch as PostgreSQL and Kafka: the redis-server
 * binary shipped in the embedded-redis jar, or a {@code redis:7-alpine} container. It keeps one host
 * port for its whole life, so a test may {@link #stop()} and {@link #start()} it and clients find it
 * again at the same {@link #uri()}. Nothing is persisted: a restarted server starts empty.
 */
public abstract sealed class RedisServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RedisServer.class);
  private static volatile RedisServer shared;

  protected final int port;

  private RedisServer(int port) {
    this.port = port;
  }

  /** The Redis of this test JVM: started on first use, stopped when the JVM exits. */
  public static RedisServer shared() {
    RedisServer local = shared;
    if (local == null) {
      synchronized (RedisServer.class) {
        local = shared;
        if (local == null) {
          local = startNew();
          Runtime.getRuntime().addShutdownHook(new Thread(local::close, "redis-stop"));
          shared = local;
        }
      }
    }
    return local;
  }

  /** A Redis of its own, for a test that stops it; the test closes it. */
  public static RedisServer startNew() {
    long started = System.nanoTime();
    InfrastructureMode mode = InfrastructureMode.resolve();
    RedisServer server = mode == InfrastructureMode.TESTCONTAINERS ? new Container(Ports.free()) : new Embedded(Ports.free());
    server.start();
    log.info("Redis ({}) up in {} ms at {}", mode, (System.nanoTime() - started) / 1_000_000, server.uri());
    return server;
  }

  /** Where clients reach it, for example {@code redis://127.0.0.1:6390}. */
  public abstract String uri();

  /** Starts it again on the same port, empty. */
  public abstract void start();

  /** Stops it; clients then find nothing listening at {@link #uri()}. */
  public abstract void stop();

  @Override
  public void close() {
    stop();
  }

  /** The redis-server binary from the embedded-redis jar, as a child process. */
  static final class Embedded extends RedisServer {

    private final redis.embedded.RedisServer server;

    Embedded(int port) {
      super(port);
      try {
        server = redis.embedded.RedisServer.newRedisServer()
            .port(port)
            .bind("127.0.0.1")
            // A test server: no snapshot files left in the module's directory.
            .setting("save \"\"")
            .setting("appendonly no")
            .build();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot prepare embedded Redis", e);
      }
    }

    @Override
    public String uri() {
      return "redis://127.0.0.1:" + port;
    }

    @Override
    public void start() {
      try {
        server.start();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start embedded Redis on port " + port, e);
      }
    }

    @Override
    public void stop() {
      try {
        if (server.isActive()) {
          server.stop();
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot stop embedded Redis", e);
      }
    }
  }

  /** Redis in a container, bound to a fixed host port so a restart keeps its address. */
  static final class Container extends RedisServer {

    private final GenericContainer<?> container;

    Container(int port) {
      super(port);
      container = new GenericContainer<>("redis:7-alpine")
          .withExposedPorts(6379)
          .waitingFor(Wait.forLogMessage(".*Ready to accept connections.*", 1));
      container.setPortBindings(List.of(port + ":6379"));
    }

    @Override
    public String uri() {
      return "redis://" + container.getHost() + ":" + port;
    }

    @Override
    public void start() {
      container.start();
    }

    @Override
    public void stop() {
      container.stop();
    }
  }
}
