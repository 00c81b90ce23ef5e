package org.rehabnet.aftercare.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rehabnet.aftercare.Fixtures.count;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rehabnet.aftercare.AftercareIntegrationTest;
import org.rehabnet.aftercare.Fixtures;
import org.rehabnet.aftercare.TestClock;
import org.rehabnet.aftercare.checkin.CheckInService;
import org.rehabnet.platform.events.intake.SiteSettings;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import org.rehabnet.test.tokens.TestIdentityProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue #12, item 6: every calendar rule of aftercare counts days at the site, here America/Chicago,
 * tested at 23:30 and 00:30 local time, when the UTC date is already (or still) the next one. In June
 * Chicago is UTC-5: 23:30 on 9 June is 04:30 UTC on 10 June.
 */
@AftercareIntegrationTest
class SiteTimeZoneIntegrationTest {

  static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

  @LocalServerPort
  int port;

  @Autowired
  TestClock clock;

  @Autowired
  CheckInService checkIns;

  ApiClient api;
  final TestIdentityProvider idp = TestIdentityProvider.get();
  String site;
  String counsellor;

  @BeforeEach
  void chicagoSite() {
    api = new ApiClient("http://localhost:" + port);
    site = "tz-" + UUID.randomUUID().toString().substring(0, 8);
    Fixtures.announceSite(site, CHICAGO.getId(), SiteSettings.defaults(), 1);
    counsellor = idp.staff("counsellor-" + site, List.of("counsellor"), List.of(site));
  }

  @AfterEach
  void realTime() {
    clock.reset();
  }

  @Test
  void aDischargeAtHalfPastElevenAtNightStartsAftercareThatDayAndOneAtHalfPastMidnightTheNext() {
    UUID lateEvening = Fixtures.planFromDischarge(UUID.randomUUID(), site, local(2026, 6, 9, 23, 30));
    UUID afterMidnight = Fixtures.planFromDischarge(UUID.randomUUID(), site, local(2026, 6, 10, 0, 30));

    assertThat(plan(lateEvening).get("startsOn").asString()).isEqualTo("2026-06-09");
    assertThat(plan(afterMidnight).get("startsOn").asString()).isEqualTo("2026-06-10");
  }

  @Test
  void aCheckInAtHalfPastElevenAtNightIsForThatDayAndTheNextDayIsStillInTheFuture() {
    UUID planId = Fixtures.planFromDischarge(UUID.randomUUID(), site, local(2026, 6, 1, 12, 0));
    clock.set(local(2026, 6, 9, 23, 30));

    ApiResponse tomorrow = api.post("/v1/plans/" + planId + "/check-ins", counsellor, checkIn("2026-06-10"));
    assertThat(tomorrow.status()).as(tomorrow.body()).isEqualTo(400);
    assertThat(tomorrow.json().get("errors").get(0).get("field").asString()).isEqualTo("on");
    assertThat(count("SELECT count(*) FROM check_in WHERE plan_id = '" + planId + "'")).isZero();

    ApiResponse today = api.post("/v1/plans/" + planId + "/check-ins", counsellor, checkIn("2026-06-09"));
    assertThat(today.status()).as(today.body()).isEqualTo(201);
    assertThat(today.json().get("coversDueOn").asString()).isEqualTo("2026-06-08");

    clock.set(local(2026, 6, 10, 0, 30));
    assertThat(api.post("/v1/plans/" + planId + "/check-ins", counsellor, checkIn("2026-06-10")).status())
        .isEqualTo(201);
  }

  @Test
  void aCheckInIsMissedAtLocalMidnightAfterItsGraceDaysNotAtMidnightUtc() {
    // Due 8 June (day 7), three days of grace: missed from 12 June at the site.
    UUID planId = Fixtures.planFromDischarge(UUID.randomUUID(), site, local(2026, 6, 1, 12, 0));

    clock.set(local(2026, 6, 11, 23, 30));
    checkIns.raiseFollowUpsForMissedCheckIns();
    assertThat(missedTasks(planId)).isZero();
    assertThat(schedule(planId).get("status").get("missed")).isEmpty();

    clock.set(local(2026, 6, 12, 0, 30));
    checkIns.raiseFollowUpsForMissedCheckIns();
    assertThat(missedTasks(planId)).isEqualTo(1);
    assertThat(schedule(planId).get("status").get("missed").get(0).asString()).isEqualTo("2026-06-08");
  }

