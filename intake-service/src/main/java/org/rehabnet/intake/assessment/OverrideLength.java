package org.rehabnet.intake.assessment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.rehabnet.intake.web.Text;

/** A physician's expected detox length in place of the computed one, and why. */
record OverrideLength(
    @NotNull @Min(1) @Max(30) Integer days,
    @NotBlank @Size(max = 500) @Pattern(regexp = Text.MULTI_LINE, message = Text.MESSAGE) String reason) {}
