package org.rehabnet.platform.events.monitoring;

import java.time.Instant;
import java.util.UUID;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.EventType;
import org.rehabnet.platform.events.IntegrationEvent;
import org.rehabnet.platform.events.Topics;

/**
 * A COWS assessment was charted.
 *
 * @param band NONE (&lt;5), MILD (5-12), MODERATE (13-24), MODERATELY_SEVERE (25-36), SEVERE (&gt;36)
 */
@EventType(value = "rehab.monitoring.WithdrawalAssessed.v1", topic = Topics.MONITORING_EPISODES)
public record WithdrawalAssessed(
    EventMetadata metadata,
    UUID episodeId,
    UUID patientId,
    String site,
    int cowsTotal,
    String band,
    Instant assessedAt) implements IntegrationEvent {

  @Override
  public String key() {
    return patientId.toString();
  }
}
