package org.rehabnet.aftercare.relapse;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.web.problem.DomainProblem;
import org.rehabnet.platform.web.problem.ProblemType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Remembers what a request with an {@code Idempotency-Key} answered, so a client that retries (a
 * timeout, a lost response) gets the original answer and nothing happens twice. The key row is
 * inserted first in the request's own transaction: a concurrent retry waits on it and then sees the
 * stored answer; if the first attempt fails, its key goes with it.
 */
@Component
class IdempotentRequests {

  /** A stored answer. */
  record Stored(String caller, String requestHash, @Nullable Integer status, @Nullable String body) {}

  private final JdbcClient jdbc;

  IdempotentRequests(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Claims the key for this request, or returns the earlier answer. The same key for another caller
   * or another request body is refused.
   */
  Optional<Stored> claim(String operation, String key, String caller, String requestHash, Instant now) {
    int inserted = jdbc.sql("""
            INSERT INTO idempotent_request (operation, key, caller, request_hash, created_at)
            VALUES (:operation, :key, :caller, :hash, :now)
            ON CONFLICT (operation, key) DO NOTHING
            """)
        .param("operation", operation)
        .param("key", key)
        .param("caller", caller)
        .param("hash", requestHash)
        .param("now", Timestamp.from(now))
        .update();
    if (inserted == 1) {
      return Optional.empty();
    }
    Stored stored = jdbc.sql("""
            SELECT caller, request_hash, status, response_body FROM idempotent_request
             WHERE operation = :operation AND key = :key
            """)
        .param("operation", operation)
        .param("key", key)
        .query((rs, row) -> new Stored(rs.getString("caller"), rs.getString("request_hash"),
            (Integer) rs.getObject("status"), rs.getString("response_body")))
        .single();
    if (!stored.caller().equals(caller) || !stored.requestHash().equals(requestHash) || stored.body() == null) {
      throw new IdempotencyKeyReused();
    }
    return Optional.of(stored);
  }

  void complete(String operation, String key, int status, String body) {
    jdbc.sql("UPDATE idempotent_request SET status = :status, response_body = :body"
            + " WHERE operation = :operation AND key = :key")
        .param("status", status)
        .param("body", body)
        .param("operation", operation)
        .param("key", key)
        .update();
  }

  /** The key was already used for a different request. */
  static class IdempotencyKeyReused extends DomainProblem {
    IdempotencyKeyReused() {
      super(ProblemType.CONFLICT, "This Idempotency-Key was already used for a different request",
          Map.of("rule", "idempotency-key"));
    }
  }
}
