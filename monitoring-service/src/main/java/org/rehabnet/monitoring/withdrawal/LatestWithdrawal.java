package org.rehabnet.monitoring.withdrawal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The latest COWS and sedation, as dosing and the census need them. */
public record LatestWithdrawal(@Nullable Integer cowsTotal, CowsScale.@Nullable Band cowsBand,
    @Nullable Instant cowsAssessedAt, @Nullable Integer possLevel, @Nullable Instant possObservedAt) {}
