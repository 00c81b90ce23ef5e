package org.rehabnet.monitoring.withdrawal;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/** What the nurse saw: sedation if assessed, and which symptoms are present. */
record RecordObservation(
    @Nullable Poss poss,
    @NotNull Boolean vomiting,
    @NotNull Boolean insomnia,
    @NotNull Boolean anxiety,
    @NotNull Boolean breathingDifficulty) {}
