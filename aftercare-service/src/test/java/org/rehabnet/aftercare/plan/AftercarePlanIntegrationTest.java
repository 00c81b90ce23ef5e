package org.rehabnet.aftercare.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rehabnet.aftercare.Fixtures.count;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rehabnet.aftercare.AftercareIntegrationTest;
import org.rehabnet.aftercare.Fixtures;
import org.rehabnet.platform.events.CloudEventHeaders;
import org.rehabnet.platform.events.Topics;
import org.rehabnet.platform.events.monitoring.PatientDischarged;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import org.rehabnet.test.infra.EventProbe;
import org.rehabnet.test.tokens.TestIdentityProvider;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@AftercareIntegrationTest
class AftercarePlanIntegrationTest {

  @LocalServerPort
  int port;

  ApiClient api;
  final TestIdentityProvider idp = TestIdentityProvider.get();
  final String counsellorNorth = idp.staff("counsellor-north", List.of("counsellor"), List.of("north"));
  final String nurseNorth = idp.staff("nurse-north", List.of("nurse"), List.of("north"));
  final String counsellorSouth = idp.staff("counsellor-south", List.of("counsellor"), List.of("south"));
  final String lead = idp.staff("lead", List.of("clinical-lead"), List.of());

  @BeforeEach
  void client() {
    api = new ApiClient("http://localhost:" + port);
  }

