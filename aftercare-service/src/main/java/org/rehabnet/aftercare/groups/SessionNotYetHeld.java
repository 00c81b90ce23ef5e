package org.rehabnet.aftercare.groups;

import java.time.LocalDate;
import java.util.Map;
import org.rehabnet.platform.web.problem.DomainProblem;
import org.rehabnet.platform.web.problem.ProblemType;

/** Attendance cannot be recorded for a session that lies in the future. */
class SessionNotYetHeld extends DomainProblem {

  SessionNotYetHeld(LocalDate date) {
    super(ProblemType.BUSINESS_RULE, "The session of " + date + " has not taken place yet",
        Map.of("rule", "attendance-after-session"));
  }
}
