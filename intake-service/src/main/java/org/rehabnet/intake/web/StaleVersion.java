package org.rehabnet.intake.web;

import java.util.Map;
import org.rehabnet.platform.web.problem.DomainProblem;
import org.rehabnet.platform.web.problem.ProblemType;

/** The record changed since the client read it: 412, reload and decide again. */
public class StaleVersion extends DomainProblem {

  public StaleVersion(String what, long expected, long current) {
    super(ProblemType.STALE_VERSION, what + " is at version " + current + ", not " + expected
        + "; reload and try again", Map.of("expectedVersion", expected, "currentVersion", current));
  }
}
