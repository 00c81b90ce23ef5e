package org.rehabnet.aftercare.alert;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Raised alerts. */
interface AftercareAlerts extends ListCrudRepository<AftercareAlert, UUID> {

  Optional<AftercareAlert> findByReasonAndCauseId(Alerts.Reason reason, UUID causeId);

  Optional<AftercareAlert> findFirstByCauseId(UUID causeId);

  List<AftercareAlert> findByPlanIdAndAcknowledgedAtIsNull(UUID planId);

  // The worklist (docs/api.md, "Paging"). A null counsellor is every counsellor's list; with one,
  // theirs and those of plans without one.
  String WHOSE = " AND (CAST(:counsellor AS TEXT) IS NULL OR counsellor IS NULL OR counsellor = :counsellor)";

  /**
   * A site's open alerts, whole, most urgent first (the severity's rank, then who must be answered
   * soonest): they are the work, and an emergency must never sit on a page nobody opened. An alert
   * leaves this list when acknowledged, so it holds what is open now, not what has been.
   */
  @Query("SELECT * FROM aftercare_alert WHERE site = :site AND acknowledged_at IS NULL" + WHOSE
      + " ORDER BY CASE severity WHEN 'EMERGENCY' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 ELSE 3 END,"
      + " respond_by, id")
  List<AftercareAlert> openAtSite(String site, @Nullable String counsellor);

  /** How many alerts of the site are open (or, with {@code overdueAt}, past their respond-by time then). */
  @Query("SELECT count(*) FROM aftercare_alert WHERE site = :site AND acknowledged_at IS NULL" + WHOSE
      + " AND (CAST(:overdueAt AS TIMESTAMPTZ) IS NULL OR respond_by < :overdueAt)")
  long countOpen(String site, @Nullable String counsellor, @Nullable Instant overdueAt);

  // Acknowledged alerts grow with time: keyset pages of a window by when each was acknowledged,
  // newest first; the partial index (site, acknowledged_at, id) serves the pages and the count.
  @Query("SELECT * FROM aftercare_alert WHERE site = :site AND acknowledged_at >= :from AND acknowledged_at <= :to"
      + WHOSE + " ORDER BY acknowledged_at DESC, id DESC LIMIT :rows")
  List<AftercareAlert> acknowledgedFirstPage(String site, @Nullable String counsellor, Instant from, Instant to,
      int rows);

  @Query("SELECT * FROM aftercare_alert WHERE site = :site AND acknowledged_at >= :from AND acknowledged_at <= :to"
      + WHOSE + " AND (acknowledged_at, id) < (:afterAt, :afterId) ORDER BY acknowledged_at DESC, id DESC LIMIT :rows")
  List<AftercareAlert> acknowledgedPageAfter(String site, @Nullable String counsellor, Instant from, Instant to,
      Instant afterAt, UUID afterId, int rows);

  @Query("SELECT count(*) FROM aftercare_alert WHERE site = :site AND acknowledged_at >= :from"
      + " AND acknowledged_at <= :to" + WHOSE)
  long countAcknowledged(String site, @Nullable String counsellor, Instant from, Instant to);
}
