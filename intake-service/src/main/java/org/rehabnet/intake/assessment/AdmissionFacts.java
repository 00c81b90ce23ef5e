package org.rehabnet.intake.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.clinical.DependenceSeverity;
import org.rehabnet.platform.events.clinical.RiskFlag;
import org.rehabnet.platform.events.clinical.RouteOfUse;
import org.rehabnet.platform.events.clinical.Substance;
import org.rehabnet.platform.events.clinical.UdsFlag;

/** What an admission takes from the assessment for the detox ward: codes and times, no free text. */
public record AdmissionFacts(DependenceSeverity dependenceSeverity, List<SubstanceFact> substances,
    Set<UdsFlag> udsFlags, Set<RiskFlag> mentalHealthFlags, int expectedLengthDays) {

  /** One substance, its route and last use (drives induction timing). */
  public record SubstanceFact(Substance substance, @Nullable RouteOfUse route, Instant lastUseAt) {}
}
