package org.rehabnet.monitoring.medication;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.rehabnet.monitoring.site.SitePolicy;

/**
 * The earlier doses of one drug counted in treatment days: day 1 is the calendar date, in the site's
 * time zone, of the drug's first dose on the episode; day n is the date difference plus one
 * (docs/clinical-rules.md, "Treatment day"). A night-time dose belongs to the date it is given on,
 * not to the 24 hours after the first dose.
 */
final class TreatmentDays {

  private final SitePolicy site;
  private final List<DoseProposal.Given> earlier;
  private final Instant at;
  private final Instant first;

  TreatmentDays(SitePolicy site, List<DoseProposal.Given> earlier, Instant at) {
    this.site = site;
    this.earlier = earlier.stream().sorted(Comparator.comparing(DoseProposal.Given::at)).toList();
    this.at = at;
    this.first = this.earlier.isEmpty() ? at : this.earlier.getFirst().at();
  }

  /** The treatment day of the proposed dose. */
  int today() {
    return site.dayNumber(first, at);
  }

  boolean firstDoseEver() {
    return earlier.isEmpty();
  }

  /** The treatment day an earlier dose was given on. */
  int dayOf(DoseProposal.Given given) {
    return site.dayNumber(first, given.at());
  }

  /** What was given on a treatment day before the proposed dose. */
  BigDecimal totalOn(int day) {
    return earlier.stream().filter(given -> dayOf(given) == day).map(DoseProposal.Given::doseMg)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  BigDecimal totalToday() {
    return totalOn(today());
  }

  /** No dose yet on the proposed dose's treatment day. */
  boolean firstDoseToday() {
    return earlier.stream().noneMatch(given -> dayOf(given) == today());
  }

  Optional<Instant> lastDoseAt() {
    return earlier.isEmpty() ? Optional.empty() : Optional.of(earlier.getLast().at());
  }
}
