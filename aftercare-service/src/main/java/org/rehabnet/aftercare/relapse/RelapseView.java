package org.rehabnet.aftercare.relapse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.clinical.Substance;

/**
 * A report with what it set in motion: the outreach (due by urgency), the alert to the counsellor and
 * clinical lead for an emergency, the naloxone resupply after a kit was used, the readmission request.
 */
record RelapseView(UUID reportId, UUID planId, UUID patientId, RelapseResponse.Kind kind, Substance substance,
    LocalDate occurredOn, boolean overdose, boolean naloxoneUsed, boolean overdoseEducationGiven,
    RelapseResponse.Urgency urgency, RelapseSource source, @Nullable UUID sourceRecordId, UUID outreachTaskId,
    Instant outreachDueAt, @Nullable UUID alertId, @Nullable UUID naloxoneResupplyTaskId,
    @Nullable UUID readmissionRequestId, String planStatus, Instant reportedAt) {

  static RelapseView of(RelapseReport report, OutreachTask outreach, @Nullable UUID alertId,
      @Nullable NaloxoneResupplyTask resupply, String planStatus) {
    return new RelapseView(report.id(), report.planId(), report.patientId(), report.kind(), report.substance(),
        report.occurredOn(), report.overdose(), report.naloxoneUsed(), report.overdoseEducation(), report.urgency(),
        report.source(), report.sourceRecordId(), outreach.id(), outreach.dueAt(), alertId,
        resupply == null ? null : resupply.id(), report.readmissionRequestId(), planStatus, report.reportedAt());
  }

  @Override
  public String toString() {
    return "RelapseView[" + reportId + "]";
  }
}
