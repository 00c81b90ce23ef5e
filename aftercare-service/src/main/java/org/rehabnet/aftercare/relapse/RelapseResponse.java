package org.rehabnet.aftercare.relapse;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.intake.SiteSettings;

/**
 * The response to a lapse or relapse by urgency (docs/clinical-rules.md, "Relapse response"): re-engage,
 * never close the plan. An overdose, naloxone used, or a report the counsellor marks EMERGENCY is an
 * emergency: outreach within the site's urgent window (*default* 1 h) and an alert to the counsellor and
 * the clinical lead, because tolerance is gone after detox and the next overdose is likelier to kill. A
 * relapse is urgent, a lapse routine; both are due within the site's relapse window (*default* 24 h).
 * Naloxone used means the kit is gone: a resupply is owed. Readmission only if the person wants it.
 */
record RelapseResponse(Duration outreachWithin, Duration urgentOutreachWithin) {

  static RelapseResponse of(SiteSettings.Aftercare settings) {
    return new RelapseResponse(settings.relapseOutreachWithin(), settings.urgentOutreachWithin());
  }

  enum Kind {
    LAPSE,
    RELAPSE
  }

  /** In rising order: compare with {@link #compareTo}. */
  enum Urgency {
    ROUTINE,
    URGENT,
    EMERGENCY
  }

  /**
   * What follows a report. The plan stays open whatever the report says; {@code alertLeads} when the
   * counsellor and the clinical lead must be told now; {@code overdose} when it was one (or naloxone
   * was used, which only an overdose calls for).
   */
  record Decision(Urgency urgency, Instant outreachDueAt, boolean requestReadmission, boolean planStaysOpen,
      boolean alertLeads, boolean overdose, boolean naloxoneResupply) {}

  Decision decide(Kind kind, boolean overdose, boolean naloxoneUsed, @Nullable Urgency reported,
      boolean wantsReadmission, Instant reportedAt) {
    boolean anOverdose = overdose || naloxoneUsed;
    Urgency derived = anOverdose ? Urgency.EMERGENCY : kind == Kind.RELAPSE ? Urgency.URGENT : Urgency.ROUTINE;
    // The counsellor may raise the urgency, never lower it below what the report itself says.
    Urgency urgency = reported != null && reported.compareTo(derived) > 0 ? reported : derived;
    boolean emergency = urgency == Urgency.EMERGENCY;
    return new Decision(urgency, reportedAt.plus(emergency ? urgentOutreachWithin : outreachWithin),
        wantsReadmission, true, emergency, anOverdose, naloxoneUsed);
  }
}
