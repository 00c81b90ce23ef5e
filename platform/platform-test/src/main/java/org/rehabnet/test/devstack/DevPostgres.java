package org.rehabnet.test.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server of {@code ./rehabnet up}: zonky's embedded PostgreSQL as a long-running
 * process whose data survives restarts, with one login role and one database per service.
 *
 * <pre>
 * java -cp ... org.rehabnet.test.devstack.DevPostgres --data=.rehabnet/pgdata --port=15432 \
 *     --db=intake:intake-dev --db=monitoring:monitoring-dev --db=aftercare:aftercare-dev
 * </pre>
 *
 * Prints {@code DevPostgres ready on port N} once every database exists, then runs until SIGTERM.
 */
public final class DevPostgres {

  /** Role and database names go into SQL unquoted by the driver, so only plain identifiers. */
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  /**
   * Written on every start. zonky's initdb trusts every connection; here the service roles must
   * give their password (scram-sha-256), so one service cannot log in as another. The superuser
   * keeps trust on loopback: zonky's own readiness probe connects as it without a password.
   */
  private static final String PG_HBA =
      """
      # Written by org.rehabnet.test.devstack.DevPostgres on every start; edits are lost.
      local all postgres              trust
      host  all postgres 127.0.0.1/32 trust
      host  all postgres ::1/128      trust
      host  all all      127.0.0.1/32 scram-sha-256
      host  all all      ::1/128      scram-sha-256
      """;

  record Database(String name, String password) {

    Database {
      if (!IDENTIFIER.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "Database name '" + name + "' must match " + IDENTIFIER.pattern());
      }
      if (password.isEmpty()) {
        throw new IllegalArgumentException("Database '" + name + "' needs a password");
      }
    }

    static Database parse(String spec) {
      int colon = spec.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("Expected --db=name:password, got --db=" + spec);
      }
      return new Database(spec.substring(0, colon), spec.substring(colon + 1));
    }
  }

  record Options(Path dataDirectory, int port, List<Database> databases) {

    static Options parse(String[] args) {
      Path data = null;
      int port = 15432;
      List<Database> databases = new ArrayList<>();
      for (String arg : args) {
        if (arg.startsWith("--data=")) {
          data = Path.of(arg.substring("--data=".length())).toAbsolutePath().normalize();
        } else if (arg.startsWith("--port=")) {
          port = Integer.parseInt(arg.substring("--port=".length()));
        } else if (arg.startsWith("--db=")) {
          databases.add(Database.parse(arg.substring("--db=".length())));
        } else {
          throw new IllegalArgumentException("Unknown argument: " + arg + "\n" + USAGE);
        }
      }
      if (data == null) {
        throw new IllegalArgumentException("--data=<directory> is required\n" + USAGE);
      }
      return new Options(data, port, List.copyOf(databases));
    }
  }

  private static final String USAGE =
      "usage: DevPostgres --data=<directory> [--port=15432] [--db=name:password]...";

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }

    Files.createDirectories(options.dataDirectory());
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setPort(options.port())
            .setDataDirectory(options.dataDirectory())
            .setCleanDataDirectory(false)
            .setServerConfig("max_connections", "200")
            .setServerConfig("listen_addresses", "localhost")
            .setDataDirectoryCustomizer(DevPostgres::writeHostBasedAuthentication)
            // A first start unpacks the binaries and runs initdb before this wait begins, but a
            // busy two-core machine can still take longer than zonky's default ten seconds.
            .setPGStartupWait(Duration.ofSeconds(60))
            // Our own hook below closes the server; zonky's would race it.
            .setRegisterShutdownHook(false)
            // pg_ctl and the postmaster write straight into this process's log.
            .setOutputRedirector(ProcessBuilder.Redirect.INHERIT)
            .setErrorRedirector(ProcessBuilder.Redirect.INHERIT)
            .start();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("DevPostgres stopping");
                  try {
                    postgres.close();
                  } catch (IOException e) {
                    System.err.println("DevPostgres could not stop cleanly: " + e.getMessage());
                  }
                  stopped.countDown();
                },
                "dev-postgres-stop"));

    try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
      for (Database database : options.databases()) {
        ensureDatabase(connection, database);
      }
    }

    System.out.println("DevPostgres ready on port " + options.port());
    System.out.flush();
    // Nothing counts this down before the shutdown hook: main waits here until SIGTERM or Ctrl-C.
    stopped.await();
  }

  private static void writeHostBasedAuthentication(File dataDirectory) {
    try {
      Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"), PG_HBA);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write pg_hba.conf in " + dataDirectory, e);
    }
  }

  /**
   * Creates the role and the database when missing and sets the password either way, so a changed
   * --db password applies on the next start. CONNECT is revoked from PUBLIC: only the owning role
   * (and the superuser) can open a service's database.
   */
  static void ensureDatabase(Connection connection, Database database) throws SQLException {
    String name = database.name();
    String password = quoteLiteral(database.password());
    try (Statement statement = connection.createStatement()) {
      if (exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", name)) {
        statement.execute("ALTER ROLE " + name + " LOGIN PASSWORD " + password);
      } else {
        statement.execute("CREATE ROLE " + name + " LOGIN PASSWORD " + password);
        System.out.println("DevPostgres created role " + name);
      }
      if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
        statement.execute("CREATE DATABASE " + name + " OWNER " + name + " ENCODING 'UTF8'");
        System.out.println("DevPostgres created database " + name);
      }
      statement.execute("REVOKE CONNECT, TEMPORARY ON DATABASE " + name + " FROM PUBLIC");
    }
  }

  private static boolean exists(Connection connection, String query, String name)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(query)) {
      statement.setString(1, name);
      try (ResultSet result = statement.executeQuery()) {
        return result.next();
      }
    }
  }

  /** A SQL string literal; standard_conforming_strings is on, so only quotes need doubling. */
  private static String quoteLiteral(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  private DevPostgres() {}
}
