package org.rehabnet.monitoring.vitals;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.rehabnet.platform.web.json.FreeText;

/**
 * A physician sets the SpO2 scale; {@code reason} documents why (for scale 2, the hypercapnic
 * respiratory failure and the prescribed 88-92 % target). It is kept with who and when.
 */
record SetSpo2Scale(@NotNull Spo2Scale scale, @NotBlank @Size(min = 10, max = 1000)
    @FreeText String reason) {}
