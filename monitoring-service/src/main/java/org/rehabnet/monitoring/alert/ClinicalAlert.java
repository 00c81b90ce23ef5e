package org.rehabnet.monitoring.alert;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.clinical.AlertKind;
import org.rehabnet.platform.events.clinical.AlertSeverity;
import org.rehabnet.platform.events.monitoring.ClinicalAlertRaised;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/** An alert on one patient's chart; raising it registers {@link ClinicalAlertRaised}. */
@Table("clinical_alert")
class ClinicalAlert extends AbstractAggregateRoot<ClinicalAlert> {

  @Id
  private final UUID id;
  private final UUID episodeId;
  private final UUID patientId;
  private final String site;
  private final AlertKind kind;
  private final AlertSeverity severity;
  private final String reason;
  private final Instant raisedAt;
  private @Nullable String acknowledgedBy;
  private @Nullable Instant acknowledgedAt;
  @Version
  private @Nullable Long version;

  @PersistenceCreator
  ClinicalAlert(UUID id, UUID episodeId, UUID patientId, String site, AlertKind kind, AlertSeverity severity,
      String reason, Instant raisedAt, @Nullable String acknowledgedBy, @Nullable Instant acknowledgedAt,
      @Nullable Long version) {
    this.id = id;
    this.episodeId = episodeId;
    this.patientId = patientId;
    this.site = site;
    this.kind = kind;
    this.severity = severity;
    this.reason = reason;
    this.raisedAt = raisedAt;
    this.acknowledgedBy = acknowledgedBy;
    this.acknowledgedAt = acknowledgedAt;
    this.version = version;
  }

  static ClinicalAlert raise(UUID episodeId, UUID patientId, String site, AlertSignal signal, Instant now) {
    ClinicalAlert alert = new ClinicalAlert(UUID.randomUUID(), episodeId, patientId, site, signal.kind(),
        signal.severity(), signal.reason(), now, null, null, null);
    alert.registerEvent(new ClinicalAlertRaised(EventMetadata.forAggregate(now, null), alert.id, episodeId, patientId, site,
        signal.kind(), signal.severity(), now));
    return alert;
  }

  void acknowledge(String who, Instant now) {
    if (acknowledgedAt != null) {
      throw new AlertAlreadyAcknowledged(id);
    }
    this.acknowledgedBy = who;
    this.acknowledgedAt = now;
  }

  boolean isOpen() {
    return acknowledgedAt == null;
  }

  UUID id() {
    return id;
  }

  UUID episodeId() {
    return episodeId;
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

  @Nullable String acknowledgedBy() {
    return acknowledgedBy;
  }

  @Nullable Instant acknowledgedAt() {
    return acknowledgedAt;
  }

  @Nullable Long version() {
    return version;
  }

  @Override
  public String toString() {
    return "ClinicalAlert[" + id + " " + kind + " at " + site + "]";
  }
}
