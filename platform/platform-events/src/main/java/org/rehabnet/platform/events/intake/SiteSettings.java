package org.rehabnet.platform.events.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import org.jspecify.annotations.Nullable;

/**
 * A site's clinical policy: every number the clinical reference marks as a clinic default, with that
 * default, owned by intake (which owns sites) and carried to the services in {@link SiteConfigured}.
 * The bounds here are the outer limits of the guidance (docs/clinical-rules.md): a site may be
 * stricter than a default, never looser than the guidance allows, and the hard maxima (24 mg
 * buprenorphine a day, 50 mg methadone on day 1) cannot be raised at all.
 */
public record SiteSettings(
    @NotNull @Valid DetoxLength detoxLength,
    @NotNull @Valid Reassessment reassessment,
    @NotNull @Valid Buprenorphine buprenorphine,
    @NotNull @Valid Methadone methadone,
    @NotNull @Valid Holds holds,
    @NotNull @Valid Alerts alerts,
    @NotNull @Valid Aftercare aftercare) {

  /** The defaults of docs/clinical-rules.md for a new site. */
  public static SiteSettings defaults() {
    return new SiteSettings(DetoxLength.defaults(), Reassessment.defaults(), Buprenorphine.defaults(),
        Methadone.defaults(), Holds.defaults(), Alerts.defaults(), Aftercare.defaults());
  }

  /**
   * Expected inpatient detox length by DSM-5 severity: 5 days mild, 7 moderate, 7 severe, up to 10
   * when severe with daily use for more than {@code longTermDailyUseYears} or a fentanyl-positive screen.
   */
  public record DetoxLength(
      @Min(1) @Max(30) int mildDays,
      @Min(1) @Max(30) int moderateDays,
      @Min(1) @Max(30) int severeDays,
      @Min(1) @Max(30) int extendedDays,
      @Min(0) @Max(80) int longTermDailyUseYears) {

    public static DetoxLength defaults() {
      return new DetoxLength(5, 7, 7, 10, 5);
    }
  }

  /**
   * COWS and vital-sign reassessment: every 4 h, every 1 h during buprenorphine induction or when
   * COWS is {@code intensiveCowsThreshold} (moderately severe) or more.
   */
  public record Reassessment(
      @NotNull Duration routineInterval,
      @NotNull Duration intensiveInterval,
      @Min(1) @Max(48) int intensiveCowsThreshold) {

    public static Reassessment defaults() {
      return new Reassessment(Duration.ofHours(4), Duration.ofHours(1), 25);
    }
  }

  /**
   * Buprenorphine (SAMHSA TIP 63). Induction at COWS {@code inductionCowsAtLeast} or more, measured
   * within {@code cowsValidFor}, {@code shortActingOpioidWait} after heroin or other short-acting
   * opioids. Day 1: single doses of {@code singleDoseMinMg}-{@code singleDoseMaxMg} at least
   * {@code minimumInterval} apart while withdrawal persists (COWS {@code withdrawalPersistsCowsAtLeast}
   * or more), at most {@code dayOneMaxMg}, or {@code dayOneDocumentedMaxMg} (12-16 mg) with a
   * physician's documentation where the site allows it (null: it does not). Day 2: the day-1 total as
   * one morning dose, then steps of {@code dayTwoStepMinMg}-{@code dayTwoStepMaxMg}, at most
   * {@code dayTwoMaxMg}. From day 3 at most {@code dailyMaxMg}, which can never pass 24 mg.
   * After a fentanyl-positive screen (or fentanyl not tested) the site chooses {@code fentanylProtocol}.
   */
  public record Buprenorphine(
      @Min(0) @Max(48) int inductionCowsAtLeast,
      @NotNull Duration cowsValidFor,
      @NotNull Duration shortActingOpioidWait,
      @NotNull Duration minimumInterval,
      @Min(0) @Max(48) int withdrawalPersistsCowsAtLeast,
      @NotNull @DecimalMin("0.5") @DecimalMax("4") BigDecimal singleDoseMinMg,
      @NotNull @DecimalMin("0.5") @DecimalMax("4") BigDecimal singleDoseMaxMg,
      @NotNull @DecimalMin("2") @DecimalMax("8") BigDecimal dayOneMaxMg,
      @Nullable @DecimalMin("12") @DecimalMax("16") BigDecimal dayOneDocumentedMaxMg,
      @NotNull @DecimalMin("0.5") @DecimalMax("4") BigDecimal dayTwoStepMinMg,
      @NotNull @DecimalMin("0.5") @DecimalMax("4") BigDecimal dayTwoStepMaxMg,
      @NotNull @DecimalMin("2") @DecimalMax("16") BigDecimal dayTwoMaxMg,
      @NotNull @DecimalMin("2") @DecimalMax("24") BigDecimal dailyMaxMg,
      @NotNull FentanylProtocol fentanylProtocol,
      @NotNull Duration fentanylExtendedWait,
      @NotNull @DecimalMin("0.25") @DecimalMax("2") BigDecimal lowDoseSingleDoseMaxMg) {

    public static Buprenorphine defaults() {
      return new Buprenorphine(8, Duration.ofHours(1), Duration.ofHours(12), Duration.ofHours(2), 8,
          mg("2"), mg("4"), mg("8"), null, mg("2"), mg("4"), mg("16"), mg("24"), FentanylProtocol.STANDARD,
          Duration.ofHours(24), mg("1"));
    }
  }

  /**
   * What a site does after a fentanyl-positive (or fentanyl-not-tested) screen: STANDARD warns of
   * precipitated withdrawal, EXTENDED_WAIT waits {@code fentanylExtendedWait} after the last use, and
   * LOW_DOSE runs a low-dose induction (single doses up to {@code lowDoseSingleDoseMaxMg}).
   */
  public enum FentanylProtocol {
    STANDARD,
    EXTENDED_WAIT,
    LOW_DOSE
  }

  /**
   * Methadone for opioid use disorder (42 CFR 8.12; only at a certified opioid treatment program).
   * First dose at most {@code firstDoseMaxMg}; a further dose of at most {@code furtherDoseMaxMg} no
   * sooner than {@code minimumInterval} later while withdrawal persists (COWS
   * {@code withdrawalPersistsCowsAtLeast} or more); day 1 at most {@code dayOneMaxMg} (40, or up to 50
   * where the site allows it with documentation). Afterwards increases of at most
   * {@code increaseStepMaxMg} (5-10 mg) no more often than every {@code increaseIntervalDays} (3-5).
   */
  public record Methadone(
      @NotNull @DecimalMin("5") @DecimalMax("30") BigDecimal firstDoseMaxMg,
      @NotNull @DecimalMin("5") @DecimalMax("10") BigDecimal furtherDoseMaxMg,
      @NotNull Duration minimumInterval,
      @Min(0) @Max(48) int withdrawalPersistsCowsAtLeast,
      @NotNull @DecimalMin("10") @DecimalMax("50") BigDecimal dayOneMaxMg,
      @NotNull @DecimalMin("5") @DecimalMax("10") BigDecimal increaseStepMaxMg,
      @Min(3) @Max(5) int increaseIntervalDays) {

    public static Methadone defaults() {
      return new Methadone(mg("30"), mg("10"), Duration.ofHours(3), 8, mg("40"), mg("10"), 5);
    }
  }

  /**
   * Holds. Opioid agonists and sedatives are held at POSS {@code possAtLeast} or more, respiration
   * below {@code respirationRateBelow}/min or SpO2 below {@code spo2Below} %, and refused when those
   * were not charted within {@code observationsValidFor}. Clonidine and lofexidine are held below a
   * systolic of {@code adjunctSystolicBelow} mmHg or a pulse of {@code adjunctPulseBelow}/min.
   */
  public record Holds(
      @Min(2) @Max(4) int possAtLeast,
      @Min(8) @Max(12) int respirationRateBelow,
      @Min(85) @Max(94) int spo2Below,
      @NotNull Duration observationsValidFor,
      @Min(80) @Max(110) int adjunctSystolicBelow,
      @Min(45) @Max(65) int adjunctPulseBelow) {

    public static Holds defaults() {
      return new Holds(3, 10, 90, Duration.ofMinutes(60), 90, 55);
    }
  }

  /** An open alert of the same kind hides a new one only within {@code repeatSuppressionWindow}. */
  public record Alerts(@NotNull Duration repeatSuppressionWindow) {

    public static Alerts defaults() {
      return new Alerts(Duration.ofMinutes(60));
    }
  }

  /**
   * Aftercare: check-ins every {@code earlyCheckInEvery} for {@code earlyPhase}, then every
   * {@code middleCheckInEvery} until {@code middlePhase}, then every {@code lateCheckInEvery}
   * (weekly for a month, monthly to a year, quarterly); outreach after a lapse or relapse within
   * {@code relapseOutreachWithin}, after an overdose or an emergency within {@code urgentOutreachWithin}.
   */
  public record Aftercare(
      @NotNull Period earlyCheckInEvery,
      @NotNull Period earlyPhase,
      @NotNull Period middleCheckInEvery,
      @NotNull Period middlePhase,
      @NotNull Period lateCheckInEvery,
      @NotNull Duration relapseOutreachWithin,
      @NotNull Duration urgentOutreachWithin) {

    public static Aftercare defaults() {
      return new Aftercare(Period.ofWeeks(1), Period.ofMonths(1), Period.ofMonths(1), Period.ofYears(1),
          Period.ofMonths(3), Duration.ofHours(24), Duration.ofHours(1));
    }
  }

  private static BigDecimal mg(String value) {
    return new BigDecimal(value);
  }
}
