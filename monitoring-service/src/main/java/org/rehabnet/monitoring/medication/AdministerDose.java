package org.rehabnet.monitoring.medication;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.web.json.FreeText;

/**
 * A dose given against an order: the drug, dose and route the nurse actually gives, each checked
 * against the order. {@code drug} and {@code route} are required (a client of the first version that
 * sends only {@code orderId} and {@code doseMg} gets a 400 naming them, never an unchecked dose).
 * {@code overrideReason} is a physician's written reason to give a dose an overridable rule refuses;
 * it is recorded and raises an alert.
 */
record AdministerDose(
    @NotNull UUID orderId,
    @NotNull Drug drug,
    @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("200") @Digits(integer = 3, fraction = 2)
    BigDecimal doseMg,
    @NotNull Route route,
    @Nullable @Size(min = 10, max = 1000)
    @FreeText String overrideReason) {}
