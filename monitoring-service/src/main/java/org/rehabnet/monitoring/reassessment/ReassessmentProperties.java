package org.rehabnet.monitoring.reassessment;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Service settings of the timers. The clinical intervals (routine, intensive, the COWS that
 * tightens them) are per-site settings and come from the site's {@code SiteConfigured}.
 *
 * @param inductionWindow how long after the first buprenorphine or methadone dose induction lasts
 * @param overdueCheckInterval how often the overdue check runs
 */
@Validated
@ConfigurationProperties("rehabnet.monitoring.reassessment")
record ReassessmentProperties(
    @DefaultValue("PT24H") @NotNull Duration inductionWindow,
    @DefaultValue("PT1M") @NotNull Duration overdueCheckInterval) {}
