package org.rehabnet.intake.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.clinical.DependenceSeverity;
import org.rehabnet.platform.events.clinical.RiskFlag;
import org.rehabnet.platform.events.clinical.UdsFlag;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The pre-admission assessment of one referral, with everything computed from it stored beside the
 * answers (so a later change of clinic policy does not silently rewrite what was decided). Replaced
 * as a whole while the referral is open; a physician's length override survives a replacement.
 * Codes are the shared enums of the event contract (stored as their names), never loose strings.
 */
@Table("assessment")
class PreAdmissionAssessment {

  @Id
  private final UUID id;
  private final UUID referralId;
  private final UUID patientId;
  private final String site;
  private BigDecimal heightCm;
  private BigDecimal weightKg;
  private BigDecimal bmi;
  private List<OudCriterion> oudCriteria;
  private boolean opioidsOnlySupervised;
  private int oudCriteriaCount;
  private DependenceSeverity dependenceSeverity;
  private List<Integer> phq9Items;
  private int phq9Total;
  private Phq9.Band phq9Band;
  private List<Integer> gad7Items;
  private int gad7Total;
  private Gad7.Band gad7Band;
  private boolean selfHarmRisk;
  private List<RecordAssessment.MentalHealthCondition> mentalHealthHistory;
  private List<UdsFlag> udsFlags;
  private int previousDetoxEpisodes;
  private int previousOverdoses;
  private RecordAssessment.PregnancyStatus pregnancyStatus;
  private int computedLengthDays;
  private @Nullable Integer overrideLengthDays;
  private @Nullable String overrideReason;
  private @Nullable String overrideBy;
  private String assessedBy;
  private Instant assessedAt;
  @MappedCollection(idColumn = "assessment_id", keyColumn = "position")
  private List<SubstanceEntry> substances;
  @MappedCollection(idColumn = "assessment_id", keyColumn = "position")
  private List<UdsEntry> udsResults;
  @Version
  private @Nullable Long version;

  @PersistenceCreator
  PreAdmissionAssessment(UUID id, UUID referralId, UUID patientId, String site, BigDecimal heightCm,
      BigDecimal weightKg, BigDecimal bmi, List<OudCriterion> oudCriteria, boolean opioidsOnlySupervised,
      int oudCriteriaCount, DependenceSeverity dependenceSeverity, List<Integer> phq9Items, int phq9Total,
      Phq9.Band phq9Band, List<Integer> gad7Items, int gad7Total, Gad7.Band gad7Band, boolean selfHarmRisk,
      List<RecordAssessment.MentalHealthCondition> mentalHealthHistory, List<UdsFlag> udsFlags,
      int previousDetoxEpisodes, int previousOverdoses, RecordAssessment.PregnancyStatus pregnancyStatus,
      int computedLengthDays, @Nullable Integer overrideLengthDays,
      @Nullable String overrideReason, @Nullable String overrideBy, String assessedBy, Instant assessedAt,
      List<SubstanceEntry> substances, List<UdsEntry> udsResults, @Nullable Long version) {
    this.id = id;
    this.referralId = referralId;
    this.patientId = patientId;
    this.site = site;
    this.heightCm = heightCm;
    this.weightKg = weightKg;
    this.bmi = bmi;
    this.oudCriteria = oudCriteria;
    this.opioidsOnlySupervised = opioidsOnlySupervised;
    this.oudCriteriaCount = oudCriteriaCount;
    this.dependenceSeverity = dependenceSeverity;
    this.phq9Items = phq9Items;
    this.phq9Total = phq9Total;
    this.phq9Band = phq9Band;
    this.gad7Items = gad7Items;
    this.gad7Total = gad7Total;
    this.gad7Band = gad7Band;
    this.selfHarmRisk = selfHarmRisk;
    this.mentalHealthHistory = mentalHealthHistory;
    this.udsFlags = udsFlags;
    this.previousDetoxEpisodes = previousDetoxEpisodes;
    this.previousOverdoses = previousOverdoses;
    this.pregnancyStatus = pregnancyStatus;
    this.computedLengthDays = computedLengthDays;
    this.overrideLengthDays = overrideLengthDays;
    this.overrideReason = overrideReason;
    this.overrideBy = overrideBy;
    this.assessedBy = assessedBy;
    this.assessedAt = assessedAt;
    this.substances = substances;
    this.udsResults = udsResults;
    this.version = version;
  }

  static PreAdmissionAssessment first(UUID referralId, UUID patientId, String site, Scored scored, String by,
      Instant now) {
    var assessment = new PreAdmissionAssessment(UUID.randomUUID(), referralId, patientId, site, scored.heightCm(),
        scored.weightKg(), scored.bmi(), List.of(), false, 0, DependenceSeverity.NONE, List.of(), 0, Phq9.Band.MINIMAL,
        List.of(), 0, Gad7.Band.MINIMAL, false, List.of(), List.of(), 0, 0, RecordAssessment.PregnancyStatus.UNKNOWN,
        0, null, null, null, by, now, List.of(), List.of(), null);
    assessment.revise(scored, by, now);
    return assessment;
  }

