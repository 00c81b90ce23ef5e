package org.rehabnet.monitoring.episode;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.web.json.FreeText;

/**
 * A physician's discharge. Loss of tolerance after detox makes overdose far more likely, so every
 * discharge records naloxone (or why not), overdose education and the medication plan
 * (docs/clinical-rules.md, "Discharge").
 *
 * @param expectedVersion the episode's version as read; a newer one answers 412
 */
record DischargePatient(
    @NotNull DischargeType type,
    @NotNull Boolean naloxoneProvided,
    @Nullable @Size(max = 500)
    @FreeText String naloxoneNotProvidedReason,
    @NotNull Boolean overdoseEducation,
    @NotNull MedicationPlan medicationPlan,
    @Nullable @Size(max = 200)
    String receivingPrescriber,
    @Nullable Long expectedVersion) {}
