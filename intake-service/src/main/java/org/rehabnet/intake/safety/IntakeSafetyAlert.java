package org.rehabnet.intake.safety;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.clinical.AlertKind;
import org.rehabnet.platform.events.clinical.AlertSeverity;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A safety alert about a referred patient, open until acknowledged once by someone of the site's
 * care team. Its text names the trigger only ("PHQ-9 item 9 above 0"), never the answers.
 */
@Table("intake_safety_alert")
class IntakeSafetyAlert {

  /** The only text a self-harm alert carries: the trigger, not the score or the answers. */
  static final String SELF_HARM_REASON = "PHQ-9 item 9 above 0";

  @Id
  private final UUID id;
  private final UUID referralId;
  private final UUID patientId;
  private final String site;
  private final UUID assessmentId;
  private final AlertKind kind;
  private final AlertSeverity severity;
  private final String reason;
  private final Instant raisedAt;
  private final String raisedBy;
  private @Nullable Instant acknowledgedAt;
  private @Nullable String acknowledgedBy;
  @Version
  private @Nullable Long version;

  @PersistenceCreator
  IntakeSafetyAlert(UUID id, UUID referralId, UUID patientId, String site, UUID assessmentId, AlertKind kind,
      AlertSeverity severity, String reason, Instant raisedAt, String raisedBy, @Nullable Instant acknowledgedAt,
      @Nullable String acknowledgedBy, @Nullable Long version) {
    this.id = id;
    this.referralId = referralId;
    this.patientId = patientId;
    this.site = site;
    this.assessmentId = assessmentId;
    this.kind = kind;
    this.severity = severity;
    this.reason = reason;
    this.raisedAt = raisedAt;
    this.raisedBy = raisedBy;
    this.acknowledgedAt = acknowledgedAt;
    this.acknowledgedBy = acknowledgedBy;
    this.version = version;
  }

  /** Someone of the care team has seen it and acts on it; an alert is acknowledged once. */
  void acknowledge(String by, Instant now) {
    if (acknowledgedAt != null) {
      throw new AlertAlreadyAcknowledged(id);
    }
    this.acknowledgedAt = now;
    this.acknowledgedBy = by;
  }

  boolean isOpen() {
    return acknowledgedAt == null;
  }

  UUID id() {
    return id;
  }

  UUID referralId() {
    return referralId;
  }

  UUID patientId() {
    return patientId;
  }

  String site() {
    return site;
  }

  AlertKind kind() {
    return kind;
  }

  AlertSeverity severity() {
    return severity;
  }

  String reason() {
    return reason;
  }

  Instant raisedAt() {
    return raisedAt;
  }

  String raisedBy() {
    return raisedBy;
  }

  @Nullable Instant acknowledgedAt() {
    return acknowledgedAt;
  }

  @Nullable String acknowledgedBy() {
    return acknowledgedBy;
  }

  long version() {
    return version == null ? 0 : version;
  }

  @Override
  public String toString() {
    return "IntakeSafetyAlert[" + id + " " + kind + " at " + site + "]";
  }
}
