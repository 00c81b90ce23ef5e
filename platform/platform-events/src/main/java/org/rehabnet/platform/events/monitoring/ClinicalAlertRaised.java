package org.rehabnet.platform.events.monitoring;

import java.time.Instant;
import java.util.UUID;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.EventType;
import org.rehabnet.platform.events.IntegrationEvent;
import org.rehabnet.platform.events.Topics;
import org.rehabnet.platform.events.clinical.AlertKind;
import org.rehabnet.platform.events.clinical.AlertSeverity;

/** The chart raised an alert. */
@EventType(value = "rehab.monitoring.ClinicalAlertRaised.v1", topic = Topics.MONITORING_ALERTS)
public record ClinicalAlertRaised(
    EventMetadata metadata,
    UUID alertId,
    UUID episodeId,
    UUID patientId,
    String site,
    AlertKind kind,
    AlertSeverity severity,
    Instant raisedAt) implements IntegrationEvent {

  @Override
  public String key() {
    return patientId.toString();
  }
}
