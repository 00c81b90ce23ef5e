package org.rehabnet.platform.events;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.web.trace.TraceContext;

/**
 * CloudEvents 1.0 in binary mode over Kafka headers, written and read only here. Values go out as
 * raw UTF-8 bytes: handed to Spring's header mapper as strings they would be JSON-quoted.
 */
public final class CloudEventHeaders {

  public static final String ID = "ce_id";
  public static final String TYPE = "ce_type";
  public static final String SOURCE = "ce_source";
  public static final String TIME = "ce_time";
  public static final String SPEC_VERSION = "ce_specversion";
  public static final String CONTENT_TYPE = "content-type";
  public static final String TRACEPARENT = "traceparent";
  public static final String SPEC_VERSION_1_0 = "1.0";

  /** The headers of an outgoing event. */
  public static Map<String, Object> of(IntegrationEvent event, String source) {
    EventMetadata metadata = event.metadata();
    Map<String, Object> headers = new LinkedHashMap<>();
    headers.put(ID, bytes(metadata.eventId().toString()));
    headers.put(TYPE, bytes(typeOf(event.getClass()).value()));
    headers.put(SOURCE, bytes(source));
    headers.put(TIME, bytes(metadata.occurredAt().toString()));
    headers.put(SPEC_VERSION, bytes(SPEC_VERSION_1_0));
    headers.put(CONTENT_TYPE, bytes("application/json"));
    String traceparent = TraceContext.isValid(metadata.traceparent())
        ? metadata.traceparent()
        : TraceContext.childOf(null);
    headers.put(TRACEPARENT, bytes(traceparent));
    return headers;
  }

  public static EventType typeOf(Class<?> eventClass) {
    EventType type = eventClass.getAnnotation(EventType.class);
    if (type == null) {
      throw new IllegalStateException(eventClass.getName() + " is not annotated with @EventType");
    }
    return type;
  }

  public static @Nullable String read(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  private CloudEventHeaders() {}
}
