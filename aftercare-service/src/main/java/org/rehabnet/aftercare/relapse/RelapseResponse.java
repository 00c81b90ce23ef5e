package org.rehabnet.aftercare.relapse;

import java.time.Duration;
import java.time.Instant;

/**
 * The response to a lapse or relapse (clinical-reference.md, "Relapse"): re-engage, never close the
 * plan; outreach within the configured time (*default* 24 h); naloxone and overdose education; a
 * readmission referral only if the person wants it. After detox tolerance is gone, so an overdose makes
 * the outreach an emergency and a relapse urgent.
 */
record RelapseResponse(Duration outreachWithin) {

  enum Kind {
    LAPSE,
    RELAPSE
  }

  enum Urgency {
    ROUTINE,
    URGENT,
    EMERGENCY
  }

  /** What follows a report. The plan stays open whatever the report says. */
  record Decision(Urgency urgency, Instant outreachDueAt, boolean requestReadmission, boolean planStaysOpen) {}

  Decision decide(Kind kind, boolean overdose, boolean wantsReadmission, Instant reportedAt) {
    Urgency urgency = overdose ? Urgency.EMERGENCY : kind == Kind.RELAPSE ? Urgency.URGENT : Urgency.ROUTINE;
    return new Decision(urgency, reportedAt.plus(outreachWithin), wantsReadmission, true);
  }
}
