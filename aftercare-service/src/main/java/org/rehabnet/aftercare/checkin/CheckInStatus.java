package org.rehabnet.aftercare.checkin;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a plan's check-ins stand today: the next due date (and whether it is due now, within its
 * window), the missed ones, and the open follow-up tasks.
 */
public record CheckInStatus(@Nullable LocalDate nextDueOn, boolean dueNow, List<LocalDate> missed,
    int openFollowUps) {}
