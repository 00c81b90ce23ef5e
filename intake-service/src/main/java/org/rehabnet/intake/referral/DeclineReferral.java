package org.rehabnet.intake.referral;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.rehabnet.intake.web.Text;

/** Why a referral is declined (kept with the referral; never sent in an event). */
record DeclineReferral(
    @NotBlank @Size(max = 500) @Pattern(regexp = Text.MULTI_LINE, message = Text.MESSAGE) String reason) {}
