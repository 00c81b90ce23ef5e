package org.rehabnet.aftercare.alert;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.aftercare.plan.PlanRef;
import org.rehabnet.platform.events.clinical.AlertSeverity;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An alert for the patient's counsellor (or every counsellor of the site when the plan has none) and
 * the site's clinical lead. It stays open until one of them acknowledges it; who and when is kept.
 */
@Table("aftercare_alert")
class AftercareAlert {

  @Id
  private final UUID id;
  private final String site;
  private final UUID planId;
  private final UUID patientId;
  private final Alerts.Reason reason;
  private final AlertSeverity severity;
  private final UUID causeId;
  private final @Nullable String counsellor;
  private final Instant respondBy;
  private final Instant raisedAt;
  private @Nullable Instant acknowledgedAt;
  private @Nullable String acknowledgedBy;
  @Version
  private @Nullable Long version;

  @PersistenceCreator
  AftercareAlert(UUID id, String site, UUID planId, UUID patientId, Alerts.Reason reason, AlertSeverity severity,
      UUID causeId, @Nullable String counsellor, Instant respondBy, Instant raisedAt,
      @Nullable Instant acknowledgedAt, @Nullable String acknowledgedBy, @Nullable Long version) {
    this.id = id;
    this.site = site;
    this.planId = planId;
    this.patientId = patientId;
    this.reason = reason;
    this.severity = severity;
    this.causeId = causeId;
    this.counsellor = counsellor;
    this.respondBy = respondBy;
    this.raisedAt = raisedAt;
    this.acknowledgedAt = acknowledgedAt;
    this.acknowledgedBy = acknowledgedBy;
    this.version = version;
  }

  static AftercareAlert raise(PlanRef plan, Alerts.Reason reason, UUID causeId, Instant respondBy, Instant now) {
    return new AftercareAlert(UUID.randomUUID(), plan.site(), plan.planId(), plan.patientId(), reason,
        reason.severity(), causeId, plan.counsellor(), respondBy, now, null, null, null);
  }

  /** The first acknowledgement is kept; acknowledging again changes nothing. */
  boolean acknowledge(String by, Instant now) {
    if (acknowledgedAt != null) {
      return false;
    }
    acknowledgedAt = now;
    acknowledgedBy = by;
    return true;
  }

  Alerts.AlertView view(Instant now) {
    return new Alerts.AlertView(id, site, planId, patientId, reason, severity, counsellor, raisedAt, respondBy,
        acknowledgedAt == null && now.isAfter(respondBy), acknowledgedAt, acknowledgedBy);
  }

  UUID id() {
    return id;
  }

  String site() {
    return site;
  }

  UUID patientId() {
    return patientId;
  }

  @Override
  public String toString() {
    // The id and site only: why an alert was raised is clinical information about a person.
    return "AftercareAlert[" + id + " at " + site + "]";
  }
}