  /** Replaces the answers and what is computed from them; keeps a physician's override. */
  void revise(Scored s, String by, Instant now) {
    this.heightCm = s.heightCm();
    this.weightKg = s.weightKg();
    this.bmi = s.bmi();
    this.oudCriteria = s.oudCriteria();
    this.opioidsOnlySupervised = s.opioidsOnlySupervised();
    this.oudCriteriaCount = s.oudCriteriaCount();
    this.dependenceSeverity = s.severity();
    this.phq9Items = s.phq9Items();
    this.phq9Total = s.phq9().total();
    this.phq9Band = s.phq9().band();
    this.gad7Items = s.gad7Items();
    this.gad7Total = s.gad7().total();
    this.gad7Band = s.gad7().band();
    this.selfHarmRisk = s.phq9().selfHarmRisk();
    this.mentalHealthHistory = s.mentalHealthHistory();
    this.udsFlags = List.copyOf(s.udsFlags());
    this.previousDetoxEpisodes = s.previousDetoxEpisodes();
    this.previousOverdoses = s.previousOverdoses();
    this.pregnancyStatus = s.pregnancyStatus();
    this.computedLengthDays = s.computedLengthDays();
    this.substances = s.substances();
    this.udsResults = s.udsResults();
    this.assessedBy = by;
    this.assessedAt = now;
  }

  /** A physician sets the expected length; the computed one stays for comparison. */
  void overrideLength(int days, String reason, String physician) {
    this.overrideLengthDays = days;
    this.overrideReason = reason;
    this.overrideBy = physician;
  }

  int expectedLengthDays() {
    return overrideLengthDays != null ? overrideLengthDays : computedLengthDays;
  }

  /** The history's conditions plus SELF_HARM_RISK when PHQ-9 item 9 is above 0, as the shared flags. */
  Set<RiskFlag> mentalHealthFlags() {
    Set<RiskFlag> flags = new TreeSet<>();
    mentalHealthHistory.forEach(condition -> flags.add(condition.riskFlag()));
    if (selfHarmRisk) {
      flags.add(RiskFlag.SELF_HARM_RISK);
    }
    return flags;
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

  BigDecimal heightCm() {
    return heightCm;
  }

  BigDecimal weightKg() {
    return weightKg;
  }

  BigDecimal bmi() {
    return bmi;
  }

  List<OudCriterion> oudCriteria() {
    return oudCriteria;
  }

  boolean opioidsOnlySupervised() {
    return opioidsOnlySupervised;
  }

  int oudCriteriaCount() {
    return oudCriteriaCount;
  }

  DependenceSeverity dependenceSeverity() {
    return dependenceSeverity;
  }

  List<Integer> phq9Items() {
    return phq9Items;
  }

  int phq9Total() {
    return phq9Total;
  }

  Phq9.Band phq9Band() {
    return phq9Band;
  }

  List<Integer> gad7Items() {
    return gad7Items;
  }

  int gad7Total() {
    return gad7Total;
  }

  Gad7.Band gad7Band() {
    return gad7Band;
  }

  boolean selfHarmRisk() {
    return selfHarmRisk;
  }

  List<RecordAssessment.MentalHealthCondition> mentalHealthHistory() {
    return mentalHealthHistory;
  }

  List<UdsFlag> udsFlags() {
    return udsFlags;
  }

  int previousDetoxEpisodes() {
    return previousDetoxEpisodes;
  }

  int previousOverdoses() {
    return previousOverdoses;
  }

  RecordAssessment.PregnancyStatus pregnancyStatus() {
    return pregnancyStatus;
  }

  int computedLengthDays() {
    return computedLengthDays;
  }

  @Nullable Integer overrideLengthDays() {
    return overrideLengthDays;
  }

  @Nullable String overrideReason() {
    return overrideReason;
  }

  @Nullable String overrideBy() {
    return overrideBy;
  }

  String assessedBy() {
    return assessedBy;
  }

  Instant assessedAt() {
    return assessedAt;
  }

  List<SubstanceEntry> substances() {
    return substances;
  }

  List<UdsEntry> udsResults() {
    return udsResults;
  }

  @Override
  public String toString() {
    // No clinical values: this may end up in logs.
    return "PreAdmissionAssessment[" + id + " for referral " + referralId + "]";
  }

  /** The answers with everything computed from them, ready to store. */
  record Scored(BigDecimal heightCm, BigDecimal weightKg, BigDecimal bmi, List<OudCriterion> oudCriteria,
      boolean opioidsOnlySupervised, int oudCriteriaCount, DependenceSeverity severity, List<Integer> phq9Items,
      Phq9 phq9, List<Integer> gad7Items, Gad7 gad7, List<RecordAssessment.MentalHealthCondition> mentalHealthHistory,
      Set<UdsFlag> udsFlags, int previousDetoxEpisodes, int previousOverdoses,
      RecordAssessment.PregnancyStatus pregnancyStatus, int computedLengthDays, List<SubstanceEntry> substances,
      List<UdsEntry> udsResults) {}
}
