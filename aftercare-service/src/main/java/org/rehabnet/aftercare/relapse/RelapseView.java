package org.rehabnet.aftercare.relapse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A report with what it set in motion. */
record RelapseView(UUID reportId, UUID planId, UUID patientId, RelapseResponse.Kind kind, String substance,
    LocalDate occurredOn, boolean overdose, boolean naloxoneUsed, boolean overdoseEducationGiven,
    RelapseResponse.Urgency urgency, UUID outreachTaskId, Instant outreachDueAt,
    @Nullable UUID readmissionRequestId, String planStatus, Instant reportedAt) {

  static RelapseView of(RelapseReport report, OutreachTask outreach, String planStatus) {
    return new RelapseView(report.id(), report.planId(), report.patientId(), report.kind(), report.substance(),
        report.occurredOn(), report.overdose(), report.naloxoneUsed(), report.overdoseEducation(), report.urgency(),
        outreach.id(), outreach.dueAt(), report.readmissionRequestId(), planStatus, report.reportedAt());
  }
}
