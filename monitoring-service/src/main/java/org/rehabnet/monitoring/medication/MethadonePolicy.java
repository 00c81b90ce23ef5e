package org.rehabnet.monitoring.medication;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rehabnet.monitoring.site.SitePolicy;
import org.rehabnet.platform.events.intake.SiteSettings;

/**
 * Methadone for opioid use disorder (42 CFR 8.12, SAMHSA TIP 63; docs/clinical-rules.md, "Methadone"),
 * only at a certified opioid treatment program.
 * <ul>
 *   <li>Day 1: a first dose of at most 30 mg; a further dose of at most 10 mg no sooner than 3 h
 *       later, only while a COWS charted since the last dose shows withdrawal persisting; the day's
 *       total at most the site's ceiling (40 mg, or up to 50 mg where the site allows it), which no
 *       override passes.</li>
 *   <li>Afterwards: methadone's long half-life makes doses accumulate over days, so the daily dose
 *       stays at the established dose (the day-1 total) and rises by at most the site's step (10 mg)
 *       no sooner than the site's interval (5 days) after the last change.</li>
 * </ul>
 */
final class MethadonePolicy {

  private MethadonePolicy() {}

  static void check(DoseProposal dose, SitePolicy site, List<Violation> violations) {
    SiteSettings.Methadone rules = site.settings().methadone();
    TreatmentDays days = new TreatmentDays(site, dose.earlier(), dose.at());
    int day = days.today();
    BigDecimal after = days.totalToday().add(dose.doseMg());
    if (day == 1) {
      dayOne(dose, site, rules, days, after, violations);
    } else {
      increase(rules, days, day, after, violations);
    }
    days.lastDoseAt().ifPresent(last -> {
      if (Duration.between(last, dose.at()).compareTo(rules.minimumInterval()) < 0) {
        violations.add(new Violation(DoseRule.MINIMUM_INTERVAL, "Methadone doses are at least "
            + rules.minimumInterval().toMinutes() + " minutes apart"));
      }
    });
  }

  private static void dayOne(DoseProposal dose, SitePolicy site, SiteSettings.Methadone rules, TreatmentDays days,
      BigDecimal after, List<Violation> violations) {
    if (days.firstDoseEver()) {
      if (dose.doseMg().compareTo(rules.firstDoseMaxMg()) > 0) {
        violations.add(new Violation(DoseRule.SINGLE_DOSE_RANGE, "A first methadone dose is at most "
            + rules.firstDoseMaxMg().toPlainString() + " mg"));
      }
    } else {
      if (dose.doseMg().compareTo(rules.furtherDoseMaxMg()) > 0) {
        violations.add(new Violation(DoseRule.SINGLE_DOSE_RANGE, "A further methadone dose on day 1 is at most "
            + rules.furtherDoseMaxMg().toPlainString() + " mg"));
      }
      withdrawalPersists(dose, site, rules, days, violations);
    }
    if (after.compareTo(rules.dayOneMaxMg()) > 0) {
      violations.add(new Violation(DoseRule.METHADONE_DAY_ONE_CEILING, "At most "
          + rules.dayOneMaxMg().toPlainString() + " mg of methadone on day 1 at this site"));
    }
  }

  /**
   * The daily dose may pass the established dose only by one step, and only once the site's interval
   * has passed since the dose last changed. The established dose is the day-1 total; a day whose total
   * rose above it (by an override) becomes the new established dose from that day on. A lower day
   * (a missed or reduced dose) does not lower it.
   */
  private static void increase(SiteSettings.Methadone rules, TreatmentDays days, int day, BigDecimal after,
      List<Violation> violations) {
    Established established = established(days, day);
    if (after.compareTo(established.dose()) <= 0) {
      return;
    }
    int sinceChange = day - established.sinceDay();
    if (sinceChange < rules.increaseIntervalDays()) {
      violations.add(new Violation(DoseRule.METHADONE_INCREASE_INTERVAL, "Methadone increases come no sooner than "
          + rules.increaseIntervalDays() + " days after the last change; the established daily dose is "
          + established.dose().toPlainString() + " mg"));
    } else if (after.compareTo(established.dose().add(rules.increaseStepMaxMg())) > 0) {
      violations.add(new Violation(DoseRule.METHADONE_INCREASE_STEP, "A methadone increase is at most "
          + rules.increaseStepMaxMg().toPlainString() + " mg above the established daily dose of "
          + established.dose().toPlainString() + " mg"));
    }
  }

  /** The established daily dose before {@code day}, and the treatment day it was set on. */
  static Established established(TreatmentDays days, int day) {
    BigDecimal dose = days.totalOn(1);
    int since = 1;
    for (int d = 2; d < day; d++) {
      BigDecimal total = days.totalOn(d);
      if (total.compareTo(dose) > 0) {
        dose = total;
        since = d;
      }
    }
    return new Established(dose, since);
  }

  record Established(BigDecimal dose, int sinceDay) {}

  private static void withdrawalPersists(DoseProposal dose, SitePolicy site, SiteSettings.Methadone rules,
      TreatmentDays days, List<Violation> violations) {
    DoseProposal.Bedside bedside = dose.bedside();
    Duration window = site.settings().holds().observationsValidFor();
    @Nullable Instant last = days.lastDoseAt().orElse(null);
    boolean current = Holds.current(bedside.cowsAt(), dose.at(), window)
        && (last == null || bedside.cowsAt().isAfter(last));
    if (!current || bedside.cowsTotal() == null || bedside.cowsTotal() < rules.withdrawalPersistsCowsAtLeast()) {
      violations.add(new Violation(DoseRule.WITHDRAWAL_NOT_PERSISTING, "A further day-1 dose needs a COWS of "
          + rules.withdrawalPersistsCowsAtLeast() + " or more charted since the last dose, within the last "
          + window.toMinutes() + " minutes"));
    }
  }
}
