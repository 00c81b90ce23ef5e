package org.rehabnet.aftercare.contingency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.web.paging.Page;
import org.rehabnet.platform.web.paging.Position;
import org.rehabnet.platform.web.paging.Window;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ledger as it is read (docs/api.md, "Paging"): its sums from the ledger's own row and a page of
 * its entries, in the order they were recorded. Loading the aggregate would load every entry the
 * plan ever had; the write path still does, for the rules that look at all of them.
 */
@Component
class LedgerReads {

  /** The ledger's running sums, as the ledger row keeps them. */
  record Sums(int streak, int earnedCents, int redeemedCents, int capCents) {}

  private final JdbcClient jdbc;

  LedgerReads(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Sums> sums(UUID planId) {
    return jdbc.sql("""
            SELECT streak, earned_cents, redeemed_cents, cap_cents FROM contingency_ledger WHERE plan_id = :planId""")
        .param("planId", planId)
        .query((rs, row) -> new Sums(rs.getInt("streak"), rs.getInt("earned_cents"), rs.getInt("redeemed_cents"),
            rs.getInt("cap_cents")))
        .optional();
  }

  // Keyset pages on (recorded_at, entry_id), which is the order the ledger kept them in; the index
  // (contingency_ledger, recorded_at, entry_id) serves the pages and the count.
  Page<LedgerEntry> entries(UUID planId, Window window) {
    return Page.read(window, rows -> page(planId, window, null, rows),
        (after, rows) -> page(planId, window, after, rows),
        () -> jdbc.sql("""
                SELECT count(*) FROM contingency_entry
                 WHERE contingency_ledger = :planId AND recorded_at >= :from AND recorded_at <= :to""")
            .param("planId", planId).param("from", utc(window.from())).param("to", utc(window.to()))
            .query(Long.class).single(),
        entry -> new Position(entry.recordedAt(), entry.entryId()));
  }

  private List<LedgerEntry> page(UUID planId, Window window, @Nullable Position after, int rows) {
    var statement = jdbc.sql("""
            SELECT entry_id, kind, behaviour, occurred_on, screen_id, amount_cents, streak_after, recorded_by,
                   recorded_at
              FROM contingency_entry
             WHERE contingency_ledger = :planId AND recorded_at >= :from AND recorded_at <= :to"""
            + (after == null ? "" : " AND (recorded_at, entry_id) > (:afterAt, :afterId)") + """

             ORDER BY recorded_at, entry_id
             LIMIT :rows""")
        .param("planId", planId).param("from", utc(window.from())).param("to", utc(window.to()))
        .param("rows", rows);
    if (after != null) {
      statement = statement.param("afterAt", utc(after.at())).param("afterId", after.id());
    }
    return statement.query((rs, row) -> entry(rs)).list();
  }

  private static LedgerEntry entry(ResultSet rs) throws SQLException {
    String behaviour = rs.getString("behaviour");
    return new LedgerEntry(rs.getObject("entry_id", UUID.class), LedgerEntry.Kind.valueOf(rs.getString("kind")),
        behaviour == null ? null : ContingencySchedule.Behaviour.valueOf(behaviour),
        rs.getObject("occurred_on", LocalDate.class), rs.getString("screen_id"), rs.getInt("amount_cents"),
        rs.getInt("streak_after"), rs.getString("recorded_by"),
        rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
  }

  private static OffsetDateTime utc(Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }
}
