package org.rehabnet.platform.web.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.web.trace.TraceContext;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** Builds every problem the platform sends, servlet or reactive, so they all look alike. */
public final class Problems {

  public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

  public static ProblemDetail of(ProblemType type, String detail, @Nullable String path) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
    problem.setType(type.uri());
    problem.setTitle(type.title());
    if (path != null) {
      problem.setInstance(URI.create(path));
    }
    String requestId = TraceContext.currentRequestId();
    if (requestId != null) {
      problem.setProperty("requestId", requestId);
    }
    return problem;
  }

  /** The problem as a plain map, for code that writes JSON without Spring's message converters. */
  public static Map<String, Object> asMap(ProblemDetail problem) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", problem.getType().toString());
    body.put("title", problem.getTitle());
    body.put("status", problem.getStatus());
    body.put("detail", problem.getDetail());
    if (problem.getInstance() != null) {
      body.put("instance", problem.getInstance().toString());
    }
    if (problem.getProperties() != null) {
      body.putAll(problem.getProperties());
    }
    return body;
  }

  private Problems() {}
}
