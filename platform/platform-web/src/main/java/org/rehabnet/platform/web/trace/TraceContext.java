package org.rehabnet.platform.web.trace;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The W3C trace context of the work in progress, kept in the logging MDC so that logs, responses
 * and outgoing events all carry the same {@code traceparent} and request id.
 */
public final class TraceContext {

  public static final String TRACEPARENT = "traceparent";
  public static final String REQUEST_ID = "requestId";

  private static final Pattern VALID =
      Pattern.compile("00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");
  private static final SecureRandom RANDOM = new SecureRandom();

  public static @Nullable String currentTraceparent() {
    return MDC.get(TRACEPARENT);
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
