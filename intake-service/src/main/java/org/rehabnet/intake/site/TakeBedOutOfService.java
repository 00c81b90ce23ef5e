package org.rehabnet.intake.site;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.rehabnet.intake.web.Text;

/** Why a bed leaves service (broken frame, deep clean, infection control); shown on the bed board. */
record TakeBedOutOfService(
    @NotBlank @Size(max = 300) @Pattern(regexp = Text.SINGLE_LINE, message = Text.MESSAGE)
    String reason) {}
