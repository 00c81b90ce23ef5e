package org.rehabnet.test.infra;

import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL in a container, where a Docker engine is available. */
final class ContainerPostgresServer extends PostgresServer {

  private final PostgreSQLContainer container;

  ContainerPostgresServer() {
    container = new PostgreSQLContainer("postgres:17-alpine");
    container.start();
  }

  @Override
  protected String jdbcUrl(String database) {
    return "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/" + database;
  }

  @Override
  protected String superUser() {
    return container.getUsername();
  }

  @Override
  protected String superUserPassword() {
    return container.getPassword();
  }

  @Override
  protected String defaultDatabase() {
    return container.getDatabaseName();
  }

  @Override
  public void close() {
    container.stop();
  }
}
