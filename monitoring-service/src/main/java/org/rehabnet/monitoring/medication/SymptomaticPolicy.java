package org.rehabnet.monitoring.medication;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * Label maxima of clonidine, lofexidine, loperamide, ondansetron and the sleep aids: a single-dose
 * maximum and a maximum in any 24 hours (labels count 24 hours, not calendar days). Their holds are
 * {@link Holds}' business.
 */
final class SymptomaticPolicy {

  private static final Duration LABEL_DAY = Duration.ofHours(24);

  private final SymptomaticLimits limits;

  SymptomaticPolicy(SymptomaticLimits limits) {
    this.limits = limits;
  }

  void check(DoseProposal dose, List<Violation> violations) {
    SymptomaticLimits.Limit limit = limits.symptomatic().get(dose.drug());
    if (limit == null) {
      // Fails closed: a drug on the formulary without a configured maximum is not given unchecked.
      violations.add(new Violation(DoseRule.SINGLE_DOSE_RANGE, "No dose limit is configured for this drug"));
      return;
    }
    if (dose.doseMg().compareTo(limit.singleDoseMaxMg()) > 0) {
      violations.add(new Violation(DoseRule.SINGLE_DOSE_RANGE, "A single dose is at most "
          + limit.singleDoseMaxMg().toPlainString() + " mg"));
    }
    BigDecimal lastDay = dose.earlier().stream()
        .filter(given -> given.at().isAfter(dose.at().minus(LABEL_DAY)))
        .map(DoseProposal.Given::doseMg)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    if (lastDay.add(dose.doseMg()).compareTo(limit.dailyMaxMg()) > 0) {
      violations.add(new Violation(DoseRule.DAILY_MAXIMUM, "At most " + limit.dailyMaxMg().toPlainString()
          + " mg in 24 h"));
    }
  }
}
