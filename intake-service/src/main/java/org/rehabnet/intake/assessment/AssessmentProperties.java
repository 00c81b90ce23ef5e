package org.rehabnet.intake.assessment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Per-site clinic policy for the expected detox length (defaults from shared/clinical-reference.md:
 * 5 days mild, 7 moderate, 7 severe, up to 10 when severe with daily use over 5 years or a
 * fentanyl-positive screen).
 */
@Validated
@ConfigurationProperties("rehabnet.intake.assessment")
record AssessmentProperties(
    @DefaultValue("5") @Min(1) @Max(30) int mildDays,
    @DefaultValue("7") @Min(1) @Max(30) int moderateDays,
    @DefaultValue("7") @Min(1) @Max(30) int severeDays,
    @DefaultValue("10") @Min(1) @Max(30) int extendedDays,
    @DefaultValue("5") @Min(0) @Max(80) int longTermDailyUseYears) {}
