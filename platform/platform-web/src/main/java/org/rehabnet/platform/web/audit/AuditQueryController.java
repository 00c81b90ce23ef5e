package org.rehabnet.platform.web.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.web.problem.InvalidField;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditor's view of this service's audit trail, by patient, user and time range. Reading the
 * trail is itself audited.
 */
@RestController
@Validated
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
  @Operation(summary = "Audit events by patient, user and time range, newest first (auditor)")
  public List<AuditEventView> events(
      @RequestParam(required = false) @Nullable UUID patientId,
      @RequestParam(required = false) @Nullable String actor,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
      @RequestParam(defaultValue = "500") @Min(1) @Max(5000) int limit) {
    if (!to.isAfter(from)) {
      throw new InvalidField("to", "must be after from");
    }
    List<AuditEventView> events = jdbc.sql("""
            SELECT id, occurred_at, actor, actor_roles, actor_sites, client_id, partner_org, action, resource_type,
                   resource_id, patient_id, site, outcome, reason, request_id
            FROM audit_event
            WHERE occurred_at >= :from AND occurred_at < :to
              AND (CAST(:patientId AS uuid) IS NULL OR patient_id = :patientId)
              AND (CAST(:actor AS text) IS NULL OR actor = :actor)
            ORDER BY occurred_at DESC
            LIMIT :limit
            """)
        .param("from", from.withOffsetSameInstant(ZoneOffset.UTC))
        .param("to", to.withOffsetSameInstant(ZoneOffset.UTC))
        .param("patientId", patientId)
        .param("actor", actor)
        .param("limit", limit)
        .query((rs, row) -> new AuditEventView(rs.getObject("id", UUID.class),
            rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
            rs.getString("actor_roles"), rs.getString("actor_sites"), rs.getString("client_id"),
            rs.getString("partner_org"), rs.getString("action"), rs.getString("resource_type"),
            rs.getString("resource_id"), rs.getObject("patient_id", UUID.class), rs.getString("site"),
            rs.getString("outcome"), rs.getString("reason"), rs.getString("request_id")))
        .list();
    audit.record(AuditAction.READ, "AuditTrail", null, patientId, null, AuditOutcome.SUCCESS,
        actor == null ? null : "actor=" + actor);
    return events;
  }

  /** One audit row. */
  public record AuditEventView(UUID id, Instant occurredAt, String actor, String actorRoles, String actorSites,
      @Nullable String clientId, @Nullable String partnerOrg, String action, String resourceType,
      @Nullable String resourceId, @Nullable UUID patientId, @Nullable String site, String outcome,
      @Nullable String reason, @Nullable String requestId) {}
}
