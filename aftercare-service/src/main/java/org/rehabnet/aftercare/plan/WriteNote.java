package org.rehabnet.aftercare.plan;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A note's text. */
record WriteNote(@NotBlank @Size(max = 10000) String text) {}
