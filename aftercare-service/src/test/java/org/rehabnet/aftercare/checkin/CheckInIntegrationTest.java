package org.rehabnet.aftercare.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rehabnet.aftercare.Fixtures.count;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rehabnet.aftercare.AftercareIntegrationTest;
import org.rehabnet.aftercare.Fixtures;
import org.rehabnet.aftercare.TestClock;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import org.rehabnet.test.tokens.TestIdentityProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@AftercareIntegrationTest
class CheckInIntegrationTest {

  @LocalServerPort
  int port;

  @Autowired
  TestClock clock;

  @Autowired
  CheckInService checkIns;

  ApiClient api;
  final TestIdentityProvider idp = TestIdentityProvider.get();
  final String counsellorWest = idp.staff("counsellor-west", List.of("counsellor"), List.of("west"));

  @BeforeEach
  void client() {
    api = new ApiClient("http://localhost:" + port);
  }

  @AfterEach
  void realTime() {
    clock.reset();
  }

  @Test
  void cravingsOf11AreRefusedNamingTheFieldAndNothingIsStored() {
    UUID planId = Fixtures.planFromDischarge(UUID.randomUUID(), "west", Instant.now());
    long before = count("SELECT (SELECT count(*) FROM check_in) + (SELECT count(*) FROM event_publication)");

    ApiResponse refused = api.post("/v1/plans/" + planId + "/check-ins", counsellorWest,
        checkIn(LocalDate.now(ZoneOffset.UTC), 11));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.isProblem()).isTrue();
    assertThat(refused.json().get("type").asString()).isEqualTo("https://rehabnet.example/problems/validation");
    assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("cravings");
    assertThat(count("SELECT (SELECT count(*) FROM check_in) + (SELECT count(*) FROM event_publication)"))
        .isEqualTo(before);
  }

  @Test
  void missedCheckInsBecomeFollowUpTasksOnceAndShowInTheCaseload() {
    Instant now = Instant.now();
    LocalDate start = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(35);
    UUID planId = Fixtures.planFromDischarge(UUID.randomUUID(), "west", start.atStartOfDay().toInstant(ZoneOffset.UTC));
    ApiResponse first = api.post("/v1/plans/" + planId + "/check-ins", counsellorWest, checkIn(start.plusDays(8), 4));
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.json().get("coversDueOn").asString()).isEqualTo(start.plusDays(7).toString());

    clock.set(start.plusDays(16).atStartOfDay().toInstant(ZoneOffset.UTC));
    checkIns.raiseFollowUpsForMissedCheckIns();
    assertThat(followUps(planId)).isEmpty();

    clock.set(start.plusDays(18).atStartOfDay().toInstant(ZoneOffset.UTC));
    checkIns.raiseFollowUpsForMissedCheckIns();
    checkIns.raiseFollowUpsForMissedCheckIns();
    assertThat(followUps(planId)).hasSize(1);
    assertThat(followUps(planId).get(0).get("checkInDueOn").asString()).isEqualTo(start.plusDays(14).toString());

    clock.set(now);
    checkIns.raiseFollowUpsForMissedCheckIns();
    assertThat(count("SELECT count(*) FROM follow_up_task WHERE plan_id = '" + planId
        + "' AND reason = 'MISSED_CHECK_IN'")).isEqualTo(3);

    JsonNode caseload = api.get("/v1/caseload?site=west", counsellorWest).json();
    JsonNode entry = caseload.get("entries").valueStream()
        .filter(e -> e.get("planId").asString().equals(planId.toString())).findFirst().orElseThrow();
    assertThat(entry.get("missedCheckIns")).hasSize(3);
    assertThat(entry.get("openFollowUps").asInt()).isEqualTo(3);
    assertThat(entry.get("nextCheckInDueOn").asString()).isEqualTo(start.plusMonths(2).toString());
    assertThat(entry.get("milestonesReached")).hasSize(1);
    assertThat(api.get("/v1/caseload?site=west", idp.staff("c-north", List.of("counsellor"), List.of("north")))
        .status()).isEqualTo(404);
  }

  @Test
  void aPhq9Item9AnswerAboveZeroRaisesAFollowUpAtOnce() {
    UUID planId = Fixtures.planFromDischarge(UUID.randomUUID(), "west", Instant.now().minus(Duration.ofDays(3)));

    ApiResponse recorded = api.post("/v1/plans/" + planId + "/check-ins", counsellorWest, Map.of(
        "on", LocalDate.now(ZoneOffset.UTC).toString(), "cravings", 6, "usedSinceLastCheckIn", false, "mood", "LOW",
        "phq9", List.of(1, 1, 1, 1, 1, 1, 1, 1, 1), "housing", "TEMPORARY", "employment", "UNEMPLOYED"));

    assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    assertThat(recorded.json().get("safetyAlert").asBoolean()).isTrue();
    assertThat(recorded.json().get("phq9Band").asString()).isEqualTo("MILD");
    JsonNode followUp = followUps(planId).get(0);
    assertThat(followUp.get("reason").asString()).isEqualTo("SELF_HARM_RISK");
    assertThat(api.post("/v1/plans/" + planId + "/follow-ups/" + followUp.get("taskId").asString() + "/done",
        counsellorWest, Map.of()).status()).isEqualTo(204);
    assertThat(followUps(planId)).isEmpty();
  }

  private List<JsonNode> followUps(UUID planId) {
    return api.get("/v1/plans/" + planId + "/follow-ups", counsellorWest).json().valueStream().toList();
  }

  private static Map<String, Object> checkIn(LocalDate on, int cravings) {
    return Map.of("on", on.toString(), "cravings", cravings, "usedSinceLastCheckIn", false, "mood", "OK",
        "housing", "STABLE", "employment", "EMPLOYED");
  }
}
