package org.rehabnet.monitoring.medication;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.web.json.FreeText;

/**
 * A physician's order: the drug, the route, and either a fixed {@code doseMg} or a PRN range
 * {@code doseMinMg..doseMaxMg} (never both). Doses carry at most two decimals, as the MAR stores them:
 * a finer dose is refused, never rounded. {@code documentedDayOneMaxMg} with its {@code documentation}
 * is a buprenorphine order's 12-16 mg day 1, where the site allows it.
 */
record OrderMedication(
    @NotNull Drug drug,
    @Nullable @DecimalMin(value = "0", inclusive = false) @DecimalMax("200") @Digits(integer = 3, fraction = 2)
    BigDecimal doseMg,
    @Nullable @DecimalMin(value = "0", inclusive = false) @DecimalMax("200") @Digits(integer = 3, fraction = 2)
    BigDecimal doseMinMg,
    @Nullable @DecimalMin(value = "0", inclusive = false) @DecimalMax("200") @Digits(integer = 3, fraction = 2)
    BigDecimal doseMaxMg,
    @NotNull Route route,
    @Nullable @DecimalMin("12") @DecimalMax("16") @Digits(integer = 2, fraction = 2) BigDecimal documentedDayOneMaxMg,
    @Nullable @Size(min = 10, max = 1000)
    @FreeText String documentation) {

  /** The most the order lets one dose be. */
  @Nullable BigDecimal highestDoseMg() {
    return doseMg != null ? doseMg : doseMaxMg;
  }
}
