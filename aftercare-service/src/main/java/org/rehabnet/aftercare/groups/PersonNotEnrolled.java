package org.rehabnet.aftercare.groups;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rehabnet.platform.web.problem.DomainProblem;
import org.rehabnet.platform.web.problem.FieldError;
import org.rehabnet.platform.web.problem.ProblemType;

/** Attendance named people who are not enrolled in the group; nothing is recorded for anyone. */
class PersonNotEnrolled extends DomainProblem {

  PersonNotEnrolled(List<Integer> indexes, List<UUID> patientIds) {
    super(ProblemType.VALIDATION, "Not enrolled in this group: " + patientIds,
        Map.of("notEnrolled", patientIds.stream().map(UUID::toString).toList(),
            "errors", indexes.stream()
                .map(i -> new FieldError("attendance[" + i + "].patientId", "is not enrolled in this group"))
                .toList()));
  }
}
