package org.rehabnet.intake.patient;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.web.json.FreeText;

/**
 * Make a patient known at a further site: why (kept with the link, never in logs or audit reasons)
 * and, when it settles one, the possible-duplicate review item.
 */
record LinkPatientToSite(
    @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,31}", message = "must be a site code") String site,
    @NotBlank @Size(max = 500) @FreeText String reason,
    @Nullable UUID possibleDuplicateId) {}
