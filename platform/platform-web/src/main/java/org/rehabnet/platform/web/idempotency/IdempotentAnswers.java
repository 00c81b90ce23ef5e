package org.rehabnet.platform.web.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code idempotency_key} table of the service: one row per caller and key, claimed in the
 * request's own transaction and completed with the answer before that transaction commits. A
 * concurrent retry waits on the claimed row and then reads the answer; a first attempt that fails
 * takes its claim with it, so the retry runs afresh.
 */
public class IdempotentAnswers {

  /** What a completed request answered. */
  public record Answer(String fingerprint, int status, @Nullable String contentType, @Nullable String location,
      byte[] body) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration keptFor;

  public IdempotentAnswers(JdbcClient jdbc, Clock clock, Duration keptFor) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.keptFor = keptFor;
  }

  /**
   * Claims the key for this request (true), or finds it already answered (false). A key older than
   * the retention is claimed again as if new.
   */
  boolean claim(String caller, String key, String fingerprint) {
    Instant now = clock.instant();
    return jdbc.sql("""
            INSERT INTO idempotency_key (caller, key, fingerprint, created_at)
            VALUES (:caller, :key, :fingerprint, :now)
            ON CONFLICT (caller, key) DO UPDATE
               SET fingerprint = EXCLUDED.fingerprint, created_at = EXCLUDED.created_at,
                   status = NULL, content_type = NULL, location = NULL, body = NULL
             WHERE idempotency_key.created_at < :expired
            """)
        .param("caller", caller)
        .param("key", key)
        .param("fingerprint", fingerprint)
        .param("now", Timestamp.from(now))
        .param("expired", Timestamp.from(now.minus(keptFor)))
        .update() == 1;
  }

  /** The answer kept for a key that could not be claimed. */
  Optional<Answer> answerOf(String caller, String key) {
    return jdbc.sql("""
            SELECT fingerprint, status, content_type, location, body FROM idempotency_key
             WHERE caller = :caller AND key = :key AND status IS NOT NULL
            """)
        .param("caller", caller)
        .param("key", key)
        .query((rs, row) -> new Answer(rs.getString("fingerprint"), rs.getInt("status"),
            rs.getString("content_type"), rs.getString("location"), rs.getBytes("body")))
        .optional();
  }

  void complete(String caller, String key, int status, @Nullable String contentType, @Nullable String location,
      byte[] body) {
    jdbc.sql("""
            UPDATE idempotency_key SET status = :status, content_type = :contentType, location = :location,
                   body = :body
             WHERE caller = :caller AND key = :key
            """)
        .param("status", status)
        .param("contentType", contentType)
        .param("location", location)
        .param("body", body)
        .param("caller", caller)
        .param("key", key)
        .update();
  }

  /** Forgets answers past their retention; run on a schedule. */
  public int forgetExpired() {
    return jdbc.sql("DELETE FROM idempotency_key WHERE created_at < :expired")
        .param("expired", Timestamp.from(clock.instant().minus(keptFor)))
        .update();
  }
}