  @Test
  void patientDischargedOpensOnePlanPerEpisodeAndPublishesAftercarePlanCreated() {
    UUID patientId = UUID.randomUUID();
    Instant dischargedAt = Instant.now().minus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    PatientDischarged discharge = Fixtures.discharge(patientId, "north", dischargedAt);

    Fixtures.publish(Topics.MONITORING_EPISODES, discharge, "/rehabnet/monitoring-service");
    // A redelivery with a new event id (a replay from the dead-letter topic) must not open a second plan.
    Fixtures.publish(Topics.MONITORING_EPISODES, new PatientDischarged(
        org.rehabnet.platform.events.EventMetadata.next(Instant.now(), 5), discharge.episodeId(),
        discharge.admissionId(), patientId, "north", "B-1", discharge.admittedAt(), dischargedAt, "COMPLETED", true,
        true, "BUPRENORPHINE_MAINTENANCE", "North Street Clinic", 3), "/rehabnet/monitoring-service");

    var record = EventProbe.awaitRecord(Topics.AFTERCARE_PLANS, patientId.toString(), Duration.ofSeconds(30));
    assertThat(EventProbe.header(record, CloudEventHeaders.TYPE)).isEqualTo("rehab.aftercare.AftercarePlanCreated.v1");
    assertThat(EventProbe.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/rehabnet/aftercare-service");
    assertThat(EventProbe.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
    assertThat(EventProbe.header(record, CloudEventHeaders.ID)).isNotBlank();
    assertThat(EventProbe.header(record, CloudEventHeaders.TIME)).isNotBlank();
    assertThat(EventProbe.header(record, "traceparent")).isNotBlank();
    String payload = new String(record.value());
    assertThat(payload).contains(discharge.episodeId().toString()).contains("BUPRENORPHINE_MAINTENANCE");
    assertThat(count("SELECT count(*) FROM aftercare_plan WHERE episode_id = '" + discharge.episodeId() + "'"))
        .isEqualTo(1);

    UUID planId = UUID.fromString(Fixtures.string(
        "SELECT id::text FROM aftercare_plan WHERE episode_id = '" + discharge.episodeId() + "'"));
    JsonNode plan = api.get("/v1/plans/" + planId, counsellorNorth).json();
    // The plan starts on the calendar day of the discharge at the site (north: New York).
    LocalDate start = LocalDate.ofInstant(dischargedAt, Fixtures.zone("north"));
    assertThat(plan.get("startsOn").asString()).isEqualTo(start.toString());
    assertThat(plan.get("naloxoneStatus").asString()).isEqualTo("PROVIDED");
    assertThat(plan.get("medicationPlan").asString()).isEqualTo("BUPRENORPHINE_MAINTENANCE");
    assertThat(plan.get("status").asString()).isEqualTo("OPEN");
    JsonNode milestones = plan.get("milestones");
    assertThat(milestones.get(0).get("on").asString()).isEqualTo(start.plusDays(30).toString());
    assertThat(milestones.get(0).get("reached").asBoolean()).isTrue();
    assertThat(milestones.get(1).get("on").asString()).isEqualTo(start.plusDays(90).toString());
    assertThat(milestones.get(1).get("reached").asBoolean()).isFalse();
    assertThat(EventProbe.read(Topics.AFTERCARE_PLANS, r -> patientId.toString().equals(r.key()))).hasSize(1);
  }

  @Test
  void nursesReadTheSummaryOtherSitesGetNotFoundAndTheLeadReadsAll() {
    UUID planId = Fixtures.planFromDischarge(UUID.randomUUID(), "north", Instant.now());

    ApiResponse summary = api.get("/v1/plans/" + planId + "/summary", nurseNorth);
    assertThat(summary.status()).isEqualTo(200);
    assertThat(summary.json().has("goals")).isFalse();
    assertThat(api.get("/v1/plans/" + planId, nurseNorth).status()).isEqualTo(403);
    ApiResponse otherSite = api.get("/v1/plans/" + planId + "/summary", counsellorSouth);
    assertThat(otherSite.status()).isEqualTo(404);
    assertThat(otherSite.json().get("type").asString()).endsWith("/not-found");
    assertThat(api.get("/v1/plans/" + planId, lead).status()).isEqualTo(200);
    assertThat(count("SELECT count(*) FROM audit_event WHERE resource_type = 'AftercarePlanSummary' AND resource_id = '"
        + planId + "' AND outcome = 'SUCCESS'")).isEqualTo(1);
  }

  @Test
  void aCounsellorOpensAPlanByHandForAKnownOutpatientAndRevisesIt() {
    UUID patientId = Fixtures.registeredPatient("north");

    ApiResponse created = api.post("/v1/plans", counsellorNorth, Map.of("patientId", patientId, "site", "north",
        "counsellor", "counsellor-north", "medicationPlan", "XR_NALTREXONE", "naloxoneStatus", "PROVIDED",
        "overdoseEducation", true, "goals", List.of("Return to work"), "relapsePrevention",
        List.of("Avoid old contacts")));

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String planId = created.json().get("planId").asString();
    assertThat(created.json().get("goals").get(0).asString()).isEqualTo("Return to work");
    EventProbe.awaitRecord(Topics.AFTERCARE_PLANS, patientId.toString(), Duration.ofSeconds(30));

    long version = created.json().get("version").asLong();
    ApiResponse revised = api.send("PUT", "/v1/plans/" + planId, counsellorNorth, json(Map.of("version", version,
        "goals", List.of("Return to work", "Reconnect with family"), "relapsePrevention", List.of(),
        "naloxoneStatus", "ALREADY_HAS")), Map.of());
    assertThat(revised.status()).as(revised.body()).isEqualTo(200);
    assertThat(revised.json().get("goals")).hasSize(2);
    ApiResponse stale = api.send("PUT", "/v1/plans/" + planId, counsellorNorth, json(Map.of("version", version,
        "goals", List.of(), "relapsePrevention", List.of(), "naloxoneStatus", "ALREADY_HAS")), Map.of());
    assertThat(stale.status()).isEqualTo(412);
  }

  @Test
  void aPlanForAnUnknownPatientIsNotFoundAndNothingIsStoredOrEmitted() {
    long before = count("SELECT (SELECT count(*) FROM aftercare_plan) + (SELECT count(*) FROM event_publication)");

    ApiResponse response = api.post("/v1/plans", counsellorNorth, Map.of("patientId", UUID.randomUUID(),
        "site", "north", "medicationPlan", "NONE", "naloxoneStatus", "DECLINED", "overdoseEducation", true));

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.isProblem()).isTrue();
    assertThat(response.json().get("type").asString()).isEqualTo("https://rehabnet.example/problems/not-found");
    assertThat(response.json().get("detail").asString()).startsWith("unknown patient");
    assertThat(count("SELECT (SELECT count(*) FROM aftercare_plan) + (SELECT count(*) FROM event_publication)"))
        .isEqualTo(before);
  }

  @Test
  void individualCounsellingNotesAreReadOnlyByCounsellorsOfThePatientsSite() {
    UUID planId = Fixtures.planFromDischarge(UUID.randomUUID(), "north", Instant.now());

    assertThat(api.post("/v1/plans/" + planId + "/counselling-notes", counsellorNorth,
        Map.of("text", "Talked about triggers at work")).status()).isEqualTo(201);

    assertThat(api.get("/v1/plans/" + planId + "/counselling-notes", counsellorNorth).json()).hasSize(1);
    assertThat(api.get("/v1/plans/" + planId + "/counselling-notes", counsellorSouth).status()).isEqualTo(404);
    assertThat(api.get("/v1/plans/" + planId + "/counselling-notes", lead).status()).isEqualTo(403);
    assertThat(api.get("/v1/plans/" + planId + "/counselling-notes", nurseNorth).status()).isEqualTo(403);
  }

  private static String json(Object body) {
    return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body);
  }
}
