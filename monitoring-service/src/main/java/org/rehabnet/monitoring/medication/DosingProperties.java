package org.rehabnet.monitoring.medication;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Dosing limits as clinic policy, with the defaults of shared/clinical-reference.md (buprenorphine,
 * methadone, hold rules). A site may set its own induction threshold, methadone day-1 limit and
 * whether it is a certified opioid treatment program.
 */
@Validated
@ConfigurationProperties("rehabnet.monitoring.dosing")
record DosingProperties(
    @DefaultValue @Valid Buprenorphine buprenorphine,
    @DefaultValue @Valid Methadone methadone,
    @DefaultValue @Valid Hold hold,
    @DefaultValue Map<Drug, @Valid SymptomaticLimit> symptomatic,
    @DefaultValue Map<String, @Valid SiteDosing> sites) {

  /**
   * @param inductionCows COWS at or above which induction may start (many sites use 12)
   * @param cowsValidFor how recent that COWS must be
   * @param shortActingOpioidWait time since heroin or other short-acting opioids
   */
  record Buprenorphine(
      @DefaultValue("8") @Min(0) @Max(48) int inductionCows,
      @DefaultValue("PT1H") @NotNull Duration cowsValidFor,
      @DefaultValue("PT12H") @NotNull Duration shortActingOpioidWait,
      @DefaultValue("PT2H") @NotNull Duration minimumInterval,
      @DefaultValue("2") @DecimalMin("0") BigDecimal dayOneSingleDoseMinMg,
      @DefaultValue("4") @DecimalMin("0") BigDecimal dayOneSingleDoseMaxMg,
      @DefaultValue("8") @DecimalMin("0") BigDecimal dayOneMaxMg,
      @DefaultValue("16") @DecimalMin("0") BigDecimal dayTwoMaxMg,
      @DefaultValue("24") @DecimalMin("0") BigDecimal dailyMaxMg) {}

  /** @param dailyIncreaseMaxMg from day 2, a day's total may pass the day before's by this much */
  record Methadone(
      @DefaultValue("30") @DecimalMin("0") BigDecimal firstDoseMaxMg,
      @DefaultValue("10") @DecimalMin("0") BigDecimal furtherDoseMaxMg,
      @DefaultValue("PT3H") @NotNull Duration minimumInterval,
      @DefaultValue("40") @DecimalMin("0") BigDecimal dayOneMaxMg,
      @DefaultValue("10") @DecimalMin("0") BigDecimal dailyIncreaseMaxMg) {}

  /** Hold opioids when sedated (POSS 3 or more), RR below 10/min or SpO2 below 90 %. */
  record Hold(
      @DefaultValue("3") @Min(1) @Max(4) int possAtLeast,
      @DefaultValue("10") @Min(0) int respirationRateBelow,
      @DefaultValue("90") @Min(50) @Max(100) int spo2Below) {}

  record SymptomaticLimit(@NotNull @DecimalMin("0") BigDecimal singleDoseMaxMg,
      @NotNull @DecimalMin("0") BigDecimal dailyMaxMg) {}

  /** A site's own settings; a null leaves the network default. */
  record SiteDosing(@DefaultValue("false") boolean otpCertified, @Nullable @Min(0) @Max(48) Integer inductionCows,
      @Nullable @DecimalMin("0") BigDecimal methadoneDayOneMaxMg) {}

  SiteDosing site(String site) {
    return sites.getOrDefault(site, new SiteDosing(false, null, null));
  }
}
