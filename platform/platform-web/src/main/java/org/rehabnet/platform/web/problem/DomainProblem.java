package org.rehabnet.platform.web.problem;

import java.util.Map;

/**
 * Base of the errors a service names after what happened ({@code BedAlreadyOccupied},
 * {@code DoseExceedsDailyMaximum}); rendered once, by {@link ProblemDetailsAdvice}, as problem+json.
 * The message is the problem's detail: it must never carry names, birth dates or clinical values.
 */
public abstract class DomainProblem extends RuntimeException {

  private final ProblemType type;
  private final Map<String, Object> properties;

  protected DomainProblem(ProblemType type, String detail) {
    this(type, detail, Map.of());
  }

  protected DomainProblem(ProblemType type, String detail, Map<String, Object> properties) {
    super(detail);
    this.type = type;
    this.properties = Map.copyOf(properties);
  }

  public ProblemType type() {
    return type;
  }

  /** Extra members of the problem object, for example the rule a dose broke. */
  public Map<String, Object> properties() {
    return properties;
  }
}
