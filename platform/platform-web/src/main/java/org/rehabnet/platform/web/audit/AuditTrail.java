package org.rehabnet.platform.web.audit;

import java.util.ArrayList;
import java.util.List;
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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes one row per access to patient data into {@code audit_event}: successes, and refusals and
 * failures, whose own work rolls back but whose attempt is kept.
 */
public class AuditTrail {

  private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;
  /**
   * Rows of the current request that wait for its connection to be given back (see {@link #holdForRequest}).
   * A row written in its own transaction while the request's read-only transaction still holds its
   * connection takes a second one: with every pooled connection held by a request waiting for a
   * second, none gets one, and the requests fail after the pool's timeout.
   */
  private final ThreadLocal<@Nullable List<Entry>> heldForRequest = new ThreadLocal<>();

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

  /**
   * Records one access. A success inside a read-write transaction is written in that transaction, so
   * it commits (or not) with the data it describes and holds no second connection. Otherwise (reads
   * in read-only transactions, refusals whose work rolls back) the row is written in its own
   * transaction once the caller's has given its connection back: before the response body is
   * written in a request ({@link AuditBeforeDisclosure}), at once elsewhere.
   */
  public void record(AuditAction action, String resourceType, @Nullable Object resourceId, @Nullable UUID patientId,
      @Nullable String site, AuditOutcome outcome, @Nullable String reason) {
    Entry entry = new Entry(UUID.randomUUID(), currentCaller(), action, resourceType,
        resourceId == null ? null : resourceId.toString(), patientId, site, outcome, reason,
        TraceContext.currentRequestId());
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      if (outcome == AuditOutcome.SUCCESS && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
        insert(entry);
        return;
      }
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          // The finished transaction's connection is still bound here; it is released after this.
          List<Entry> held = heldForRequest.get();
          if (held != null) {
            held.add(entry);
          } else {
            insertInOwnTransaction(entry);
          }
        }
      });
      return;
    }
    insertInOwnTransaction(entry);
  }

  /**
   * Keeps the rows recorded after a transaction's completion on this thread until
   * {@link #writeHeld()} or {@link #releaseRequest()}, when no connection is held any more.
   */
  public void holdForRequest() {
    heldForRequest.set(new ArrayList<>());
  }

  /** Writes the rows held so far, unless a transaction (and so a connection) is still open. */
  public void writeHeld() {
    List<Entry> held = heldForRequest.get();
    if (held == null || held.isEmpty() || TransactionSynchronizationManager.isActualTransactionActive()) {
      return;
    }
    List<Entry> rows = List.copyOf(held);
    held.clear();
    rows.forEach(this::insertInOwnTransaction);
  }

  /** The request is over: writes what is still held and stops holding. */
  public void releaseRequest() {
    try {
      writeHeld();
    } finally {
      List<Entry> left = heldForRequest.get();
      heldForRequest.remove();
      if (left != null) {
        // Only if a transaction outlived the request's handling; written now, as before.
        left.forEach(this::insertInOwnTransaction);
      }
    }
  }

  private void insertInOwnTransaction(Entry entry) {
    try {
      ownTransaction.executeWithoutResult(tx -> insert(entry));
    } catch (RuntimeException e) {
      // The request is not failed for it, but a missing audit row must be seen.
      log.error("Could not write audit event {} {} {}", entry.action(), entry.resourceType(), entry.outcome(), e);
    }
  }

  private void insert(Entry entry) {
    Caller caller = entry.caller();
    jdbc.sql("""
            INSERT INTO audit_event (id, occurred_at, actor, actor_roles, actor_sites, client_id, partner_org,
                                     action, resource_type, resource_id, patient_id, site, outcome, reason,
                                     request_id)
            VALUES (:id, now(), :actor, :roles, :sites, :client, :partner, :action, :resourceType, :resourceId,
                    :patientId, :site, :outcome, :reason, :requestId)
            """)
        .param("id", entry.id())
        .param("actor", caller == null ? "anonymous" : caller.username())
        .param("roles", caller == null ? "" : String.join(",", caller.roles()))
        .param("sites", caller == null ? "" : String.join(",", caller.sites()))
        .param("client", caller == null ? null : caller.clientId())
        .param("partner", caller == null ? null : caller.partnerOrg())
        .param("action", entry.action().name())
        .param("resourceType", entry.resourceType())
        .param("resourceId", entry.resourceId())
        .param("patientId", entry.patientId())
        .param("site", entry.site())
        .param("outcome", entry.outcome().name())
        .param("reason", entry.reason())
        .param("requestId", entry.requestId())
        .update();
  }

  /** What is known at the moment of access; written now or after the transaction. */
  private record Entry(UUID id, @Nullable Caller caller, AuditAction action, String resourceType,
      @Nullable String resourceId, @Nullable UUID patientId, @Nullable String site, AuditOutcome outcome,
      @Nullable String reason, @Nullable String requestId) {}

  private static @Nullable Caller currentCaller() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication instanceof JwtAuthenticationToken token ? Caller.from(token.getToken()) : null;
  }
}
