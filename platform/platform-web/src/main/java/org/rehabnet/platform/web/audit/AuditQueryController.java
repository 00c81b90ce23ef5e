package org.rehabnet.platform.web.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.web.paging.Page;
import org.rehabnet.platform.web.paging.Pages;
import org.rehabnet.platform.web.paging.Position;
import org.rehabnet.platform.web.paging.Window;
import org.rehabnet.platform.web.paging.Windowed;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditor's view of this service's audit trail, by patient, user and time range, a keyset page
 * at a time (docs/api.md, "Paging"). Reading the trail is itself audited, once per page.
 */
@RestController
@SecurityRequirement(name = "keycloak")
public class AuditQueryController {

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  public AuditQueryController(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  @GetMapping("/v1/audit/events")
  @PreAuthorize("hasRole('auditor')")
  @Operation(summary = "Audit events by patient, user and time range, newest first, by default the last 7 days in "
      + "pages of 100 with X-Total-Count and Link rel=next (auditor)")
  @ApiResponse(responseCode = "400", description = "from, to, limit or cursor not valid, or a window over 366 days")
  public ResponseEntity<List<AuditEventView>> events(
      @RequestParam(required = false) @Nullable UUID patientId,
      @RequestParam(required = false) @Nullable String actor,
      // A week by default; a year at most, which an auditor pages through (a keyset page is cheap at any depth).
      @Windowed(defaultSpan = "P7D", maxSpan = "P366D") Window window) {
    // Only the filters given, so each read is a range scan of one keyset index (by patient, actor or time).
    String filters = (patientId == null ? "" : " AND patient_id = :patientId")
        + (actor == null ? "" : " AND actor = :actor");
    Page<AuditEventView> page = Page.read(window,
        rows -> rows(filters, "", window, patientId, actor, null, rows),
        (after, rows) -> rows(filters, " AND (occurred_at, id) < (:afterAt, :afterId)", window, patientId, actor,
            after, rows),
        () -> params(jdbc.sql("SELECT count(*) FROM audit_event WHERE occurred_at >= :from AND occurred_at <= :to"
            + filters), window, patientId, actor).query(Long.class).single(),
        event -> new Position(event.occurredAt(), event.id()));
    audit.record(AuditAction.READ, "AuditTrail", null, patientId, null, AuditOutcome.SUCCESS,
        actor == null ? null : "actor=" + actor);
    Map<String, @Nullable Object> kept = new HashMap<>();
    kept.put("patientId", patientId);
    kept.put("actor", actor);
    return Pages.respond(page, window, kept);
  }

  private List<AuditEventView> rows(String filters, String keyset, Window window, @Nullable UUID patientId,
      @Nullable String actor, @Nullable Position after, int rows) {
    var statement = params(jdbc.sql("""
            SELECT id, occurred_at, actor, actor_roles, actor_sites, client_id, partner_org, action, resource_type,
                   resource_id, patient_id, site, outcome, reason, request_id
            FROM audit_event
            WHERE occurred_at >= :from AND occurred_at <= :to""" + filters + keyset + """

            ORDER BY occurred_at DESC, id DESC
            LIMIT :rows
            """), window, patientId, actor).param("rows", rows);
    if (after != null) {
      statement = statement.param("afterAt", utc(after.at())).param("afterId", after.id());
    }
    return statement.query((rs, row) -> new AuditEventView(rs.getObject("id", UUID.class),
            rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
            rs.getString("actor_roles"), rs.getString("actor_sites"), rs.getString("client_id"),
            rs.getString("partner_org"), rs.getString("action"), rs.getString("resource_type"),
            rs.getString("resource_id"), rs.getObject("patient_id", UUID.class), rs.getString("site"),
            rs.getString("outcome"), rs.getString("reason"), rs.getString("request_id")))
        .list();
  }

  private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec statement, Window window,
      @Nullable UUID patientId, @Nullable String actor) {
    statement = statement.param("from", utc(window.from())).param("to", utc(window.to()));
    if (patientId != null) {
      statement = statement.param("patientId", patientId);
    }
    return actor == null ? statement : statement.param("actor", actor);
  }

  private static OffsetDateTime utc(Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }

  /** One audit row. */
  public record AuditEventView(UUID id, Instant occurredAt, String actor, String actorRoles, String actorSites,
      @Nullable String clientId, @Nullable String partnerOrg, String action, String resourceType,
      @Nullable String resourceId, @Nullable UUID patientId, @Nullable String site, String outcome,
      @Nullable String reason, @Nullable String requestId) {}
}
