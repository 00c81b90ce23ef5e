package org.rehabnet.intake.assessment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An assessment as far as it has been typed, for {@link AssessmentPreview}: every part may be missing
 * (a PHQ-9 item not answered yet is null). The values present keep the instruments' ranges.
 */
record AssessmentDraft(
    @Nullable Set<OudCriterion> oudCriteria,
    @Nullable Boolean opioidsOnlyUnderMedicalSupervision,
    @Nullable @DecimalMin(BodyMassIndex.MIN_HEIGHT_CM) @DecimalMax(BodyMassIndex.MAX_HEIGHT_CM) BigDecimal heightCm,
    @Nullable @DecimalMin(BodyMassIndex.MIN_WEIGHT_KG) @DecimalMax(BodyMassIndex.MAX_WEIGHT_KG) BigDecimal weightKg,
    @Nullable @Size(max = Phq9.ITEMS) List<@Min(0) @Max(Phq9.MAX_ITEM) Integer> phq9,
    @Nullable @Size(max = Gad7.ITEMS) List<@Min(0) @Max(Gad7.MAX_ITEM) Integer> gad7,
    @Nullable @Size(max = 20) List<RecordAssessment.@Valid Substance> substances,
    @Nullable @Size(max = 20) List<RecordAssessment.@Valid UdsReading> urineDrugScreen) {}
