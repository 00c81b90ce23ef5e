package org.rehabnet.aftercare.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rehabnet.aftercare.Fixtures.count;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rehabnet.aftercare.AftercareIntegrationTest;
import org.rehabnet.aftercare.Fixtures;
import org.rehabnet.platform.events.CloudEventHeaders;
import org.rehabnet.platform.events.Topics;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import org.rehabnet.test.infra.EventProbe;
import org.rehabnet.test.tokens.TestIdentityProvider;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@AftercareIntegrationTest
class SupportGroupIntegrationTest {

  @LocalServerPort
  int port;

  ApiClient api;
  final TestIdentityProvider idp = TestIdentityProvider.get();
  final String counsellor = idp.staff("counsellor-north", List.of("counsellor"), List.of("north"));
  final String counsellorSouth = idp.staff("counsellor-south", List.of("counsellor"), List.of("south"));
  /** The groups meet at north: session dates are calendar days there. */
  final LocalDate today = Fixtures.today("north");
  final LocalDate lastTuesday = today.minusDays(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY));

  @BeforeEach
  void client() {
    api = new ApiClient("http://localhost:" + port);
  }

  @Test
  void attendanceForTenPeopleIsRecordedInOneRequestAndPublishedPerPerson() {
    String groupId = group(12);
    List<UUID> patients = enrolled(groupId, 10);
    String sessionId = session(groupId, lastTuesday);

    List<Map<String, Object>> attendance = new ArrayList<>();
    for (int i = 0; i < patients.size(); i++) {
      attendance.add(Map.of("patientId", patients.get(i), "status", i < 8 ? "PRESENT" : i == 8 ? "ABSENT" : "EXCUSED"));
    }
    ApiResponse recorded = api.post("/v1/groups/" + groupId + "/sessions/" + sessionId + "/attendance", counsellor,
        Map.of("attendance", attendance));

    assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
    assertThat(recorded.json().get("attendance")).hasSize(10);
    assertThat(count("SELECT count(*) FROM session_attendance WHERE group_session = '" + sessionId + "'"))
        .isEqualTo(10);
    EventProbe.awaitRecord(Topics.AFTERCARE_ENGAGEMENT, patients.getLast().toString(), Duration.ofSeconds(30));
    var events = EventProbe.read(Topics.AFTERCARE_ENGAGEMENT, r -> new String(r.value()).contains(sessionId));
    assertThat(events).hasSize(10);
    assertThat(events).allSatisfy(event -> assertThat(EventProbe.header(event, CloudEventHeaders.TYPE))
        .isEqualTo("rehab.aftercare.AttendanceRecorded.v1"));
    assertThat(events.stream().map(e -> e.key()).distinct()).hasSize(10);
  }

  /** A register sent again after a timeout (issue #17): one answer, one record and one event per person. */
  @Test
  void aRegisterResentWithOneIdempotencyKeyIsRecordedAndPublishedOnce() {
    String groupId = group(5);
    List<UUID> patients = enrolled(groupId, 3);
    String sessionId = session(groupId, lastTuesday);
    String body = ApiClient.json(Map.of("attendance", patients.stream()
        .map(p -> Map.of("patientId", p, "status", "PRESENT")).toList()));
    String path = "/v1/groups/" + groupId + "/sessions/" + sessionId + "/attendance";
    Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

    ApiResponse first = api.send("POST", path, counsellor, body, key);
    ApiResponse retry = api.send("POST", path, counsellor, body, key);

    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(count("SELECT count(*) FROM session_attendance WHERE group_session = '" + sessionId + "'"))
        .isEqualTo(3);
    EventProbe.awaitRecord(Topics.AFTERCARE_ENGAGEMENT, patients.getLast().toString(), Duration.ofSeconds(30));
    assertThat(EventProbe.read(Topics.AFTERCARE_ENGAGEMENT, r -> new String(r.value()).contains(sessionId)))
        .as("one AttendanceRecorded per person, not per request").hasSize(3);
  }

  @Test
  void attendanceNamingSomeoneNotEnrolledIsRefusedNamingThemAndNothingIsStoredForAnyone() {
    String groupId = group(12);
    List<UUID> patients = enrolled(groupId, 2);
    String sessionId = session(groupId, lastTuesday.minusWeeks(1));
    UUID stranger = UUID.randomUUID();
    long before = count("SELECT (SELECT count(*) FROM session_attendance) + (SELECT count(*) FROM event_publication)");

    ApiResponse refused = api.post("/v1/groups/" + groupId + "/sessions/" + sessionId + "/attendance", counsellor,
        Map.of("attendance", List.of(Map.of("patientId", patients.get(0), "status", "PRESENT"),
            Map.of("patientId", stranger, "status", "PRESENT"),
            Map.of("patientId", patients.get(1), "status", "ABSENT"))));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.isProblem()).isTrue();
    JsonNode problem = refused.json();
    assertThat(problem.get("type").asString()).isEqualTo("https://rehabnet.example/problems/validation");
    assertThat(problem.get("notEnrolled").get(0).asString()).isEqualTo(stranger.toString());
    assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("attendance[1].patientId");
    assertThat(count("SELECT (SELECT count(*) FROM session_attendance) + (SELECT count(*) FROM event_publication)"))
        .isEqualTo(before);
  }

  @Test
  void aSessionOnADateOffTheScheduleIsRefusedAndNothingIsStored() {
    String groupId = group(5);
    long before = count("SELECT count(*) FROM group_session");

    ApiResponse wednesday = api.post("/v1/groups/" + groupId + "/sessions", counsellor,
        Map.of("date", lastTuesday.plusDays(1).toString()));

    assertThat(wednesday.status()).isEqualTo(422);
    assertThat(wednesday.isProblem()).isTrue();
    assertThat(wednesday.json().get("type").asString()).isEqualTo("https://rehabnet.example/problems/business-rule");
    assertThat(wednesday.json().get("rule").asString()).isEqualTo("session-on-schedule");
    assertThat(count("SELECT count(*) FROM group_session")).isEqualTo(before);

    ApiResponse schedule = api.get("/v1/groups/" + groupId + "/sessions?from=" + lastTuesday.minusWeeks(2)
        + "&to=" + lastTuesday, counsellor);
    assertThat(schedule.json()).hasSize(3);
  }

  @Test
  void groupsOfAnotherSiteAreNotFoundAndAFullGroupRefusesMore() {
    String groupId = group(1);
    enrolled(groupId, 1);
    UUID another = Fixtures.planFromDischarge(UUID.randomUUID(), "north", Instant.now());

    assertThat(api.get("/v1/groups/" + groupId, counsellorSouth).status()).isEqualTo(404);
    ApiResponse full = api.post("/v1/groups/" + groupId + "/enrolments", counsellor, Map.of("planId", another));
    assertThat(full.status()).isEqualTo(409);
    assertThat(full.json().get("rule").asString()).isEqualTo("capacity");
  }

  private String group(int capacity) {
    ApiResponse created = api.post("/v1/groups", counsellor, Map.of("name", "Tuesday SMART", "type",
        "SMART_RECOVERY", "site", "north", "facilitator", "F. Acilitator", "capacity", capacity,
        "schedule", Map.of("dayOfWeek", "TUESDAY", "startsAt", "18:00", "durationMinutes", 90, "everyWeeks", 1,
            "firstSessionOn", today.minusWeeks(10).toString())));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("groupId").asString();
  }

  private List<UUID> enrolled(String groupId, int n) {
    List<UUID> patients = new ArrayList<>();
    for (UUID planId : Fixtures.plansFromDischarges(n, "north", Instant.now())) {
      ApiResponse enrolled = api.post("/v1/groups/" + groupId + "/enrolments", counsellor, Map.of("planId", planId));
      assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(200);
      patients.add(UUID.fromString(enrolled.json().get("patientId").asString()));
    }
    return patients;
  }

  private String session(String groupId, LocalDate date) {
    ApiResponse session = api.post("/v1/groups/" + groupId + "/sessions", counsellor, Map.of("date", date.toString()));
    assertThat(session.status()).as(session.body()).isEqualTo(200);
    return session.json().get("sessionId").asString();
  }
}
