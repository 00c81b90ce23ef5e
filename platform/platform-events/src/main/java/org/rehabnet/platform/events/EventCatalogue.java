package org.rehabnet.platform.events;

import java.util.List;
import org.rehabnet.platform.events.intake.AdmissionRecorded;

/** Every event type of the platform; docs/events.md describes the same list for people. */
public final class EventCatalogue {

  public static final List<Class<? extends IntegrationEvent>> ALL = List.of(AdmissionRecorded.class);

  /** Where an event's JSON Schema lives on the classpath. */
  public static String schemaPath(Class<? extends IntegrationEvent> eventClass) {
    return "event-schemas/" + CloudEventHeaders.typeOf(eventClass).value() + ".json";
  }

  private EventCatalogue() {}
}