  @Test
  void theThirtyDayMilestoneIsReachedAtLocalMidnight() {
    UUID planId = Fixtures.planFromDischarge(UUID.randomUUID(), site, local(2026, 6, 1, 12, 0));

    clock.set(local(2026, 6, 30, 23, 30));
    assertThat(plan(planId).get("milestones").get(0).get("reached").asBoolean()).isFalse();
    assertThat(caseloadEntry(planId).get("milestonesReached")).isEmpty();
    assertThat(api.get("/v1/caseload?site=" + site, counsellor).json().get("today").asString())
        .isEqualTo("2026-06-30");

    clock.set(local(2026, 7, 1, 0, 30));
    assertThat(plan(planId).get("milestones").get(0).get("on").asString()).isEqualTo("2026-07-01");
    assertThat(plan(planId).get("milestones").get(0).get("reached").asBoolean()).isTrue();
    assertThat(caseloadEntry(planId).get("milestonesReached").get(0).get("days").asInt()).isEqualTo(30);
  }

  @Test
  void attendanceOfTuesdaysSessionIsRefusedOnMondayNightAndTakenJustAfterMidnight() {
    UUID planId = Fixtures.planFromDischarge(UUID.randomUUID(), site, local(2026, 5, 1, 12, 0));
    ApiResponse group = api.post("/v1/groups", counsellor, Map.of("name", "Tuesday SMART", "type", "SMART_RECOVERY",
        "site", site, "facilitator", "F. Acilitator", "capacity", 12, "schedule", Map.of("dayOfWeek", "TUESDAY",
            "startsAt", "18:00", "durationMinutes", 90, "everyWeeks", 1, "firstSessionOn", "2026-05-05")));
    assertThat(group.status()).as(group.body()).isEqualTo(201);
    String groupId = group.json().get("groupId").asString();
    UUID patientId = UUID.fromString(api.post("/v1/groups/" + groupId + "/enrolments", counsellor,
        Map.of("planId", planId)).json().get("patientId").asString());
    String sessionId = api.post("/v1/groups/" + groupId + "/sessions", counsellor, Map.of("date", "2026-06-09"))
        .json().get("sessionId").asString();
    Map<String, Object> present = Map.of("attendance", List.of(Map.of("patientId", patientId, "status", "PRESENT")));

    clock.set(local(2026, 6, 8, 23, 30));
    ApiResponse early = api.post("/v1/groups/" + groupId + "/sessions/" + sessionId + "/attendance", counsellor,
        present);
    assertThat(early.status()).as(early.body()).isEqualTo(422);
    assertThat(early.json().get("rule").asString()).isEqualTo("attendance-after-session");
    assertThat(api.get("/v1/groups/" + groupId, counsellor).json().get("nextSessions").get(0).asString())
        .isEqualTo("2026-06-09");

    clock.set(local(2026, 6, 9, 0, 30));
    assertThat(api.post("/v1/groups/" + groupId + "/sessions/" + sessionId + "/attendance", counsellor, present)
        .status()).isEqualTo(200);
  }

  private static Instant local(int year, int month, int day, int hour, int minute) {
    return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, CHICAGO).toInstant();
  }

  private JsonNode plan(UUID planId) {
    ApiResponse response = api.get("/v1/plans/" + planId, counsellor);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private JsonNode schedule(UUID planId) {
    return api.get("/v1/plans/" + planId + "/check-in-schedule", counsellor).json();
  }

  private JsonNode caseloadEntry(UUID planId) {
    return api.get("/v1/caseload?site=" + site, counsellor).json().get("entries").valueStream()
        .filter(e -> e.get("planId").asString().equals(planId.toString())).findFirst().orElseThrow();
  }

  private static long missedTasks(UUID planId) {
    return count("SELECT count(*) FROM follow_up_task WHERE plan_id = '" + planId + "' AND reason = 'MISSED_CHECK_IN'");
  }

  private static Map<String, Object> checkIn(String on) {
    return Map.of("on", on, "cravings", 2, "usedSinceLastCheckIn", false, "mood", "OK", "housing", "STABLE",
        "employment", "EMPLOYED");
  }
}
