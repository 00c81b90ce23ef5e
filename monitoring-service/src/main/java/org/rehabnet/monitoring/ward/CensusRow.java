package org.rehabnet.monitoring.ward;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.monitoring.vitals.EarlyWarningScore;
import org.rehabnet.monitoring.withdrawal.CowsScale;

/** One bed on the ward: who, day n of N, the latest scores, what is due or late, open alerts. */
record CensusRow(UUID episodeId, UUID patientId, @Nullable String bed, int day, @Nullable Integer expectedLengthDays,
    @Nullable Integer lastCows, CowsScale.@Nullable Band lastCowsBand, @Nullable Instant lastCowsAt,
    @Nullable Integer lastNews2, EarlyWarningScore.@Nullable Response lastNews2Response,
    @Nullable Instant lastVitalsAt, @Nullable Instant cowsDueAt, @Nullable Instant vitalsDueAt, boolean cowsOverdue,
    boolean vitalsOverdue, int openAlerts) {}
