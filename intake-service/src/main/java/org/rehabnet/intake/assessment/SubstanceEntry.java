package org.rehabnet.intake.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.relational.core.mapping.Table;

/** One substance of an assessment's substance history. */
@Table("assessment_substance")
record SubstanceEntry(String substance, @Nullable String amount, String route, String frequency,
    BigDecimal yearsOfUse, Instant lastUseAt) {}
