package org.rehabnet.platform.web.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a database that is away (restarting, unreachable, out of connections) from a fault in the
 * request or the code. The first is answered 503 with Retry-After: the request was fine and may be
 * sent again (with its Idempotency-Key, in case the connection was lost during the commit). The
 * second stays a 500.
 */
public final class DatabaseUnavailable {

  /** Seconds a client is asked to wait; a database restart on this platform takes a few. */
  public static final int RETRY_AFTER_SECONDS = 5;

  private DatabaseUnavailable() {}

  /** Whether the failure, or anything that caused it, says the database could not be reached. */
  public static boolean causedBy(@Nullable Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
          || cause instanceof TransientDataAccessResourceException
          || cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (cause instanceof SQLException sql && connectionLost(sql.getSQLState())) {
        return true;
      }
      // A rollback that fails because the pool already closed the broken connection: the reason is the
      // failure that asked for the rollback, which is not among the causes.
      if (cause instanceof TransactionSystemException rollback && causedBy(rollback.getApplicationException())) {
        return true;
      }
    }
    return false;
  }

  /**
   * SQLSTATE class 08 is a connection exception; 57P01 to 57P03 are the server shutting down or
   * starting (PostgreSQL's admin_shutdown, crash_shutdown, cannot_connect_now).
   */
  private static boolean connectionLost(@Nullable String state) {
    return state != null && (state.startsWith("08") || state.startsWith("57P0"));
  }
}
