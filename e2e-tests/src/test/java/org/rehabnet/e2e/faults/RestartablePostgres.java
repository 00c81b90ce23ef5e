package org.rehabnet.e2e.faults;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.rehabnet.test.infra.PostgresServer;
import org.rehabnet.test.process.Ports;

/**
 * A PostgreSQL of the fault suite's own (zonky's real postgres binaries), on a fixed port and data
 * directory, so it can be stopped and started again under the services as a database restart
 * happens in production: the shared server of the test JVM cannot be, without pulling it from
 * under every other journey.
 */
final class RestartablePostgres extends PostgresServer {

  private final Path data;
  private final int port = Ports.free();
  private EmbeddedPostgres postgres;

  RestartablePostgres(Path data) {
    this.data = data;
    start();
  }

  synchronized void start() {
    try {
      postgres = EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false)
          .setServerConfig("max_connections", "200").setServerConfig("fsync", "off").start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start PostgreSQL on " + data, e);
    }
  }

  /** Stops the server (a fast shutdown: sessions are ended) and starts it again on the same data. */
  synchronized void restart() {
    stop();
    start();
  }

  synchronized void stop() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + port + "/" + database;
  }

  @Override
  protected String superUser() {
    return "postgres";
  }

  @Override
  protected String superUserPassword() {
    return "postgres";
  }

  @Override
  protected String defaultDatabase() {
    return "postgres";
  }

  @Override
  public void close() {
    stop();
  }
}
