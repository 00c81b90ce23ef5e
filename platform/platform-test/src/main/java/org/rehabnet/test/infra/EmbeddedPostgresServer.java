package org.rehabnet.test.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/** zonky's embedded PostgreSQL: the real server binaries, unpacked from a Maven Central jar. */
final class EmbeddedPostgresServer extends PostgresServer {

  private final EmbeddedPostgres postgres;

  EmbeddedPostgresServer() {
    try {
      postgres = EmbeddedPostgres.builder()
          .setServerConfig("max_connections", "300")
          .setServerConfig("fsync", "off")
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
    }
  }

  @Override
  protected String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
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
  public void close() throws IOException {
    postgres.close();
  }
}
