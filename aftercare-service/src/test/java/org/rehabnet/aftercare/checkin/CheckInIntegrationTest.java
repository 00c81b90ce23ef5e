package org.rehabnet.aftercare.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rehabnet.aftercare.Fixtures.count;
import static org.rehabnet.aftercare.Fixtures.string;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rehabnet.aftercare.AftercareIntegrationTest;
import org.rehabnet.aftercare.Fixtures;
import org.rehabnet.aftercare.TestClock;
import org.rehabnet.aftercare.plan.PlanLookup;
import org.rehabnet.aftercare.plan.PlanRef;
import org.rehabnet.aftercare.relapse.Reengagement;
import org.rehabnet.platform.events.CloudEventHeaders;
import org.rehabnet.platform.events.Topics;
import org.rehabnet.platform.events.clinical.Substance;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import org.rehabnet.test.infra.EventProbe;
import org.rehabnet.test.tokens.TestIdentityProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@AftercareIntegrationTest
class CheckInIntegrationTest {

  @LocalServerPort
  int port;

  @Autowired
  TestClock clock;

  @Autowired
  CheckInService checkIns;

  @Autowired
  Reengagement reengagement;

  @Autowired
  PlanLookup plans;

  @Autowired
  MissedCheckInScheduler scheduler;

