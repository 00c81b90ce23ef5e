package org.rehabnet.platform.web.trace;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The W3C trace context of the work in progress, kept in the logging MDC so that logs, responses
 * and outgoing events all carry the same {@code traceparent} and request id. Where Micrometer
 * Tracing has a span in scope (every request and every listener, see docs/runbook.md) the
 * traceparent is that span's, read from the {@code traceId}/{@code spanId} the tracer keeps in the
 * MDC, so the ids in logs, events and responses are the ones the trace backend shows.
 */
public final class TraceContext {

  public static final String TRACEPARENT = "traceparent";
  public static final String REQUEST_ID = "requestId";

  private static final Pattern VALID =
      Pattern.compile("00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The tracer's MDC keys (Micrometer Tracing with Brave, as configured by Spring Boot). */
  static final String TRACER_TRACE_ID = "traceId";
  static final String TRACER_SPAN_ID = "spanId";

  public static @Nullable String currentTraceparent() {
    String traced = tracedTraceparent();
    return traced != null ? traced : MDC.get(TRACEPARENT);
  }

  /** The traceparent of the tracer's span in scope, or null when there is none. */
  public static @Nullable String tracedTraceparent() {
    String traceId = MDC.get(TRACER_TRACE_ID);
    String spanId = MDC.get(TRACER_SPAN_ID);
    if (traceId == null || spanId == null) {
      return null;
    }
    String traceparent = "00-" + "0".repeat(Math.max(0, 32 - traceId.length())) + traceId + "-" + spanId + "-01";
    return isValid(traceparent) ? traceparent : null;
  }

  public static @Nullable String currentRequestId() {
    return MDC.get(REQUEST_ID);
  }

  public static boolean isValid(@Nullable String traceparent) {
    return traceparent != null && VALID.matcher(traceparent).matches();
  }

  /** A child of the given parent (same trace, new span), or a new trace when there is none. */
  public static String childOf(@Nullable String parent) {
    String traceId = isValid(parent) ? parent.substring(3, 35) : randomHex(16);
    return "00-" + traceId + "-" + randomHex(8) + "-01";
  }

  public static String traceId(String traceparent) {
    return traceparent.substring(3, 35);
  }

  public static void set(String traceparent, String requestId) {
    MDC.put(TRACEPARENT, traceparent);
    MDC.put(REQUEST_ID, requestId);
  }

  public static void clear() {
    MDC.remove(TRACEPARENT);
    MDC.remove(REQUEST_ID);
  }

  private static String randomHex(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  private TraceContext() {}
}
