package org.rehabnet.aftercare.plan;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A counsellor opens a plan by hand for an outpatient; start date defaults to today. */
record OpenPlan(
    @NotNull UUID patientId,
    @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,31}", message = "must be a site code") String site,
    @Nullable @Size(max = 100) String counsellor,
    @Nullable LocalDate startsOn,
    @NotNull MedicationPlan medicationPlan,
    @NotNull NaloxoneStatus naloxoneStatus,
    boolean overdoseEducation,
    @Nullable @Size(max = 20) List<@NotBlank @Size(max = 500) String> goals,
    @Nullable @Size(max = 20) List<@NotBlank @Size(max = 500) String> relapsePrevention) {}
