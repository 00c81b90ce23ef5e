package org.rehabnet.platform.web.trace;

import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The request id and traceparent of one request. An incoming request id is kept only when it looks
 * like an id, so a caller cannot inject text into our logs through it.
 */
public record Correlation(String requestId, String traceparent) {

  public static final String REQUEST_ID_HEADER = "X-Request-Id";
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");

  public static Correlation of(@Nullable String incomingRequestId, @Nullable String incomingTraceparent) {
    return of(incomingRequestId, incomingTraceparent, null);
  }

  /**
   * With the traceparent of the tracer's span for this request when there is one: the trace the
   * backend records. Without a tracer, a child of the caller's traceparent (or a new trace).
   */
  public static Correlation of(@Nullable String incomingRequestId, @Nullable String incomingTraceparent,
      @Nullable String tracedTraceparent) {
    String requestId = incomingRequestId != null && SAFE_ID.matcher(incomingRequestId).matches()
        ? incomingRequestId
        : UUID.randomUUID().toString();
    String traceparent = TraceContext.isValid(tracedTraceparent)
        ? tracedTraceparent
        : TraceContext.childOf(incomingTraceparent);
    return new Correlation(requestId, traceparent);
  }
}
