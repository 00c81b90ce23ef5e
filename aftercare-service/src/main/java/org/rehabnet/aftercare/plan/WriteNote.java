package org.rehabnet.aftercare.plan;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.rehabnet.platform.web.json.FreeText;

/** A note's text. */
record WriteNote(@NotBlank @Size(max = 10000) @FreeText String text) {}
