package org.rehabnet.intake.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.clinical.RouteOfUse;
import org.rehabnet.platform.events.clinical.Substance;
import org.springframework.data.relational.core.mapping.Table;

/** One substance of an assessment's substance history; stored as the names of the same enums. */
@Table("assessment_substance")
record SubstanceEntry(Substance substance, @Nullable String amount, RouteOfUse route,
    RecordAssessment.Frequency frequency, BigDecimal yearsOfUse, Instant lastUseAt) {}