  @Autowired
  JdbcClient jdbc;

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
        checkIn(Fixtures.today("west"), 11));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.isProblem()).isTrue();
    assertThat(refused.json().get("type").asString()).isEqualTo("https://rehabnet.example/problems/validation");
    assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("cravings");
    assertThat(count("SELECT (SELECT count(*) FROM check_in) + (SELECT count(*) FROM event_publication)"))
        .isEqualTo(before);
  }

  /** A check-in sent again after a timeout (issue #17) is one check-in with one answer. */
  @Test
  void aCheckInResentWithOneIdempotencyKeyIsRecordedOnce() {
    UUID planId = Fixtures.planFromDischarge(UUID.randomUUID(), "west", Instant.now().minus(Duration.ofDays(9)));
    String body = ApiClient.json(checkIn(Fixtures.today("west"), 3));
    Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

    ApiResponse first = api.send("POST", "/v1/plans/" + planId + "/check-ins", counsellorWest, body, key);
    ApiResponse retry = api.send("POST", "/v1/plans/" + planId + "/check-ins", counsellorWest, body, key);

    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(count("SELECT count(*) FROM check_in WHERE plan_id = '" + planId + "'")).isEqualTo(1);
  }

  @Test
  void missedCheckInsBecomeFollowUpTasksOnceAndShowInTheCaseload() {
    Instant now = Instant.now();
    ZoneId west = Fixtures.zone("west");
    LocalDate start = LocalDate.ofInstant(now, west).minusDays(35);
    UUID planId = Fixtures.planFromDischarge(UUID.randomUUID(), "west", start.atStartOfDay(west).toInstant());
    ApiResponse first = api.post("/v1/plans/" + planId + "/check-ins", counsellorWest, checkIn(start.plusDays(8), 4));
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.json().get("coversDueOn").asString()).isEqualTo(start.plusDays(7).toString());

    clock.set(start.plusDays(16).atStartOfDay(west).toInstant());
    checkIns.raiseFollowUpsForMissedCheckIns();
    assertThat(followUps(planId)).isEmpty();

    clock.set(start.plusDays(18).atStartOfDay(west).toInstant());
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
  void whileAnotherInstanceHoldsTheHoursTickThisOneRaisesNothingAndTheNextTickDoes() {
    ZoneId west = Fixtures.zone("west");
    LocalDate start = LocalDate.ofInstant(Instant.now(), west).minusDays(20);
    UUID planId = Fixtures.planFromDischarge(UUID.randomUUID(), "west", start.atStartOfDay(west).toInstant());
    // A second aftercare instance has taken this hour's tick (ShedLock's row, on the database clock).
    jdbc.sql("DELETE FROM shedlock WHERE name = 'aftercare.missed-check-ins'").update();
    jdbc.sql("INSERT INTO shedlock (name, lock_until, locked_at, locked_by) "
        + "VALUES ('aftercare.missed-check-ins', now() + interval '1 minute', now(), 'aftercare-2')").update();

    scheduler.detect();
    assertThat(followUps(planId)).as("the tick belongs to the other instance").isEmpty();

    jdbc.sql("UPDATE shedlock SET lock_until = now() - interval '1 second' "
        + "WHERE name = 'aftercare.missed-check-ins'").update();
    scheduler.detect();
    assertThat(followUps(planId)).as("the check-ins due on days 7 and 14 were missed").hasSize(2);
    assertThat(string("SELECT locked_by FROM shedlock WHERE name = 'aftercare.missed-check-ins'"))
        .isNotEqualTo("aftercare-2");
  }

  @Test
  void aPhq9Item9AnswerAboveZeroRaisesAFollowUpAtOnce() {
    UUID planId = Fixtures.planFromDischarge(UUID.randomUUID(), "west", Instant.now().minus(Duration.ofDays(3)));

    ApiResponse recorded = api.post("/v1/plans/" + planId + "/check-ins", counsellorWest, Map.of(
        "on", Fixtures.today("west").toString(), "cravings", 6, "usedSinceLastCheckIn", false, "mood", "LOW",
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

  @Test
  void everyPositiveItem9GetsItsOwnUrgentTaskEvenAfterTheMorningsTaskWasClosed() {
    UUID planId = Fixtures.planFromDischarge(UUID.randomUUID(), "west", Instant.now().minus(Duration.ofDays(3)));
    String today = Fixtures.today("west").toString();

    ApiResponse morning = api.post("/v1/plans/" + planId + "/check-ins", counsellorWest, phq9CheckIn(today, 1));
    assertThat(morning.status()).as(morning.body()).isEqualTo(201);
    JsonNode first = followUps(planId).get(0);
    assertThat(api.post("/v1/plans/" + planId + "/follow-ups/" + first.get("taskId").asString() + "/done",
        counsellorWest, Map.of()).status()).isEqualTo(204);
    assertThat(followUps(planId)).isEmpty();

    ApiResponse afternoon = api.post("/v1/plans/" + planId + "/check-ins", counsellorWest, phq9CheckIn(today, 2));

    assertThat(afternoon.status()).as(afternoon.body()).isEqualTo(201);
    List<JsonNode> open = followUps(planId);
    assertThat(open).hasSize(1);
    assertThat(open.get(0).get("reason").asString()).isEqualTo("SELF_HARM_RISK");
    assertThat(open.get(0).get("urgent").asBoolean()).isTrue();
    assertThat(open.get(0).get("checkInId").asString()).isEqualTo(afternoon.json().get("checkInId").asString());
    assertThat(count("SELECT count(*) FROM follow_up_task WHERE plan_id = '" + planId
        + "' AND reason = 'SELF_HARM_RISK'")).isEqualTo(2);
    // Each answer also reaches the counsellor's and the clinical lead's alert worklist.
    assertThat(count("SELECT count(*) FROM aftercare_alert WHERE plan_id = '" + planId
        + "' AND reason = 'SELF_HARM_RISK' AND severity = 'HIGH'")).isEqualTo(2);
    JsonNode alerts = api.get("/v1/alerts?site=west", counsellorWest).json();
    assertThat(alerts.get("alerts").valueStream()
        .filter(e -> e.get("alert").get("planId").asString().equals(planId.toString()))).hasSize(2);
  }

  @Test
  void aCheckInReportingUseStartsReengagementOnceEvenWhenTheTriggerIsRepeated() {
    UUID patientId = UUID.randomUUID();
    UUID planId = Fixtures.planFromDischarge(patientId, "west", Instant.now().minus(Duration.ofDays(12)));
    LocalDate today = Fixtures.today("west");

    ApiResponse recorded = api.post("/v1/plans/" + planId + "/check-ins", counsellorWest, Map.of(
        "on", today.toString(), "cravings", 8, "usedSinceLastCheckIn", true, "substanceUsed", "HEROIN",
        "mood", "LOW", "housing", "TEMPORARY", "employment", "UNEMPLOYED"));

    assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    String reportId = recorded.json().get("relapseReportId").asString();
    String checkInId = recorded.json().get("checkInId").asString();
    JsonNode relapses = api.get("/v1/plans/" + planId + "/relapses", counsellorWest).json();
    assertThat(relapses).hasSize(1);
    JsonNode report = relapses.get(0);
    assertThat(report.get("reportId").asString()).isEqualTo(reportId);
    assertThat(report.get("source").asString()).isEqualTo("CHECK_IN");
    assertThat(report.get("sourceRecordId").asString()).isEqualTo(checkInId);
    assertThat(report.get("substance").asString()).isEqualTo("HEROIN");
    assertThat(report.get("occurredOn").asString()).isEqualTo(today.toString());
    assertThat(Instant.parse(report.get("outreachDueAt").asString()))
        .isEqualTo(Instant.parse(report.get("reportedAt").asString()).plus(Duration.ofHours(24)));
    JsonNode plan = api.get("/v1/plans/" + planId, counsellorWest).json();
    assertThat(plan.get("relapseCount").asInt()).isEqualTo(1);
    assertThat(plan.get("lastRelapseOn").asString()).isEqualTo(today.toString());

    // The same trigger again (a retry of the work, a redelivery): the report already filed is the answer.
    PlanRef ref = plans.find(planId).orElseThrow();
    assertThat(reengagement.useReportedAtCheckIn(ref, UUID.fromString(checkInId), Substance.HEROIN, today, "retry"))
        .isEqualTo(UUID.fromString(reportId));
    assertThat(count("SELECT count(*) FROM relapse_report WHERE plan_id = '" + planId + "'")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM outreach_task WHERE plan_id = '" + planId + "'")).isEqualTo(1);
    assertThat(count("SELECT relapse_count FROM aftercare_plan WHERE id = '" + planId + "'")).isEqualTo(1);

    EventProbe.awaitRecord(Topics.AFTERCARE_ENGAGEMENT, patientId.toString(), Duration.ofSeconds(30));
    var events = EventProbe.read(Topics.AFTERCARE_ENGAGEMENT, r -> patientId.toString().equals(r.key())
        && "rehab.aftercare.RelapseReported.v1".equals(EventProbe.header(r, CloudEventHeaders.TYPE)));
    assertThat(events).hasSize(1);
    assertThat(new String(events.getFirst().value())).contains("\"source\":\"CHECK_IN\"")
        .contains("\"substance\":\"HEROIN\"");
  }

  @Test
  void useReportedWithoutWhatWasUsedIsRefusedAndNothingIsStored() {
    UUID planId = Fixtures.planFromDischarge(UUID.randomUUID(), "west", Instant.now().minus(Duration.ofDays(3)));
    long before = count("SELECT (SELECT count(*) FROM check_in WHERE plan_id = '" + planId
        + "') + (SELECT count(*) FROM relapse_report WHERE plan_id = '" + planId + "')");

    ApiResponse refused = api.post("/v1/plans/" + planId + "/check-ins", counsellorWest, Map.of(
        "on", Fixtures.today("west").toString(), "cravings", 8, "usedSinceLastCheckIn", true, "mood", "LOW",
        "housing", "STABLE", "employment", "EMPLOYED"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("substanceUsed");
    assertThat(count("SELECT (SELECT count(*) FROM check_in WHERE plan_id = '" + planId
        + "') + (SELECT count(*) FROM relapse_report WHERE plan_id = '" + planId + "')")).isEqualTo(before);
  }

  private static Map<String, Object> phq9CheckIn(String on, int item9) {
    return Map.of("on", on, "cravings", 3, "usedSinceLastCheckIn", false, "mood", "LOW",
        "phq9", List.of(1, 1, 0, 1, 0, 1, 0, 0, item9), "housing", "STABLE", "employment", "EMPLOYED");
  }

  private List<JsonNode> followUps(UUID planId) {
    return api.get("/v1/plans/" + planId + "/follow-ups", counsellorWest).json().valueStream().toList();
  }

  private static Map<String, Object> checkIn(LocalDate on, int cravings) {
    return Map.of("on", on.toString(), "cravings", cravings, "usedSinceLastCheckIn", false, "mood", "OK",
        "housing", "STABLE", "employment", "EMPLOYED");
  }
}
