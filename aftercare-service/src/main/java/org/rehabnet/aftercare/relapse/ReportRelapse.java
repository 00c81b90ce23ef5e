package org.rehabnet.aftercare.relapse;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.clinical.Substance;

/**
 * A lapse or relapse as a counsellor reports it. The substance is one of the shared codes, never
 * free text; {@code urgency}, when given, can raise the urgency the report implies (EMERGENCY: outreach
 * within the site's urgent window and an alert), never lower it. {@code occurredOn} is a calendar day at
 * the plan's site, not after today there.
 */
record ReportRelapse(
    @NotNull RelapseResponse.Kind kind,
    @NotNull Substance substance,
    @NotNull LocalDate occurredOn,
    @NotNull Boolean overdose,
    @NotNull Boolean naloxoneUsed,
    @NotNull Boolean overdoseEducationGiven,
    @NotNull Boolean wantsReadmission,
    RelapseResponse.@Nullable Urgency urgency) {}
