package org.rehabnet.platform.events;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.web.trace.TraceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way a service consumes events: read the CloudEvents envelope, skip what this consumer
 * has already processed, and run the handler in the same database transaction as the mark. A
 * handler's exception rolls both back and goes to the container's error handler (retries, then the
 * dead-letter topic); nothing is caught and acknowledged here.
 */
public class EventInbox {

  private static final Logger log = LoggerFactory.getLogger(EventInbox.class);

  private final ProcessedEvents processedEvents;
  private final TransactionTemplate transactions;
  private final JsonMapper json;
  private final ObservationRegistry observations;

  public EventInbox(ProcessedEvents processedEvents, TransactionTemplate transactions, JsonMapper json) {
    this(processedEvents, transactions, json, ObservationRegistry.NOOP);
  }

  public EventInbox(ProcessedEvents processedEvents, TransactionTemplate transactions, JsonMapper json,
      ObservationRegistry observations) {
    this.processedEvents = processedEvents;
    this.transactions = transactions;
    this.json = json;
    this.observations = observations;
  }

  /** Starts a set of handlers for one listener, keyed by event type. */
  public static Handlers handlers() {
    return new Handlers();
  }

  public void receive(String consumer, ConsumerRecord<String, byte[]> record, Handlers handlers) {
    String type = CloudEventHeaders.read(record.headers(), CloudEventHeaders.TYPE);
    String id = CloudEventHeaders.read(record.headers(), CloudEventHeaders.ID);
    if (type == null || id == null) {
      throw new MalformedEvent("missing ce_type or ce_id at " + record.topic() + "/" + record.partition()
          + "@" + record.offset());
    }
    Handler<?> handler = handlers.byType.get(type);
    if (handler == null) {
      // Topics carry several event types; a consumer names the ones it acts on.
      log.debug("{} ignores {} {}", consumer, type, id);
      return;
    }
    UUID eventId;
    try {
      eventId = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new MalformedEvent("ce_id is not a UUID at " + record.topic() + "@" + record.offset());
    }
    String previousTraceparent = TraceContext.currentTraceparent();
    String previousRequestId = TraceContext.currentRequestId();
    // The handler's transaction is a span of its own, a child of the listener's consumer span
    // (which continues the producer's trace from the record's traceparent): in a trace it is the
    // database write the event caused, and its timer is the handling time per consumer and type.
    Observation handling = Observation.createNotStarted("rehabnet.events.handled", observations)
        .contextualName(consumer + " " + handler.eventClass().getSimpleName())
        .lowCardinalityKeyValue("consumer", consumer)
        .lowCardinalityKeyValue("event.type", type)
        .lowCardinalityKeyValue("outcome", "failed");
    handling.observe(() -> {
      // Without a tracer, the record's traceparent is continued by hand.
      String traced = TraceContext.tracedTraceparent();
      TraceContext.set(traced != null ? traced
              : TraceContext.childOf(CloudEventHeaders.read(record.headers(), CloudEventHeaders.TRACEPARENT)),
          "event-" + eventId);
      try {
        transactions.executeWithoutResult(tx -> {
          if (!processedEvents.markProcessed(consumer, eventId)) {
            handling.lowCardinalityKeyValue("outcome", "duplicate");
            log.info("{} skips duplicate {} {}", consumer, type, eventId);
            return;
          }
          handler.handle(json, record.value());
          handling.lowCardinalityKeyValue("outcome", "processed");
          log.info("{} processed {} {}", consumer, type, eventId);
        });
      } finally {
        restore(previousTraceparent, previousRequestId);
      }
    });
  }

  private static void restore(@Nullable String traceparent, @Nullable String requestId) {
    if (traceparent != null && requestId != null) {
      TraceContext.set(traceparent, requestId);
    } else {
      TraceContext.clear();
    }
  }

  /** Handlers of one listener, by the CloudEvents type of their event class. */
  public static final class Handlers {

    private final Map<String, Handler<?>> byType = new LinkedHashMap<>();

    public <T extends IntegrationEvent> Handlers on(Class<T> eventClass, Consumer<T> handler) {
      byType.put(CloudEventHeaders.typeOf(eventClass).value(), new Handler<>(eventClass, handler));
      return this;
    }
  }

  private record Handler<T>(Class<T> eventClass, Consumer<T> handler) {

    void handle(JsonMapper json, byte[] payload) {
      T event;
      try {
        event = json.readValue(payload, eventClass);
      } catch (RuntimeException e) {
        throw new MalformedEvent("payload is not a valid " + eventClass.getSimpleName() + ": "
            + e.getClass().getSimpleName());
      }
      handler.accept(event);
    }
  }

  /** An event that no retry can fix: straight to the dead-letter topic. */
  public static class MalformedEvent extends RuntimeException {
    public MalformedEvent(String message) {
      super(message);
    }
  }
}
