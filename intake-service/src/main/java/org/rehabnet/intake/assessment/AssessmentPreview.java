package org.rehabnet.intake.assessment;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.clinical.DependenceSeverity;
import org.rehabnet.platform.events.clinical.UdsFlag;
import org.rehabnet.platform.events.intake.SiteSettings;

/**
 * What an assessment being typed comes to, computed by the same rules as a recorded one (DSM-5
 * severity, PHQ-9, GAD-7, BMI, UDS flags, expected length at the referral's site), so the portal
 * shows the figures as the coordinator types without a second copy of any rule. Nothing is stored.
 * A score whose items are not all answered yet is null.
 */
record AssessmentPreview(int criteriaCounted, DependenceSeverity dependenceSeverity, @Nullable Integer phq9Total,
    Phq9.@Nullable Band phq9Band, boolean selfHarmRisk, @Nullable Integer gad7Total, Gad7.@Nullable Band gad7Band,
    @Nullable BigDecimal bmi, Set<UdsFlag> udsFlags, int expectedLengthDays) {

  static AssessmentPreview of(AssessmentDraft draft, SiteSettings.DetoxLength lengths) {
    Set<OudCriterion> criteria = draft.oudCriteria() == null ? Set.of() : draft.oudCriteria();
    boolean supervised = Boolean.TRUE.equals(draft.opioidsOnlyUnderMedicalSupervision());
    DependenceSeverity severity = OudSeverity.of(criteria, supervised);
    Phq9 phq9 = complete(draft.phq9(), Phq9.ITEMS) ? Phq9.score(draft.phq9()) : null;
    boolean selfHarm = draft.phq9() != null && draft.phq9().size() == Phq9.ITEMS
        && draft.phq9().get(Phq9.ITEMS - 1) != null && draft.phq9().get(Phq9.ITEMS - 1) > 0;
    Gad7 gad7 = complete(draft.gad7(), Gad7.ITEMS) ? Gad7.score(draft.gad7()) : null;
    BigDecimal bmi = draft.heightCm() != null && draft.weightKg() != null
        ? BodyMassIndex.of(draft.heightCm(), draft.weightKg()) : null;
    List<RecordAssessment.Substance> substances = draft.substances() == null ? List.of() : draft.substances();
    Map<UrineDrugScreen.Analyte, UrineDrugScreen.Result> uds = new EnumMap<>(UrineDrugScreen.Analyte.class);
    if (draft.urineDrugScreen() != null) {
      draft.urineDrugScreen().forEach(reading -> uds.put(reading.analyte(), reading.result()));
    }
    Set<UdsFlag> flags = UrineDrugScreen.flags(uds, substances.stream().map(RecordAssessment.Substance::substance)
        .toList());
    double longestDailyOpioidUse = substances.stream()
        .filter(s -> s.substance().opioid() && s.frequency() == RecordAssessment.Frequency.DAILY)
        .mapToDouble(s -> s.yearsOfUse().doubleValue()).max().orElse(0);
    int days = ExpectedDetoxLength.days(lengths, severity, longestDailyOpioidUse,
        flags.contains(UdsFlag.FENTANYL_POSITIVE) || flags.contains(UdsFlag.FENTANYL_NOT_TESTED));
    return new AssessmentPreview(OudSeverity.countedCriteria(criteria, supervised),
        severity, phq9 == null ? null : phq9.total(), phq9 == null ? null : phq9.band(), selfHarm,
        gad7 == null ? null : gad7.total(), gad7 == null ? null : gad7.band(), bmi, flags, days);
  }

  private static boolean complete(@Nullable List<Integer> items, int count) {
    return items != null && items.size() == count && items.stream().allMatch(Objects::nonNull);
  }
}
