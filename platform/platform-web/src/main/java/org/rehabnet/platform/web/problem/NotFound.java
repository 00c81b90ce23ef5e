package org.rehabnet.platform.web.problem;

/**
 * A record that does not exist, or that the caller may not know exists: another site's patient is
 * answered exactly like an unknown one.
 */
public class NotFound extends DomainProblem {

  public NotFound(String what, Object id) {
    super(ProblemType.NOT_FOUND, what + " " + id + " was not found");
  }
}
