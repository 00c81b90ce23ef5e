package org.rehabnet.intake.referral;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A request to refer a registered patient to a site. */
record OpenReferral(
    @NotNull UUID patientId,
    @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,31}", message = "must be a site code") String site,
    @NotNull ReferralSource source,
    @Nullable @Valid Referrer referrer,
    @NotNull Urgency urgency) {

  /** Who made the referral and how to reach them (a relative, a hospital ward, a court officer). */
  record Referrer(
      @Nullable @Size(max = 200) String name,
      @Nullable @Size(max = 200) String organisation,
      @Nullable @Pattern(regexp = "\\+?[0-9 ()-]{5,25}", message = "must be a phone number") String phone) {}
}
