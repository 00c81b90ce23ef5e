package org.rehabnet.intake.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.clinical.DependenceSeverity;
import org.rehabnet.platform.events.clinical.RiskFlag;
import org.rehabnet.platform.events.clinical.UdsFlag;

/** An assessment with its computed results, as clinical staff see it. */
record AssessmentView(UUID assessmentId, UUID referralId, UUID patientId, String site, List<SubstanceEntry> substances,
    BigDecimal heightCm, BigDecimal weightKg, BigDecimal bmi, Dependence dependence, List<UdsEntry> urineDrugScreen,
    List<UdsFlag> udsFlags, Score<Phq9.Band> phq9, Score<Gad7.Band> gad7, boolean selfHarmRisk,
    List<RecordAssessment.MentalHealthCondition> mentalHealthHistory, Set<RiskFlag> mentalHealthFlags,
    int previousDetoxEpisodes, int previousOverdoses, RecordAssessment.PregnancyStatus pregnancyStatus,
    ExpectedLength expectedLength, String assessedBy, Instant assessedAt) {

  static AssessmentView of(PreAdmissionAssessment a) {
    return new AssessmentView(a.id(), a.referralId(), a.patientId(), a.site(), a.substances(), a.heightCm(),
        a.weightKg(), a.bmi(),
        new Dependence(a.oudCriteria(), a.opioidsOnlySupervised(), a.oudCriteriaCount(), a.dependenceSeverity()),
        a.udsResults(), a.udsFlags(), new Score<>(a.phq9Items(), a.phq9Total(), a.phq9Band()),
        new Score<>(a.gad7Items(), a.gad7Total(), a.gad7Band()), a.selfHarmRisk(), a.mentalHealthHistory(),
        a.mentalHealthFlags(), a.previousDetoxEpisodes(), a.previousOverdoses(), a.pregnancyStatus(),
        new ExpectedLength(a.computedLengthDays(), a.overrideLengthDays(), a.overrideReason(), a.overrideBy(),
            a.expectedLengthDays()),
        a.assessedBy(), a.assessedAt());
  }

  /** DSM-5 OUD criteria met, how many counted, and the severity. */
  record Dependence(List<OudCriterion> criteria, boolean opioidsOnlyUnderMedicalSupervision, int criteriaCounted,
      DependenceSeverity severity) {}

  /** A questionnaire's items, total and band. */
  record Score<B extends Enum<B>>(List<Integer> items, int total, B band) {}

  /** Computed and overridden expected detox length; {@code days} is the one that applies. */
  record ExpectedLength(int computedDays, @Nullable Integer overrideDays, @Nullable String overrideReason,
      @Nullable String overrideBy, int days) {}
}
