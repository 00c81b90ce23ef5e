package org.rehabnet.aftercare.groups;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.rehabnet.platform.web.problem.DomainProblem;
import org.rehabnet.platform.web.problem.ProblemType;

/** A session was asked for on a date the group's schedule does not generate. */
class SessionNotOnSchedule extends DomainProblem {

  SessionNotOnSchedule(UUID groupId, LocalDate date) {
    super(ProblemType.BUSINESS_RULE, "Group " + groupId + " does not meet on " + date,
        Map.of("rule", "session-on-schedule", "date", date.toString()));
  }
}
