package org.rehabnet.aftercare.plan;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The counsellor's revision of a plan, against the version they read (stale: 412). */
record RevisePlan(
    @NotNull Long version,
    @Nullable @Size(max = 100) String counsellor,
    @NotNull @Size(max = 20) List<@NotBlank @Size(max = 500) String> goals,
    @NotNull @Size(max = 20) List<@NotBlank @Size(max = 500) String> relapsePrevention,
    @NotNull NaloxoneStatus naloxoneStatus) {}
