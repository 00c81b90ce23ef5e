package org.rehabnet.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.rehabnet.platform.events.intake.AdmissionRecorded;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON each event puts on the wire must satisfy its published schema, so a change that would
 * break consumers (a renamed or dropped field, a changed type) fails the build here.
 */
class EventContractTest {

  static final Map<Class<? extends IntegrationEvent>, IntegrationEvent> SAMPLES = Map.of(
      AdmissionRecorded.class, new AdmissionRecorded(metadata(), UUID.randomUUID(), UUID.randomUUID(),
          "north", "N-101", Instant.parse("2026-11-28T10:15:30Z"), 7));

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
      builder -> builder.schemaIdResolvers(ids -> ids.mapPrefix("https://rehabnet.example/events/",
          "classpath:event-schemas/")));

  static final java.util.List<Class<? extends IntegrationEvent>> eventClasses = EventCatalogue.ALL;

  @ParameterizedTest
  @FieldSource("eventClasses")
  void everyCatalogueEventHasASampleThatSatisfiesItsSchema(Class<? extends IntegrationEvent> eventClass) {
    IntegrationEvent sample = SAMPLES.get(eventClass);
    assertThat(sample).as("a sample of %s in this test", eventClass.getSimpleName()).isNotNull();

    assertThat(schemaFor(eventClass).validate(JSON.valueToTree(sample))).isEmpty();
  }

  @ParameterizedTest
  @FieldSource("eventClasses")
  void schemaRejectsAPayloadMissingARequiredField(Class<? extends IntegrationEvent> eventClass) {
    ObjectNode payload = JSON.valueToTree(SAMPLES.get(eventClass));
    payload.remove("patientId");

    assertThat(schemaFor(eventClass).validate(payload)).isNotEmpty();
  }

  @ParameterizedTest
  @FieldSource("eventClasses")
  void payloadRoundTripsThroughJson(Class<? extends IntegrationEvent> eventClass) {
    IntegrationEvent sample = SAMPLES.get(eventClass);
    byte[] wire = JSON.writeValueAsBytes(sample);

    assertThat(JSON.readValue(wire, eventClass)).isEqualTo(sample);
  }

  @Test
  void headersCarryTheEventsOwnIdSoAResendIsTheSameEvent() {
    var event = (AdmissionRecorded) SAMPLES.get(AdmissionRecorded.class);

    Map<String, Object> first = CloudEventHeaders.of(event, "/rehabnet/intake-service");
    Map<String, Object> resend = CloudEventHeaders.of(event, "/rehabnet/intake-service");

    assertThat(text(first.get(CloudEventHeaders.ID))).isEqualTo(event.metadata().eventId().toString())
        .isEqualTo(text(resend.get(CloudEventHeaders.ID)));
    assertThat(text(first.get(CloudEventHeaders.TYPE))).isEqualTo("rehab.intake.AdmissionRecorded.v1");
    assertThat(text(first.get(CloudEventHeaders.SPEC_VERSION))).isEqualTo("1.0");
    assertThat(text(first.get(CloudEventHeaders.TIME))).isEqualTo("2026-11-28T10:15:30Z");
    assertThat(text(first.get(CloudEventHeaders.SOURCE))).isEqualTo("/rehabnet/intake-service");
    assertThat(text(first.get(CloudEventHeaders.TRACEPARENT)))
        .isEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
  }

  private static Schema schemaFor(Class<? extends IntegrationEvent> eventClass) {
    String id = "https://rehabnet.example/events/" + CloudEventHeaders.typeOf(eventClass).value() + ".json";
    return SCHEMAS.getSchema(SchemaLocation.of(id));
  }

  private static EventMetadata metadata() {
    return new EventMetadata(UUID.randomUUID(), Instant.parse("2026-11-28T10:15:30Z"), 1,
        "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
  }

  private static String text(Object header) {
    return new String((byte[]) header, StandardCharsets.UTF_8);
  }

}
