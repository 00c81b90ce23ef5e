package org.rehabnet.intake.admission;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Admit the patient of an accepted referral with a complete assessment, to the bed chosen on the bed
 * board ({@code bedCode}) or, without one, to the site's first free bed.
 */
record AdmitFromReferral(
    @NotNull UUID referralId,
    @Nullable @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9-]{0,19}", message = "must be a bed code") String bedCode) {}
