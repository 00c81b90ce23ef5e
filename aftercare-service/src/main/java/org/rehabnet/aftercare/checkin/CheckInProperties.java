package org.rehabnet.aftercare.checkin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Check-in handling of this service (not clinical-reference defaults, so not site settings): days of
 * grace after a due date before it counts as missed, and how soon the follow-up of a missed check-in
 * is due. The cadence itself is the site's (SiteSettings.Aftercare).
 */
@Validated
@ConfigurationProperties("rehabnet.aftercare.checkin")
record CheckInProperties(
    @DefaultValue("3") @Min(0) @Max(14) int graceDays,
    @DefaultValue("P2D") @NotNull Duration followUpWithin) {}
