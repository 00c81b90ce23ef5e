package org.rehabnet.monitoring.withdrawal;

import jakarta.validation.constraints.NotNull;

/** A COWS assessment: one value per item; which values are valid is {@link CowsScale}'s business. */
record RecordCows(
    @NotNull Integer restingPulse,
    @NotNull Integer sweating,
    @NotNull Integer restlessness,
    @NotNull Integer pupilSize,
    @NotNull Integer boneJointAches,
    @NotNull Integer runnyNose,
    @NotNull Integer giUpset,
    @NotNull Integer tremor,
    @NotNull Integer yawning,
    @NotNull Integer anxiety,
    @NotNull Integer gooseflesh) {}
