package org.rehabnet.aftercare.groups;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.web.json.FreeText;

/** Request bodies of the groups API. */
final class GroupRequests {

  /** A new group; {@code partnerOrg} when a partner organisation runs it for the site. */
  record StartGroup(
      @NotBlank @Size(max = 200) String name,
      @NotNull GroupType type,
      @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,31}", message = "must be a site code") String site,
      @Nullable @Size(max = 100) String partnerOrg,
      @NotBlank @Size(max = 200) String facilitator,
      @NotNull @Valid Schedule schedule,
      @Min(1) @Max(200) int capacity) {}

  /** Every {@code everyWeeks} weeks on {@code dayOfWeek} at {@code startsAt}, from {@code firstSessionOn}. */
  record Schedule(
      @NotNull DayOfWeek dayOfWeek,
      @NotNull LocalTime startsAt,
      @Min(15) @Max(480) int durationMinutes,
      @Min(1) @Max(4) int everyWeeks,
      @NotNull LocalDate firstSessionOn) {

    GroupSchedule toSchedule() {
      return new GroupSchedule(dayOfWeek, startsAt, durationMinutes, everyWeeks, firstSessionOn);
    }
  }

  record Enrol(@NotNull UUID planId) {}

  record OpenSession(@NotNull LocalDate date) {}

  /** The whole group's attendance in one request. */
  record RecordAttendance(@NotEmpty @Size(max = 200) List<@NotNull @Valid Entry> attendance) {}

  record Entry(@NotNull UUID patientId, @NotNull Attendance.Status status) {}

  record WriteGroupNote(@NotBlank @Size(max = 10000) @FreeText String text) {}

  private GroupRequests() {}
}
