package org.rehabnet.monitoring.medication;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Hard dosing rules per drug, from shared/clinical-reference.md: buprenorphine induction (COWS
 * threshold, 12 h after short-acting opioids, 2-4 mg single doses 2 h apart, 8/16/24 mg a day),
 * methadone (OTP only, first dose 30 mg, further 10 mg 3 h later, 40 mg on day 1), holds when
 * sedated or breathing is depressed, simple maxima for symptomatic drugs; naloxone is never held.
 * Treatment days count in 24-hour windows from the drug's first dose on this episode.
 */
final class DosingPolicy {

  private static final Duration DAY = Duration.ofDays(1);

  private final DosingProperties limits;

  DosingPolicy(DosingProperties limits) {
    this.limits = limits;
  }

  /** What the rules need to know about a proposed dose. */
  record Proposal(Drug drug, BigDecimal doseMg, Instant at, String site, List<Given> earlier,
      @Nullable Integer latestCows, @Nullable Instant latestCowsAt, Instant latestPossibleShortActingUse,
      @Nullable Integer possLevel, @Nullable Integer respirationRate, @Nullable Integer spo2,
      boolean fentanylExposure, boolean benzodiazepineRisk) {}

  /** An earlier dose of the same drug on the episode. */
  record Given(Instant at, BigDecimal doseMg) {}

  /** The rules the dose breaks (first is reported), and warnings that do not block it. */
  record Verdict(List<Violation> violations, List<String> warnings) {

    boolean safe() {
      return violations.isEmpty();
    }
  }

  record Violation(DoseRule rule, String detail) {}

  Verdict check(Proposal dose) {
    List<Violation> violations = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    switch (dose.drug()) {
      case NALOXONE -> {
        // Always allowed: withholding the antidote is never the safe choice.
      }
      case BUPRENORPHINE -> {
        holds(dose, violations);
        buprenorphine(dose, violations, warnings);
      }
      case METHADONE -> {
        if (!limits.site(dose.site()).otpCertified()) {
          violations.add(new Violation(DoseRule.OTP_REQUIRED,
              "Methadone for opioid use disorder is given only at a certified opioid treatment program"));
        }
        holds(dose, violations);
        methadone(dose, violations);
      }
      default -> symptomatic(dose, violations);
    }
    if (dose.drug().opioidAgonist() && dose.benzodiazepineRisk()) {
      warnings.add("BENZODIAZEPINE_RESPIRATORY_RISK");
    }
    return new Verdict(List.copyOf(violations), List.copyOf(warnings));
  }

  /** Methadone may be ordered only where the site is an OTP. */
  boolean mayOrder(Drug drug, String site) {
    return drug != Drug.METHADONE || limits.site(site).otpCertified();
  }

  private void holds(Proposal dose, List<Violation> violations) {
    DosingProperties.Hold hold = limits.hold();
    if (dose.possLevel() != null && dose.possLevel() >= hold.possAtLeast()) {
      violations.add(new Violation(DoseRule.HOLD_SEDATION, "Hold opioids while POSS is " + hold.possAtLeast()
          + " or more"));
    }
    if (dose.respirationRate() != null && dose.respirationRate() < hold.respirationRateBelow()) {
      violations.add(new Violation(DoseRule.HOLD_RESPIRATORY_RATE, "Hold opioids while the respiration rate is below "
          + hold.respirationRateBelow() + "/min"));
    }
    if (dose.spo2() != null && dose.spo2() < hold.spo2Below()) {
      violations.add(new Violation(DoseRule.HOLD_OXYGEN_SATURATION, "Hold opioids while SpO2 is below "
          + hold.spo2Below() + " %"));
    }
  }

  private void buprenorphine(Proposal dose, List<Violation> violations, List<String> warnings) {
    DosingProperties.Buprenorphine rules = limits.buprenorphine();
    if (dose.earlier().isEmpty()) {
      Integer threshold = limits.site(dose.site()).inductionCows();
      int inductionCows = threshold == null ? rules.inductionCows() : threshold;
      boolean recent = dose.latestCowsAt() != null
          && !dose.latestCowsAt().plus(rules.cowsValidFor()).isBefore(dose.at());
      if (dose.latestCows() == null || !recent || dose.latestCows() < inductionCows) {
        violations.add(new Violation(DoseRule.INDUCTION_THRESHOLD, "Induction needs a COWS of " + inductionCows
            + " or more within the last " + rules.cowsValidFor().toMinutes() + " minutes"));
      }
      if (Duration.between(dose.latestPossibleShortActingUse(), dose.at()).compareTo(rules.shortActingOpioidWait())
          < 0) {
        violations.add(new Violation(DoseRule.SHORT_ACTING_OPIOID_WAIT, "Induction waits "
            + rules.shortActingOpioidWait().toHours() + " h after the last short-acting opioid"));
      }
      if (dose.fentanylExposure()) {
        warnings.add("PRECIPITATED_WITHDRAWAL_RISK");
      }
    }
    int day = treatmentDay(dose);
    if (day == 1 && (dose.doseMg().compareTo(rules.dayOneSingleDoseMinMg()) < 0
        || dose.doseMg().compareTo(rules.dayOneSingleDoseMaxMg()) > 0)) {
      violations.add(new Violation(DoseRule.SINGLE_DOSE_RANGE, "A day-1 dose is "
          + rules.dayOneSingleDoseMinMg().toPlainString() + "-" + rules.dayOneSingleDoseMaxMg().toPlainString()
          + " mg"));
    }
    minimumInterval(dose, rules.minimumInterval(), violations);
    BigDecimal dailyMax = switch (day) {
      case 1 -> rules.dayOneMaxMg();
      case 2 -> rules.dayTwoMaxMg();
      default -> rules.dailyMaxMg();
    };
    dailyMaximum(dose, day, dailyMax, violations);
  }

