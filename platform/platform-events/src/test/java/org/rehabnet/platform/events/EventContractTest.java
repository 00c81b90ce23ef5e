package org.rehabnet.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.rehabnet.platform.events.aftercare.AftercarePlanCreated;
import org.rehabnet.platform.events.aftercare.AttendanceRecorded;
import org.rehabnet.platform.events.aftercare.ReadmissionRequested;
import org.rehabnet.platform.events.aftercare.RelapseReported;
import org.rehabnet.platform.events.clinical.AlertKind;
import org.rehabnet.platform.events.clinical.AlertSeverity;
import org.rehabnet.platform.events.clinical.DependenceSeverity;
import org.rehabnet.platform.events.clinical.RiskFlag;
import org.rehabnet.platform.events.clinical.RouteOfUse;
import org.rehabnet.platform.events.clinical.Substance;
import org.rehabnet.platform.events.clinical.UdsFlag;
import org.rehabnet.platform.events.intake.AdmissionRecorded;
import org.rehabnet.platform.events.intake.BedReleased;
import org.rehabnet.platform.events.intake.ConsentGranted;
import org.rehabnet.platform.events.intake.ConsentRevoked;
import org.rehabnet.platform.events.intake.PatientDetailsCorrected;
import org.rehabnet.platform.events.intake.PatientRegistered;
import org.rehabnet.platform.events.intake.SiteConfigured;
import org.rehabnet.platform.events.intake.SiteSettings;
import org.rehabnet.platform.events.monitoring.ClinicalAlertRaised;
import org.rehabnet.platform.events.monitoring.PatientDischarged;
import org.rehabnet.platform.events.monitoring.WithdrawalAssessed;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON each event puts on the wire must satisfy its published schema, so a change that would
 * break consumers (a renamed or dropped field, a changed type) fails the build here.
 */
class EventContractTest {

  static final UUID PATIENT = UUID.randomUUID();
  static final Instant AT = Instant.parse("2026-11-28T10:15:30Z");
  static final LocalDate ON = LocalDate.parse("2026-11-28");

  static final Map<Class<? extends IntegrationEvent>, IntegrationEvent> SAMPLES = Map.ofEntries(
      Map.entry(PatientRegistered.class, new PatientRegistered(metadata(), PATIENT, "RN-0000001", "Alex", "Doe",
          LocalDate.parse("1990-04-01"), "female", "north")),
      Map.entry(PatientDetailsCorrected.class, new PatientDetailsCorrected(metadata(), PATIENT, "RN-0000001", "Alex",
          "Doe", LocalDate.parse("1990-04-02"), "female", AT)),
      Map.entry(AdmissionRecorded.class, new AdmissionRecorded(metadata(), UUID.randomUUID(), PATIENT, "north",
          "N-101", AT, 7, DependenceSeverity.SEVERE,
          List.of(new AdmissionRecorded.SubstanceUse(Substance.HEROIN, RouteOfUse.INJECTED, AT)),
          Set.of(UdsFlag.FENTANYL_POSITIVE), Set.of(RiskFlag.DEPRESSION), UUID.randomUUID())),
      Map.entry(BedReleased.class, new BedReleased(metadata(), UUID.randomUUID(), PATIENT, "north", "N-101", AT)),
      Map.entry(ConsentGranted.class, new ConsentGranted(metadata(), UUID.randomUUID(), PATIENT, "north",
          "PARTNER_ORGANISATION", "harbor-house", "RECOVERY_SUPPORT", Set.of("AFTERCARE_PLAN"), ON, AT, AT)),
      Map.entry(ConsentRevoked.class, new ConsentRevoked(metadata(), UUID.randomUUID(), PATIENT, AT)),
      Map.entry(SiteConfigured.class, new SiteConfigured(metadata(), "north", "RehabNet North", "Europe/London",
          true, SiteSettings.defaults(), "admin-north", AT)),
      Map.entry(WithdrawalAssessed.class, new WithdrawalAssessed(metadata(), UUID.randomUUID(), PATIENT, "north",
          14, "MODERATE", AT)),
      Map.entry(ClinicalAlertRaised.class, new ClinicalAlertRaised(metadata(), UUID.randomUUID(), UUID.randomUUID(),
          PATIENT, "north", AlertKind.RESPIRATORY_DEPRESSION, AlertSeverity.HIGH, AT)),
      Map.entry(PatientDischarged.class, new PatientDischarged(metadata(), UUID.randomUUID(), UUID.randomUUID(),
          PATIENT, "north", "N-101", AT, AT, "COMPLETED", true, true, "BUPRENORPHINE_MAINTENANCE", "Harbor Clinic", 3)),
      Map.entry(AftercarePlanCreated.class, new AftercarePlanCreated(metadata(), UUID.randomUUID(), PATIENT, "north",
          UUID.randomUUID(), "counsellor-north", "BUPRENORPHINE_MAINTENANCE", ON, AT)),
      Map.entry(AttendanceRecorded.class, new AttendanceRecorded(metadata(), UUID.randomUUID(), UUID.randomUUID(),
          PATIENT, ON, "PRESENT")),
      Map.entry(RelapseReported.class, new RelapseReported(metadata(), UUID.randomUUID(), UUID.randomUUID(), PATIENT,
          "north", "LAPSE", Substance.HEROIN, ON, true, true, "EMERGENCY", "CHECK_IN", AT)),
      Map.entry(ReadmissionRequested.class, new ReadmissionRequested(metadata(), UUID.randomUUID(), UUID.randomUUID(),
          PATIENT, "north", UUID.randomUUID(), UUID.randomUUID(), "URGENT", AT)));

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
    // Every event is about a patient, except a site's own settings.
    payload.remove(eventClass == SiteConfigured.class ? "site" : "patientId");
    assertThat(schemaFor(eventClass).validate(payload)).isNotEmpty();

    payload = JSON.valueToTree(SAMPLES.get(eventClass));
    payload.remove("metadata");

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
    var event = new AdmissionRecorded(metadata(), UUID.randomUUID(), PATIENT, "north", null, AT, 7);

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
