package org.rehabnet.monitoring.medication;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A dose given against an order. {@code overrideReason} is a physician's written reason to give a
 * dose a safety rule would refuse; it is recorded and raises an alert.
 */
record AdministerDose(
    @NotNull UUID orderId,
    @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("200") BigDecimal doseMg,
    @Nullable @Size(min = 10, max = 1000) String overrideReason) {}
