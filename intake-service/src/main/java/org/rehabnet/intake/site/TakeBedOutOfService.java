package org.rehabnet.intake.site;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a bed leaves service (broken frame, deep clean, infection control); shown on the bed board. */
record TakeBedOutOfService(
    @NotBlank @Size(max = 300)
    String reason) {}
