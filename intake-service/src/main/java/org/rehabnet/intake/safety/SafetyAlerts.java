package org.rehabnet.intake.safety;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.rehabnet.platform.events.clinical.AlertKind;
import org.rehabnet.platform.events.clinical.AlertSeverity;
import org.rehabnet.platform.web.audit.AuditAction;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other features may ask of intake safety alerts: raise one at once when a screening shows a
 * risk, in the screening's own transaction, so the alert exists the moment the assessment does and
 * never waits for an admission.
 */
@Component
public class SafetyAlerts {

  private static final Logger log = LoggerFactory.getLogger(SafetyAlerts.class);

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  SafetyAlerts(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** Which of these referrals have an open (unacknowledged) safety alert, for the waiting list. */
  public Set<UUID> openAmong(Collection<UUID> referralIds) {
    if (referralIds.isEmpty()) {
      return Set.of();
    }
    return Set.copyOf(jdbc.sql("""
            SELECT DISTINCT referral_id FROM intake_safety_alert
            WHERE referral_id = ANY (:referrals) AND acknowledged_at IS NULL
            """)
        .param("referrals", referralIds.toArray(UUID[]::new))
        .query(UUID.class)
        .list());
  }

  /**
   * A pre-admission PHQ-9 with item 9 above 0 (thoughts of self-harm, whatever the total): a HIGH
   * SELF_HARM_RISK alert for the referral's site, unless one is still open for this referral (a
   * re-assessment adds nothing until the open one is acknowledged, then raises a new one).
   * Source: PHQ-9, Kroenke et al. 2001; docs/clinical-rules.md, "Intake".
   *
   * @return the new alert's id, empty when an open one already covers the referral
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<UUID> selfHarmRiskScreened(UUID referralId, UUID patientId, String site, UUID assessmentId,
      String screenedBy, Instant now) {
    UUID id = UUID.randomUUID();
    int raised = jdbc.sql("""
            INSERT INTO intake_safety_alert (id, referral_id, patient_id, site, assessment_id, kind, severity, reason,
                                             raised_at, raised_by, version)
            VALUES (:id, :referral, :patient, :site, :assessment, :kind, :severity, :reason, :now, :by, 0)
            ON CONFLICT (referral_id, kind) WHERE acknowledged_at IS NULL DO NOTHING
            """)
        .param("id", id)
        .param("referral", referralId)
        .param("patient", patientId)
        .param("site", site)
        .param("assessment", assessmentId)
        .param("kind", AlertKind.SELF_HARM_RISK.name())
        .param("severity", AlertSeverity.HIGH.name())
        .param("reason", IntakeSafetyAlert.SELF_HARM_REASON)
        .param("now", Timestamp.from(now))
        .param("by", screenedBy)
        .update();
    if (raised == 0) {
      log.info("Referral {} already has an open self-harm alert; none added", referralId);
      return Optional.empty();
    }
    audit.wrote(AuditAction.CREATE, "SafetyAlert", id, patientId, site);
    log.info("Raised self-harm alert {} for referral {} at {}", id, referralId, site);
    return Optional.of(id);
  }
}
