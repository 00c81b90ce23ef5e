package org.rehabnet.monitoring.vitals;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/**
 * A set of vital signs. The ranges are plausibility limits that catch data-entry errors
 * (docs/clinical-rules.md, "Vital signs: plausible ranges and codes"); clinical thresholds are NEWS2's business.
 */
record RecordVitalSigns(
    @NotNull @Min(0) @Max(80) Integer respirationRate,
    @NotNull @Min(50) @Max(100) Integer spo2,
    @NotNull Boolean onOxygen,
    @NotNull @Min(40) @Max(300) Integer systolic,
    @NotNull @Min(20) @Max(200) Integer diastolic,
    @NotNull @Min(20) @Max(250) Integer pulse,
    @NotNull Consciousness consciousness,
    @NotNull @DecimalMin("25.0") @DecimalMax("45.0") @Digits(integer = 2, fraction = 1) BigDecimal temperature) {}
