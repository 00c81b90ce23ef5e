package org.rehabnet.monitoring.medication;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Label maxima of the symptomatic drugs and sleep aids: service configuration (application.yml),
 * not clinical-reference defaults, so not per site. A drug without a limit here is refused (see
 * {@link SymptomaticPolicy}): a missing limit never means "no limit".
 */
@Validated
@ConfigurationProperties("rehabnet.monitoring.dosing")
record SymptomaticLimits(@DefaultValue Map<Drug, @Valid Limit> symptomatic) {

  record Limit(@NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal singleDoseMaxMg,
      @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal dailyMaxMg) {}
}
