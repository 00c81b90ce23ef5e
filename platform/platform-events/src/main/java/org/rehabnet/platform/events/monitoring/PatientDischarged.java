package org.rehabnet.platform.events.monitoring;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.EventType;
import org.rehabnet.platform.events.IntegrationEvent;
import org.rehabnet.platform.events.Topics;

/**
 * A detox episode ended. Intake frees the bed; aftercare opens the plan.
 *
 * @param dischargeType COMPLETED, AGAINST_MEDICAL_ADVICE, TRANSFER, MEDICAL, ADMINISTRATIVE
 * @param medicationPlan BUPRENORPHINE_MAINTENANCE, METHADONE_MAINTENANCE, XR_NALTREXONE, NONE
 * @param receivingPrescriber who continues the medication (a clinic or prescriber, not the patient)
 */
@EventType(value = "rehab.monitoring.PatientDischarged.v1", topic = Topics.MONITORING_EPISODES)
public record PatientDischarged(
    EventMetadata metadata,
    UUID episodeId,
    UUID admissionId,
    UUID patientId,
    String site,
    @Nullable String bed,
    Instant admittedAt,
    Instant dischargedAt,
    String dischargeType,
    boolean naloxoneProvided,
    boolean overdoseEducation,
    String medicationPlan,
    @Nullable String receivingPrescriber,
    @Nullable Integer lastCowsTotal) implements IntegrationEvent {

  @Override
  public String key() {
    return patientId.toString();
  }
}
