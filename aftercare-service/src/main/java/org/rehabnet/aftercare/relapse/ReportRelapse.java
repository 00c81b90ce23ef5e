package org.rehabnet.aftercare.relapse;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;

/**
 * A lapse or relapse as staff report it. The substance is a code (HEROIN, FENTANYL, OTHER_OPIOID,
 * METHADONE, BUPRENORPHINE, BENZODIAZEPINE, ALCOHOL, STIMULANT, CANNABIS, OTHER), never free text.
 */
record ReportRelapse(
    @NotNull RelapseResponse.Kind kind,
    @NotNull @Pattern(regexp = "[A-Z][A-Z_]{1,39}", message = "must be a substance code") String substance,
    @NotNull @PastOrPresent LocalDate occurredOn,
    @NotNull Boolean overdose,
    @NotNull Boolean naloxoneUsed,
    @NotNull Boolean overdoseEducationGiven,
    @NotNull Boolean wantsReadmission) {}
