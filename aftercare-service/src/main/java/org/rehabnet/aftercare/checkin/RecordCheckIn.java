package org.rehabnet.aftercare.checkin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.clinical.Substance;

/**
 * A check-in as staff record it: {@code on} is a calendar day at the plan's site (not after today
 * there); {@code substanceUsed} names what was used when {@code usedSinceLastCheckIn} is true, and is
 * left out otherwise; {@code phq9} is the nine item scores when the PHQ-9 was done.
 */
record RecordCheckIn(
    @NotNull LocalDate on,
    @NotNull @Min(0) @Max(10) Integer cravings,
    @NotNull Boolean usedSinceLastCheckIn,
    @Nullable Substance substanceUsed,
    @NotNull CheckIn.Mood mood,
    @Nullable @Size(min = 9, max = 9) List<@NotNull @Min(0) @Max(3) Integer> phq9,
    @NotNull CheckIn.Housing housing,
    @NotNull CheckIn.Employment employment) {}
