package org.rehabnet.intake.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What an admission takes from the assessment for the detox ward: codes and times, no free text. */
public record AdmissionFacts(String dependenceSeverity, List<SubstanceFact> substances, Set<String> udsFlags,
    Set<String> mentalHealthFlags, int expectedLengthDays) {

  /** One substance, its route and last use (drives induction timing). */
  public record SubstanceFact(String substance, @Nullable String route, Instant lastUseAt) {}
}
