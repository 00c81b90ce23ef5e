package org.rehabnet.test.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server for tests. Each service gets its own database and its own login, as in
 * production, so a test cannot pass by reading another service's tables.
 */
public abstract class PostgresServer implements AutoCloseable {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,40}");

  protected abstract String jdbcUrl(String database);

  protected abstract String superUser();

  protected abstract String superUserPassword();

  protected abstract String defaultDatabase();

  /** Creates (once) the database and its owner, and returns how to reach it. */
  public synchronized DatabaseCoordinates database(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Not a database name: " + name);
    }
    String password = name + "-test";
    try (Connection admin = DriverManager.getConnection(jdbcUrl(defaultDatabase()), superUser(), superUserPassword());
        Statement sql = admin.createStatement()) {
      boolean exists;
      try (var rs = sql.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
        exists = rs.next();
      }
      if (!exists) {
        sql.execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + password + "'");
        sql.execute("CREATE DATABASE " + name + " OWNER " + name);
        sql.execute("REVOKE CONNECT ON DATABASE " + name + " FROM PUBLIC");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create test database " + name, e);
    }
    return new DatabaseCoordinates(jdbcUrl(name), name, password);
  }

  /** A superuser connection to one database, for tests that inspect what a service stored. */
  public Connection superUserConnection(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), superUser(), superUserPassword());
  }
}
