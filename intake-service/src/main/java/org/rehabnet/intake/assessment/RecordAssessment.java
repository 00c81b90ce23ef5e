package org.rehabnet.intake.assessment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.clinical.RiskFlag;
import org.rehabnet.platform.events.clinical.RouteOfUse;

/**
 * A complete pre-admission assessment. Ranges that the instruments fix are checked here (a PHQ-9
 * item of 4 is a 400, not a rounding); what needs the clock or the whole request is checked by the
 * service.
 */
record RecordAssessment(
    @NotEmpty @Size(max = 20) List<@NotNull @Valid Substance> substances,
    @NotNull @DecimalMin(BodyMassIndex.MIN_HEIGHT_CM) @DecimalMax(BodyMassIndex.MAX_HEIGHT_CM) BigDecimal heightCm,
    @NotNull @DecimalMin(BodyMassIndex.MIN_WEIGHT_KG) @DecimalMax(BodyMassIndex.MAX_WEIGHT_KG) BigDecimal weightKg,
    @NotNull Set<@NotNull OudCriterion> oudCriteria,
    boolean opioidsOnlyUnderMedicalSupervision,
    @NotEmpty @Size(max = 20) List<@NotNull @Valid UdsReading> urineDrugScreen,
    @NotNull @Size(min = Phq9.ITEMS, max = Phq9.ITEMS) List<@NotNull @Min(0) @Max(Phq9.MAX_ITEM) Integer> phq9,
    @NotNull @Size(min = Gad7.ITEMS, max = Gad7.ITEMS) List<@NotNull @Min(0) @Max(Gad7.MAX_ITEM) Integer> gad7,
    @NotNull Set<@NotNull MentalHealthCondition> mentalHealthHistory,
    @NotNull @Min(0) @Max(200) Integer previousDetoxEpisodes,
    @NotNull @Min(0) @Max(200) Integer previousOverdoses,
    @NotNull PregnancyStatus pregnancyStatus) {

  /** One substance the patient uses. */
  record Substance(
      @NotNull org.rehabnet.platform.events.clinical.Substance substance,
      @Nullable @Size(max = 60) String amount,
      @NotNull RouteOfUse route,
      @NotNull Frequency frequency,
      @NotNull @DecimalMin("0") @DecimalMax("80") BigDecimal yearsOfUse,
      @NotNull Instant lastUseAt) {}

  /** One analyte of the urine drug screen, with the cut-off the device used. */
  record UdsReading(
      @NotNull UrineDrugScreen.Analyte analyte,
      @NotNull UrineDrugScreen.Result result,
      @Nullable @Min(1) @Max(100_000) Integer cutoffNgPerMl) {}

  /** How often. */
  enum Frequency {
    DAILY,
    SEVERAL_TIMES_A_WEEK,
    WEEKLY,
    LESS_THAN_WEEKLY
  }

  /**
   * Conditions in the mental-health history (about three in four patients have one). The same codes
   * as the shared {@link RiskFlag}s they become; SELF_HARM_RISK is never declared, it is computed.
   */
  enum MentalHealthCondition {
    DEPRESSION,
    ANXIETY,
    ADHD,
    BIPOLAR,
    PTSD,
    OTHER;

    RiskFlag riskFlag() {
      return switch (this) {
        case DEPRESSION -> RiskFlag.DEPRESSION;
        case ANXIETY -> RiskFlag.ANXIETY;
        case ADHD -> RiskFlag.ADHD;
        case BIPOLAR -> RiskFlag.BIPOLAR;
        case PTSD -> RiskFlag.PTSD;
        case OTHER -> RiskFlag.OTHER;
      };
    }
  }

  /** Pregnancy changes the medication plan; NOT_APPLICABLE where it cannot apply. */
  enum PregnancyStatus {
    NOT_APPLICABLE,
    NOT_PREGNANT,
    PREGNANT,
    UNKNOWN
  }
}