  private void methadone(Proposal dose, List<Violation> violations) {
    DosingProperties.Methadone rules = limits.methadone();
    int day = treatmentDay(dose);
    BigDecimal singleMax = dose.earlier().isEmpty() ? rules.firstDoseMaxMg() : rules.furtherDoseMaxMg();
    if (day == 1 && dose.doseMg().compareTo(singleMax) > 0) {
      violations.add(new Violation(DoseRule.SINGLE_DOSE_RANGE, (dose.earlier().isEmpty() ? "A first" : "A further")
          + " methadone dose on day 1 is at most " + singleMax.toPlainString() + " mg"));
    }
    minimumInterval(dose, rules.minimumInterval(), violations);
    BigDecimal dailyMax;
    if (day == 1) {
      BigDecimal siteMax = limits.site(dose.site()).methadoneDayOneMaxMg();
      dailyMax = siteMax == null ? rules.dayOneMaxMg() : siteMax;
    } else {
      // Long half-life: doses accumulate, so a day may pass the day before by one small step only.
      dailyMax = totalOfDay(dose, day - 1).add(rules.dailyIncreaseMaxMg());
    }
    dailyMaximum(dose, day, dailyMax, violations);
  }

  private void symptomatic(Proposal dose, List<Violation> violations) {
    DosingProperties.SymptomaticLimit limit = limits.symptomatic().get(dose.drug());
    if (limit == null) {
      return;
    }
    if (dose.doseMg().compareTo(limit.singleDoseMaxMg()) > 0) {
      violations.add(new Violation(DoseRule.SINGLE_DOSE_RANGE, "A single dose is at most "
          + limit.singleDoseMaxMg().toPlainString() + " mg"));
    }
    BigDecimal lastDay = dose.earlier().stream()
        .filter(given -> given.at().isAfter(dose.at().minus(DAY)))
        .map(Given::doseMg)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    if (lastDay.add(dose.doseMg()).compareTo(limit.dailyMaxMg()) > 0) {
      violations.add(new Violation(DoseRule.DAILY_MAXIMUM, "At most " + limit.dailyMaxMg().toPlainString()
          + " mg in 24 h"));
    }
  }

  private static void minimumInterval(Proposal dose, Duration interval, List<Violation> violations) {
    dose.earlier().stream().map(Given::at).max(Comparator.naturalOrder()).ifPresent(last -> {
      if (Duration.between(last, dose.at()).compareTo(interval) < 0) {
        violations.add(new Violation(DoseRule.MINIMUM_INTERVAL, "Doses are at least " + interval.toMinutes()
            + " minutes apart"));
      }
    });
  }

  private static void dailyMaximum(Proposal dose, int day, BigDecimal max, List<Violation> violations) {
    if (totalOfDay(dose, day).add(dose.doseMg()).compareTo(max) > 0) {
      violations.add(new Violation(DoseRule.DAILY_MAXIMUM, "At most " + max.toPlainString() + " mg on treatment day "
          + day));
    }
  }

  /** Day 1 starts with the drug's first dose on the episode. */
  static int treatmentDay(Proposal dose) {
    return dose.earlier().stream().map(Given::at).min(Comparator.naturalOrder())
        .map(first -> (int) Duration.between(first, dose.at()).dividedBy(DAY) + 1)
        .orElse(1);
  }

  private static BigDecimal totalOfDay(Proposal dose, int day) {
    Instant first = dose.earlier().stream().map(Given::at).min(Comparator.naturalOrder()).orElse(dose.at());
    Instant start = first.plus(DAY.multipliedBy(day - 1L));
    Instant end = start.plus(DAY);
    return dose.earlier().stream()
        .filter(given -> !given.at().isBefore(start) && given.at().isBefore(end))
        .map(Given::doseMg)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
