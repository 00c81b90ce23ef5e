package org.rehabnet.portal.gateway;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An RFC 9457 problem the gateway or a service answered with. The pages show its title, detail, field
 * errors and (for a refused dose) its rule where the user acted; never a stack trace.
 */
public final class GatewayProblem extends RuntimeException {

  private final int status;
  private final Map<String, Object> problem;

  public GatewayProblem(int status, Map<String, Object> problem) {
    super("Gateway answered " + status);
    this.status = status;
    this.problem = problem;
  }

  public int status() {
    return status;
  }

  public Map<String, Object> problem() {
    return problem;
  }

  public String type() {
    Object type = problem.get("type");
    return type == null ? "" : type.toString().substring(type.toString().lastIndexOf('/') + 1);
  }

  public @Nullable String title() {
    Object title = problem.get("title");
    return title == null ? null : title.toString();
  }

  public @Nullable String detail() {
    Object detail = problem.get("detail");
    return detail == null ? null : detail.toString();
  }

  public @Nullable Object member(String name) {
    return problem.get(name);
  }

  /** Field errors as {@code field: message} lines. */
  @SuppressWarnings("unchecked")
  public List<String> fieldErrors() {
    Object errors = problem.get("errors");
    if (!(errors instanceof List<?> list)) {
      return List.of();
    }
    return list.stream().filter(Map.class::isInstance).map(e -> (Map<String, Object>) e)
        .map(e -> e.get("field") + ": " + e.get("message")).toList();
  }

  public boolean notFound() {
    return status == 404;
  }
}
