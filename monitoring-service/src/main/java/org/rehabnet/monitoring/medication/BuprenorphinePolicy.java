package org.rehabnet.monitoring.medication;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rehabnet.monitoring.site.SitePolicy;
import org.rehabnet.platform.events.intake.SiteSettings;

/**
 * Buprenorphine induction and titration (SAMHSA TIP 63; docs/clinical-rules.md, "Buprenorphine").
 * <ul>
 *   <li>Induction (the first dose on the episode) needs objective withdrawal, a current COWS of the
 *       site's threshold (8) or more, and the site's wait (12 h) after heroin or other short-acting
 *       opioids. After a fentanyl-positive or untested screen the site's protocol applies: a warning of
 *       precipitated withdrawal, a longer wait, or low-dose single doses on day 1.</li>
 *   <li>Day 1: single doses of 2-4 mg at least 2 h apart, a further dose only while a COWS charted
 *       since the last dose shows withdrawal persisting (8 or more), at most 8 mg, or the 12-16 mg a
 *       physician documented on the order where the site allows it.</li>
 *   <li>Day 2: the day-1 total as the first dose of the day, then 2-4 mg steps, at most 16 mg.</li>
 *   <li>From day 3: the previous day's total as the first dose, then 2-4 mg doses, at most the site's
 *       daily maximum (24 mg).</li>
 *   <li>24 mg in any treatment day is the hard maximum: no override passes it, on day 1 either.</li>
 * </ul>
 */
final class BuprenorphinePolicy {

  /** Little added benefit above 24 mg a day (SAMHSA TIP 63); SiteSettings cannot raise it either. */
  static final BigDecimal HARD_MAXIMUM_MG = new BigDecimal("24");

  private BuprenorphinePolicy() {}

  static void check(DoseProposal dose, SitePolicy site, List<Violation> violations, List<DoseWarning> warnings) {
    SiteSettings.Buprenorphine rules = site.settings().buprenorphine();
    TreatmentDays days = new TreatmentDays(site, dose.earlier(), dose.at());
    int day = days.today();
    BigDecimal after = days.totalToday().add(dose.doseMg());
    if (after.compareTo(HARD_MAXIMUM_MG) > 0) {
      violations.add(new Violation(DoseRule.BUPRENORPHINE_HARD_MAXIMUM, "At most " + HARD_MAXIMUM_MG.toPlainString()
          + " mg of buprenorphine in a treatment day, whatever the reason"));
    }
    boolean lowDose = dose.fentanylExposure() && rules.fentanylProtocol() == SiteSettings.FentanylProtocol.LOW_DOSE;
    if (days.firstDoseEver()) {
      induction(dose, rules, violations, warnings);
    }
    singleDose(dose, rules, days, lowDose, violations);
    if (day == 1 && !days.firstDoseEver()) {
      withdrawalPersists(dose, rules, days, violations);
    }
    days.lastDoseAt().ifPresent(last -> {
      if (Duration.between(last, dose.at()).compareTo(rules.minimumInterval()) < 0) {
        violations.add(new Violation(DoseRule.MINIMUM_INTERVAL, "Buprenorphine doses are at least "
            + rules.minimumInterval().toMinutes() + " minutes apart"));
      }
    });
    BigDecimal dailyMax = switch (day) {
      case 1 -> dose.order().documentedDayOneMaxMg() != null ? dose.order().documentedDayOneMaxMg()
          : rules.dayOneMaxMg();
      case 2 -> rules.dayTwoMaxMg();
      default -> rules.dailyMaxMg();
    };
    if (after.compareTo(dailyMax) > 0) {
      violations.add(new Violation(DoseRule.DAILY_MAXIMUM, "At most " + dailyMax.toPlainString()
          + " mg of buprenorphine on treatment day " + day));
    }
  }

