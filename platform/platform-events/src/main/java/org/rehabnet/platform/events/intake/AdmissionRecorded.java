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

/**
 * A patient was admitted to a site for inpatient detox. Monitoring opens the detox episode from it.
 * It carries what the chart needs to start safely and nothing more: no names, no free text.
 *
 * @param dependenceSeverity DSM-5 OUD severity: NONE, MILD, MODERATE, SEVERE (null if not assessed)
 * @param substances substances used, with route and last use (drives induction timing)
 * @param udsFlags urine drug screen risk flags, e.g. FENTANYL_POSITIVE, BENZODIAZEPINES_WITH_OPIOIDS
 * @param mentalHealthFlags DEPRESSION, ANXIETY, ADHD, BIPOLAR, PTSD, OTHER, SELF_HARM_RISK (PHQ-9 item 9)
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
    @Nullable String dependenceSeverity,
    @Nullable List<SubstanceUse> substances,
    @Nullable Set<String> udsFlags,
    @Nullable Set<String> mentalHealthFlags,
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

  /**
   * One substance a patient uses. Codes: HEROIN, FENTANYL, OTHER_OPIOID, METHADONE, BUPRENORPHINE,
   * BENZODIAZEPINE, ALCOHOL, STIMULANT, CANNABIS, OTHER; routes: INJECTED, SMOKED, SNORTED, ORAL, OTHER.
   */
  public record SubstanceUse(String substance, @Nullable String route, @Nullable Instant lastUseAt) {}
}
