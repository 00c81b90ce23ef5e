package org.rehabnet.intake.referral;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.rehabnet.platform.web.json.FreeText;

/** Why a referral is declined (kept with the referral; never sent in an event). */
record DeclineReferral(
    @NotBlank @Size(max = 500) @FreeText String reason) {}