  private static void induction(DoseProposal dose, SiteSettings.Buprenorphine rules, List<Violation> violations,
      List<DoseWarning> warnings) {
    DoseProposal.Bedside bedside = dose.bedside();
    boolean cowsCurrent = Holds.current(bedside.cowsAt(), dose.at(), rules.cowsValidFor());
    if (!cowsCurrent || bedside.cowsTotal() == null || bedside.cowsTotal() < rules.inductionCowsAtLeast()) {
      violations.add(new Violation(DoseRule.INDUCTION_THRESHOLD, "Induction needs a COWS of "
          + rules.inductionCowsAtLeast() + " or more charted within the last " + rules.cowsValidFor().toMinutes()
          + " minutes"));
    }
    Duration sinceUse = Duration.between(dose.latestPossibleShortActingUse(), dose.at());
    if (sinceUse.compareTo(rules.shortActingOpioidWait()) < 0) {
      violations.add(new Violation(DoseRule.SHORT_ACTING_OPIOID_WAIT, "Induction waits "
          + rules.shortActingOpioidWait().toHours() + " h after the last short-acting opioid"));
    }
    if (dose.fentanylExposure()) {
      warnings.add(DoseWarning.PRECIPITATED_WITHDRAWAL_RISK);
      if (rules.fentanylProtocol() == SiteSettings.FentanylProtocol.EXTENDED_WAIT
          && sinceUse.compareTo(rules.fentanylExtendedWait()) < 0) {
        violations.add(new Violation(DoseRule.FENTANYL_EXTENDED_WAIT, "After a fentanyl-positive or untested screen "
            + "this site waits " + rules.fentanylExtendedWait().toHours() + " h after the last use"));
      }
    }
  }

  private static void singleDose(DoseProposal dose, SiteSettings.Buprenorphine rules, TreatmentDays days,
      boolean lowDose, List<Violation> violations) {
    int day = days.today();
    BigDecimal min = rules.singleDoseMinMg();
    BigDecimal max = rules.singleDoseMaxMg();
    String which = "A single dose";
    if (day == 1 && lowDose) {
      // Low-dose induction: small doses only, so no lower bound but the order's own.
      min = BigDecimal.ZERO;
      max = rules.lowDoseSingleDoseMaxMg();
      which = "A low-dose induction dose";
    } else if (day >= 2 && days.firstDoseToday()) {
      // The previous day's total may be given as one morning dose.
      BigDecimal previous = days.totalOn(day - 1);
      max = previous.compareTo(max) > 0 ? previous : max;
      which = "The first dose of the day";
    } else if (day == 2) {
      min = rules.dayTwoStepMinMg();
      max = rules.dayTwoStepMaxMg();
      which = "A further day-2 step";
    }
    if (dose.doseMg().compareTo(min) < 0 || dose.doseMg().compareTo(max) > 0) {
      violations.add(new Violation(DoseRule.SINGLE_DOSE_RANGE, which + " is "
          + (min.signum() == 0 ? "at most " : min.toPlainString() + "-") + max.toPlainString() + " mg"));
    }
  }

  /** "Further doses if withdrawal persists": a COWS charted after the last dose and within the window. */
  private static void withdrawalPersists(DoseProposal dose, SiteSettings.Buprenorphine rules, TreatmentDays days,
      List<Violation> violations) {
    DoseProposal.Bedside bedside = dose.bedside();
    @Nullable Instant last = days.lastDoseAt().orElse(null);
    boolean current = Holds.current(bedside.cowsAt(), dose.at(), rules.cowsValidFor())
        && (last == null || bedside.cowsAt().isAfter(last));
    if (!current || bedside.cowsTotal() == null || bedside.cowsTotal() < rules.withdrawalPersistsCowsAtLeast()) {
      violations.add(new Violation(DoseRule.WITHDRAWAL_NOT_PERSISTING, "A further day-1 dose needs a COWS of "
          + rules.withdrawalPersistsCowsAtLeast() + " or more charted since the last dose, within the last "
          + rules.cowsValidFor().toMinutes() + " minutes"));
    }
  }
}
