package org.rehabnet.platform.web.audit;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.web.security.Caller;
import org.rehabnet.platform.web.trace.TraceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes one row per access to patient data into {@code audit_event}. Each entry commits in its own
 * transaction, so a refused or failed request is audited even though its own work rolls back, and
 * reads in read-only transactions are audited too.
 */
public class AuditTrail {

  private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;

  public AuditTrail(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** A successful read of patient data by the current caller. */
  public void read(String resourceType, Object resourceId, @Nullable UUID patientId, @Nullable String site) {
    record(AuditAction.READ, resourceType, resourceId, patientId, site, AuditOutcome.SUCCESS, null);
  }

  /** A successful change of patient data by the current caller. */
  public void wrote(AuditAction action, String resourceType, Object resourceId, @Nullable UUID patientId,
      @Nullable String site) {
    record(action, resourceType, resourceId, patientId, site, AuditOutcome.SUCCESS, null);
  }

  public void record(AuditAction action, String resourceType, @Nullable Object resourceId, @Nullable UUID patientId,
      @Nullable String site, AuditOutcome outcome, @Nullable String reason) {
    Caller caller = currentCaller();
    try {
      ownTransaction.executeWithoutResult(tx -> jdbc.sql("""
              INSERT INTO audit_event (id, occurred_at, actor, actor_roles, actor_sites, client_id, partner_org,
                                       action, resource_type, resource_id, patient_id, site, outcome, reason,
                                       request_id)
              VALUES (:id, now(), :actor, :roles, :sites, :client, :partner, :action, :resourceType, :resourceId,
                      :patientId, :site, :outcome, :reason, :requestId)
              """)
          .param("id", UUID.randomUUID())
          .param("actor", caller == null ? "anonymous" : caller.username())
          .param("roles", caller == null ? "" : String.join(",", caller.roles()))
          .param("sites", caller == null ? "" : String.join(",", caller.sites()))
          .param("client", caller == null ? null : caller.clientId())
          .param("partner", caller == null ? null : caller.partnerOrg())
          .param("action", action.name())
          .param("resourceType", resourceType)
          .param("resourceId", resourceId == null ? null : resourceId.toString())
          .param("patientId", patientId)
          .param("site", site)
          .param("outcome", outcome.name())
          .param("reason", reason)
          .param("requestId", TraceContext.currentRequestId())
          .update());
    } catch (RuntimeException e) {
      // The request is not failed for it, but a missing audit row must be seen.
      log.error("Could not write audit event {} {} {}", action, resourceType, outcome, e);
    }
  }

  private static @Nullable Caller currentCaller() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication instanceof JwtAuthenticationToken token ? Caller.from(token.getToken()) : null;
  }
}
