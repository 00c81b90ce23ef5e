package org.rehabnet.platform.events.aftercare;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.EventType;
import org.rehabnet.platform.events.IntegrationEvent;
import org.rehabnet.platform.events.Topics;

/** An aftercare plan was opened, from a discharge or by hand for an outpatient. */
@EventType(value = "rehab.aftercare.AftercarePlanCreated.v1", topic = Topics.AFTERCARE_PLANS)
public record AftercarePlanCreated(
    EventMetadata metadata,
    UUID planId,
    UUID patientId,
    String site,
    @Nullable UUID episodeId,
    @Nullable String counsellor,
    String medicationPlan,
    LocalDate startsOn,
    Instant createdAt) implements IntegrationEvent {

  @Override
  public String key() {
    return patientId.toString();
  }
}
