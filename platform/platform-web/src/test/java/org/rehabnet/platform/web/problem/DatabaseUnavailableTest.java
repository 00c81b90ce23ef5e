package org.rehabnet.platform.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseUnavailableTest {

  @Test
  void aPoolThatCannotConnectOrATransactionThatCannotStartIsTheDatabaseAway() {
    assertThat(DatabaseUnavailable.causedBy(new CannotCreateTransactionException("no connection",
        new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isTrue();
    assertThat(DatabaseUnavailable.causedBy(new CannotGetJdbcConnectionException("no connection"))).isTrue();
  }

  @Test
  void theServerShuttingDownOrTheConnectionBreakingMidStatementIsTheDatabaseAway() {
    // What PgJDBC raises when PostgreSQL is restarted under an open transaction, wrapped as Spring does.
    assertThat(DatabaseUnavailable.causedBy(new UncategorizedSQLException("select", "select 1",
        new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
    assertThat(DatabaseUnavailable.causedBy(new TransactionSystemException("Could not commit",
        new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
  }

  @Test
  void aRollbackThatFailsOnTheClosedConnectionOfARestartedServerIsTheDatabaseAway() {
    // Seen in the fault suite: the statement failed with 57P01, Hikari closed the connection, and the
    // rollback then failed on it with a plain "Connection is closed".
    var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
    rollback.initApplicationException(new UncategorizedSQLException("insert", "insert into patient",
        new SQLException("FATAL: terminating connection due to administrator command", "57P01")));
    assertThat(DatabaseUnavailable.causedBy(rollback)).isTrue();
    var unrelated = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
    unrelated.initApplicationException(new IllegalStateException("bug"));
    assertThat(DatabaseUnavailable.causedBy(unrelated)).isFalse();
  }

  @Test
  void aConstraintOrAProgrammingFaultIsNot() {
    assertThat(DatabaseUnavailable.causedBy(new DataIntegrityViolationException("duplicate key",
        new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
    assertThat(DatabaseUnavailable.causedBy(new UncategorizedSQLException("select", "select x",
        new SQLException("column x does not exist", "42703")))).isFalse();
    assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("bug"))).isFalse();
    assertThat(DatabaseUnavailable.causedBy(null)).isFalse();
  }
}
