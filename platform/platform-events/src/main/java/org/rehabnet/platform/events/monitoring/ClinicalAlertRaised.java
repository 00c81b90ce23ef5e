package org.rehabnet.platform.events.monitoring;

import java.time.Instant;
import java.util.UUID;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.EventType;
import org.rehabnet.platform.events.IntegrationEvent;
import org.rehabnet.platform.events.Topics;

/**
 * The chart raised an alert.
 *
 * @param kind RESPIRATORY_DEPRESSION, ASPIRATION_RISK, SEVERE_WITHDRAWAL, NEWS2_DETERIORATION,
 *     SELF_HARM_RISK, OVERDUE_ASSESSMENT, DOSE_OVERRIDE
 * @param severity LOW, MEDIUM, HIGH, EMERGENCY
 */
@EventType(value = "rehab.monitoring.ClinicalAlertRaised.v1", topic = Topics.MONITORING_ALERTS)
public record ClinicalAlertRaised(
    EventMetadata metadata,
    UUID alertId,
    UUID episodeId,
    UUID patientId,
    String site,
    String kind,
    String severity,
    Instant raisedAt) implements IntegrationEvent {

  @Override
  public String key() {
    return patientId.toString();
  }
}
