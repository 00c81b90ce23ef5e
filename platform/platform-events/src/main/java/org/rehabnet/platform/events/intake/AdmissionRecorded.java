package org.rehabnet.platform.events.intake;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.EventType;
import org.rehabnet.platform.events.IntegrationEvent;
import org.rehabnet.platform.events.Topics;
import org.rehabnet.platform.events.clinical.DependenceSeverity;
import org.rehabnet.platform.events.clinical.RiskFlag;
import org.rehabnet.platform.events.clinical.RouteOfUse;
import org.rehabnet.platform.events.clinical.Substance;
import org.rehabnet.platform.events.clinical.UdsFlag;

/**
 * A patient was admitted to a site for inpatient detox. Monitoring opens the detox episode from it.
 * It carries what the chart needs to start safely and nothing more: no names, no free text.
 *
 * @param dependenceSeverity DSM-5 OUD severity (null if not assessed)
 * @param substances substances used, with route and last use (drives induction timing)
 * @param udsFlags urine drug screen risk flags
 * @param mentalHealthFlags mental-health history and SELF_HARM_RISK (PHQ-9 item 9)
 * @param referralId the referral this admission came from, if any
 */
@EventType(value = "rehab.intake.AdmissionRecorded.v1", topic = Topics.INTAKE_ADMISSIONS)
public record AdmissionRecorded(
    EventMetadata metadata,
    UUID admissionId,
    UUID patientId,
    String site,
    @Nullable String bed,
    Instant admittedAt,
    @Nullable Integer expectedLengthDays,
    @Nullable DependenceSeverity dependenceSeverity,
    @Nullable List<SubstanceUse> substances,
    @Nullable Set<UdsFlag> udsFlags,
    @Nullable Set<RiskFlag> mentalHealthFlags,
    @Nullable UUID referralId) implements IntegrationEvent {

  /** The skeleton's shape: an admission without assessment facts. */
  public AdmissionRecorded(EventMetadata metadata, UUID admissionId, UUID patientId, String site,
      @Nullable String bed, Instant admittedAt, @Nullable Integer expectedLengthDays) {
    this(metadata, admissionId, patientId, site, bed, admittedAt, expectedLengthDays, null, null, null, null, null);
  }

  @Override
  public String key() {
    return patientId.toString();
  }

  /** One substance a patient uses, how, and when last. */
  public record SubstanceUse(Substance substance, @Nullable RouteOfUse route, @Nullable Instant lastUseAt) {}
}
