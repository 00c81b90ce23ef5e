package org.rehabnet.monitoring.medication;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;

/** A physician's order: the drug, the usual dose, the route. */
record OrderMedication(
    @NotNull Drug drug,
    @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("200") BigDecimal doseMg,
    @NotBlank @Pattern(regexp = "SUBLINGUAL|ORAL|INTRAMUSCULAR|INTRAVENOUS|INTRANASAL|TRANSDERMAL") String route) {}
