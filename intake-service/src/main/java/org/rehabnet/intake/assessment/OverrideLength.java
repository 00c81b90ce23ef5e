package org.rehabnet.intake.assessment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.rehabnet.platform.web.json.FreeText;

/** A physician's expected detox length in place of the computed one, and why. */
record OverrideLength(
    @NotNull @Min(1) @Max(30) Integer days,
    @NotBlank @Size(max = 500) @FreeText String reason) {}
