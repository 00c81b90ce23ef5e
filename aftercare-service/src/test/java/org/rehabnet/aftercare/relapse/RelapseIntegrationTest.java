package org.rehabnet.aftercare.relapse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rehabnet.aftercare.Fixtures.count;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rehabnet.aftercare.AftercareIntegrationTest;
import org.rehabnet.aftercare.Fixtures;
import org.rehabnet.aftercare.TestClock;
import org.rehabnet.platform.events.CloudEventHeaders;
import org.rehabnet.platform.events.Topics;
import org.rehabnet.platform.events.intake.SiteSettings;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import org.rehabnet.test.infra.EventProbe;
import org.rehabnet.test.tokens.TestIdentityProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@AftercareIntegrationTest
class RelapseIntegrationTest {

  @LocalServerPort
  int port;

  @Autowired
  TestClock clock;

  ApiClient api;
  final TestIdentityProvider idp = TestIdentityProvider.get();
  final String counsellor = idp.staff("counsellor-north", List.of("counsellor"), List.of("north"));
  final String counsellorSouth = idp.staff("counsellor-south", List.of("counsellor"), List.of("south"));
  final String nurse = idp.staff("nurse-north", List.of("nurse"), List.of("north"));
  final String lead = idp.staff("lead", List.of("clinical-lead"), List.of("north", "south"));

  @BeforeEach
  void client() {
    api = new ApiClient("http://localhost:" + port);
  }

  @AfterEach
  void realTime() {
    clock.reset();
  }

  /**
   * Replaces the earlier assertion that an overdose's outreach is due within 24 h: issue #12 (item 17)
   * calls that wrong; an overdose is due within the site's urgent window, 1 h by default.
   */
  @Test
  void aRetriedOverdoseReportWithTheSameIdempotencyKeyRequestsReadmissionExactlyOnceAndIsDueWithinAnHour() {
    UUID patientId = UUID.randomUUID();
    UUID planId = Fixtures.planFromDischarge(patientId, "north", Instant.now().minus(Duration.ofDays(20)));
    String key = UUID.randomUUID().toString();
    String body = report(true);

    ApiResponse first = post(planId, body, key);
    ApiResponse retry = post(planId, body, key);

    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(retry.body()).as("the first answer, byte for byte").isEqualTo(first.body());
    assertThat(first.json().get("planStatus").asString()).isEqualTo("OPEN");
    assertThat(first.json().get("urgency").asString()).isEqualTo("EMERGENCY");
    Instant reportedAt = Instant.parse(first.json().get("reportedAt").asString());
    assertThat(Instant.parse(first.json().get("outreachDueAt").asString()))
        .isEqualTo(reportedAt.plus(Duration.ofHours(1)));

    assertThat(count("SELECT count(*) FROM relapse_report WHERE plan_id = '" + planId + "'")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM outreach_task WHERE plan_id = '" + planId + "'")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM aftercare_alert WHERE plan_id = '" + planId + "'")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM naloxone_resupply_task WHERE plan_id = '" + planId + "'")).isEqualTo(1);
    assertThat(count("SELECT relapse_count FROM aftercare_plan WHERE id = '" + planId + "' AND status = 'OPEN'"))
        .isEqualTo(1);

    EventProbe.awaitRecord(Topics.AFTERCARE_ENGAGEMENT, patientId.toString(), Duration.ofSeconds(30));
    var readmissions = EventProbe.read(Topics.AFTERCARE_ENGAGEMENT, r -> patientId.toString().equals(r.key())
        && "rehab.aftercare.ReadmissionRequested.v1".equals(EventProbe.header(r, CloudEventHeaders.TYPE)));
    var relapses = EventProbe.read(Topics.AFTERCARE_ENGAGEMENT, r -> patientId.toString().equals(r.key())
        && "rehab.aftercare.RelapseReported.v1".equals(EventProbe.header(r, CloudEventHeaders.TYPE)));
    assertThat(readmissions).hasSize(1);
    assertThat(relapses).hasSize(1);
    assertThat(new String(readmissions.getFirst().value())).contains(first.json().get("reportId").asString())
        .contains("EMERGENCY");
    JsonNode reported = JsonMapper.builder().build().readTree(relapses.getFirst().value());
    assertThat(reported.get("urgency").asString()).isEqualTo("EMERGENCY");
    assertThat(reported.get("source").asString()).isEqualTo("STAFF_REPORT");
    assertThat(reported.get("substance").asString()).isEqualTo("FENTANYL");
  }

  @Test
  void aLapseWithoutWishForReadmissionIsDueWithin24HoursWithoutAnAlertOrReadmission() {
    UUID patientId = UUID.randomUUID();
    UUID planId = Fixtures.planFromDischarge(patientId, "north", Instant.now());

    ApiResponse reported = post(planId, report(false), null);

    assertThat(reported.status()).isEqualTo(201);
    assertThat(reported.json().get("urgency").asString()).isEqualTo("URGENT");
    assertThat(Instant.parse(reported.json().get("outreachDueAt").asString()))
        .isEqualTo(Instant.parse(reported.json().get("reportedAt").asString()).plus(Duration.ofHours(24)));
    assertThat(reported.json().get("alertId").isNull()).isTrue();
    assertThat(reported.json().get("naloxoneResupplyTaskId").isNull()).isTrue();
    assertThat(reported.json().get("readmissionRequestId").isNull()).isTrue();
    String taskId = reported.json().get("outreachTaskId").asString();
    assertThat(api.post("/v1/plans/" + planId + "/relapses/outreach/" + taskId + "/done", counsellor, Map.of())
        .status()).isEqualTo(200);
    assertThat(count("SELECT count(*) FROM outreach_task WHERE id = '" + taskId + "' AND completed_at IS NOT NULL"))
        .isEqualTo(1);
    EventProbe.awaitRecord(Topics.AFTERCARE_ENGAGEMENT, patientId.toString(), Duration.ofSeconds(30));
    assertThat(EventProbe.read(Topics.AFTERCARE_ENGAGEMENT, r -> patientId.toString().equals(r.key())
        && "rehab.aftercare.ReadmissionRequested.v1".equals(EventProbe.header(r, CloudEventHeaders.TYPE)))).isEmpty();
  }

  @Test
  void theSameKeyForADifferentReportIsRefusedNamingTheRuleAndOnlyCounsellorsReport() {
    UUID planId = Fixtures.planFromDischarge(UUID.randomUUID(), "north", Instant.now());
    String key = UUID.randomUUID().toString();
    assertThat(post(planId, report(false), key).status()).isEqualTo(201);

    ApiResponse reused = post(planId, report(true), key);
    // Issue #17: the same key with a different body is 422, one rule for every service.
    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.json().get("type").asString()).endsWith("/business-rule");
    assertThat(reused.json().get("rule").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    assertThat(api.send("POST", "/v1/plans/" + planId + "/relapses", nurse, report(false), Map.of()).status())
        .isEqualTo(403);
    assertThat(count("SELECT count(*) FROM relapse_report WHERE plan_id = '" + planId + "'")).isEqualTo(1);
  }

  @Test
  void anOverdoseAlertsTheCounsellorAndTheClinicalLeadWhoAcknowledgeItOnTheWorklist() {
    UUID planId = Fixtures.planFromDischarge(UUID.randomUUID(), "north", Instant.now().minus(Duration.ofDays(9)));
    ApiResponse reported = post(planId, body(Map.of("kind", "LAPSE", "overdose", true)), null);
    assertThat(reported.status()).as(reported.body()).isEqualTo(201);
    String alertId = reported.json().get("alertId").asString();

    JsonNode counsellorsList = worklist("north", counsellor, "OPEN");
    JsonNode entry = find(counsellorsList, alertId);
    assertThat(entry.get("alert").get("reason").asString()).isEqualTo("OVERDOSE");
    assertThat(entry.get("alert").get("severity").asString()).isEqualTo("EMERGENCY");
    assertThat(Instant.parse(entry.get("alert").get("respondBy").asString()))
        .isEqualTo(Instant.parse(reported.json().get("outreachDueAt").asString()));
    assertThat(find(worklist("north", lead, "OPEN"), alertId)).isNotNull();
    assertThat(api.get("/v1/alerts?site=north", counsellorSouth).status()).isEqualTo(404);
    assertThat(api.get("/v1/alerts?site=north", nurse).status()).isEqualTo(403);
    assertThat(api.post("/v1/alerts/" + alertId + "/acknowledgement", counsellorSouth, Map.of()).status())
        .isEqualTo(404);

    ApiResponse acknowledged = api.post("/v1/alerts/" + alertId + "/acknowledgement", lead, Map.of());
    assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(200);
    assertThat(acknowledged.json().get("acknowledgedBy").asString()).isEqualTo("lead");
    ApiResponse again = api.post("/v1/alerts/" + alertId + "/acknowledgement", counsellor, Map.of());
    assertThat(again.json().get("acknowledgedBy").asString()).isEqualTo("lead");

    assertThat(find(worklist("north", counsellor, "OPEN"), alertId)).isNull();
    assertThat(find(worklist("north", counsellor, "ALL"), alertId).get("alert").get("acknowledgedBy").asString())
        .isEqualTo("lead");
    assertThat(count("SELECT count(*) FROM audit_event WHERE resource_type = 'AftercareAlert' AND resource_id = '"
        + alertId + "' AND action = 'UPDATE'")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM audit_event WHERE resource_type = 'AftercareAlert' AND resource_id = '"
        + alertId + "' AND action = 'READ'")).isGreaterThanOrEqualTo(3);
  }

  @Test
  void naloxoneUsedOpensAResupplyTaskAndThePlanOwesAKitUntilItIsHandedOver() {
    UUID planId = Fixtures.planFromDischarge(UUID.randomUUID(), "north", Instant.now().minus(Duration.ofDays(5)));

    ApiResponse reported = post(planId, body(Map.of("kind", "RELAPSE", "naloxoneUsed", true)), null);

    assertThat(reported.status()).as(reported.body()).isEqualTo(201);
    assertThat(reported.json().get("urgency").asString()).isEqualTo("EMERGENCY");
    assertThat(reported.json().get("alertId").isNull()).isFalse();
    String taskId = reported.json().get("naloxoneResupplyTaskId").asString();
    assertThat(plan(planId).get("naloxoneStatus").asString()).isEqualTo("USED_RESUPPLY_DUE");
    JsonNode caseloadEntry = caseloadEntry("north", planId);
    assertThat(caseloadEntry.get("naloxoneOwed")).hasSize(1);
    assertThat(caseloadEntry.get("naloxoneStatus").asString()).isEqualTo("USED_RESUPPLY_DUE");

    ApiResponse done = api.post("/v1/plans/" + planId + "/relapses/naloxone-resupply/" + taskId + "/done",
        counsellor, Map.of());
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    assertThat(done.json().get("completedBy").asString()).isEqualTo("counsellor-north");
    assertThat(plan(planId).get("naloxoneStatus").asString()).isEqualTo("PROVIDED");
    assertThat(caseloadEntry("north", planId).get("naloxoneOwed")).isEmpty();
    assertThat(api.post("/v1/plans/" + planId + "/relapses/naloxone-resupply/" + UUID.randomUUID() + "/done",
        counsellor, Map.of()).status()).isEqualTo(404);
  }

  @Test
  void aRelapseReportedAsAnEmergencyIsDueWithinTheSitesUrgentWindowAndOverdueTheMinuteAfter() {
    String site = "ridge-" + UUID.randomUUID().toString().substring(0, 8);
    SiteSettings defaults = SiteSettings.defaults();
    Fixtures.announceSite(site, "America/Denver", new SiteSettings(defaults.detoxLength(), defaults.reassessment(),
        defaults.buprenorphine(), defaults.methadone(), defaults.holds(), defaults.alerts(),
        new SiteSettings.Aftercare(Period.ofWeeks(1), Period.ofMonths(1), Period.ofMonths(1), Period.ofYears(1),
            Period.ofMonths(3), Duration.ofHours(12), Duration.ofMinutes(30))), 1);
    String ridge = idp.staff("counsellor-ridge", List.of("counsellor"), List.of(site));
    UUID planId = Fixtures.planFromDischarge(UUID.randomUUID(), site, Instant.now().minus(Duration.ofDays(3)));
    Instant reportedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    clock.set(reportedAt);

    ApiResponse emergency = api.send("POST", "/v1/plans/" + planId + "/relapses", ridge,
        body(Map.of("kind", "RELAPSE", "urgency", "EMERGENCY", "occurredOn",
            LocalDate.ofInstant(reportedAt, java.time.ZoneId.of("America/Denver")).toString())), Map.of());
    ApiResponse lapse = api.send("POST", "/v1/plans/" + planId + "/relapses", ridge,
        body(Map.of("kind", "LAPSE", "occurredOn",
            LocalDate.ofInstant(reportedAt, java.time.ZoneId.of("America/Denver")).toString())), Map.of());

    assertThat(emergency.status()).as(emergency.body()).isEqualTo(201);
    assertThat(Instant.parse(emergency.json().get("outreachDueAt").asString()))
        .isEqualTo(reportedAt.plus(Duration.ofMinutes(30)));
    assertThat(emergency.json().get("alertId").isNull()).isFalse();
    assertThat(Instant.parse(lapse.json().get("outreachDueAt").asString()))
        .isEqualTo(reportedAt.plus(Duration.ofHours(12)));
    assertThat(lapse.json().get("alertId").isNull()).isTrue();

    clock.set(reportedAt.plus(Duration.ofMinutes(29)));
    assertThat(api.get("/v1/caseload?site=" + site, ridge).json().get("outreachOverdue").asInt()).isZero();
    clock.set(reportedAt.plus(Duration.ofMinutes(31)));
    JsonNode caseload = api.get("/v1/caseload?site=" + site, ridge).json();
    assertThat(caseload.get("outreachOverdue").asInt()).isEqualTo(1);
    assertThat(caseload.get("siteSettingsReceived").asBoolean()).isTrue();
    assertThat(caseload.get("timeZone").asString()).isEqualTo("America/Denver");
    assertThat(api.get("/v1/alerts?site=" + site, ridge).json().get("overdue").asInt()).isEqualTo(1);
  }

  @Test
  void atASiteWhoseSettingsHaveNotArrivedTheDefaultsScheduleTheOutreachAndTheCaseloadSaysSo() {
    String site = "unannounced-" + UUID.randomUUID().toString().substring(0, 8);
    String here = idp.staff("counsellor-unannounced", List.of("counsellor"), List.of(site));
    UUID planId = Fixtures.planFromDischarge(UUID.randomUUID(), site, Instant.now().minus(Duration.ofDays(3)));
    String yesterday = LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString();

    ApiResponse overdose = api.send("POST", "/v1/plans/" + planId + "/relapses", here,
        body(Map.of("kind", "LAPSE", "overdose", true, "occurredOn", yesterday)), Map.of());
    ApiResponse lapse = api.send("POST", "/v1/plans/" + planId + "/relapses", here,
        body(Map.of("kind", "LAPSE", "occurredOn", yesterday)), Map.of());

    assertThat(overdose.status()).as(overdose.body()).isEqualTo(201);
    assertThat(Instant.parse(overdose.json().get("outreachDueAt").asString()))
        .isEqualTo(Instant.parse(overdose.json().get("reportedAt").asString()).plus(Duration.ofHours(1)));
    assertThat(Instant.parse(lapse.json().get("outreachDueAt").asString()))
        .isEqualTo(Instant.parse(lapse.json().get("reportedAt").asString()).plus(Duration.ofHours(24)));
    JsonNode caseload = api.get("/v1/caseload?site=" + site, here).json();
    assertThat(caseload.get("siteSettingsReceived").asBoolean()).isFalse();
    assertThat(caseload.get("timeZone").asString()).isEqualTo("UTC");
  }

  @Test
  void aRelapseDatedAfterTodayAtTheSiteIsRefusedThoughItIsAlreadyThatDayInUtc() {
    UUID planId = Fixtures.planFromDischarge(UUID.randomUUID(), "south", Instant.now().minus(Duration.ofDays(10)));
    String counsellorOfSouth = idp.staff("counsellor-south", List.of("counsellor"), List.of("south"));
    // 23:30 in Chicago on 9 June is 04:30 UTC on 10 June.
    ZonedDateTime lateEvening = ZonedDateTime.of(2026, 6, 9, 23, 30, 0, 0, Fixtures.zone("south"));
    clock.set(lateEvening.toInstant());
    long before = count("SELECT count(*) FROM relapse_report WHERE plan_id = '" + planId + "'");

    ApiResponse tomorrow = api.send("POST", "/v1/plans/" + planId + "/relapses", counsellorOfSouth,
        body(Map.of("kind", "LAPSE", "occurredOn", "2026-06-10")), Map.of());
    assertThat(tomorrow.status()).as(tomorrow.body()).isEqualTo(400);
    assertThat(tomorrow.json().get("errors").get(0).get("field").asString()).isEqualTo("occurredOn");
    assertThat(count("SELECT count(*) FROM relapse_report WHERE plan_id = '" + planId + "'")).isEqualTo(before);

    ApiResponse today = api.send("POST", "/v1/plans/" + planId + "/relapses", counsellorOfSouth,
        body(Map.of("kind", "LAPSE", "occurredOn", "2026-06-09")), Map.of());
    assertThat(today.status()).as(today.body()).isEqualTo(201);

    clock.set(lateEvening.plusHours(1).toInstant());
    assertThat(api.send("POST", "/v1/plans/" + planId + "/relapses", counsellorOfSouth,
        body(Map.of("kind", "LAPSE", "occurredOn", "2026-06-10")), Map.of()).status()).isEqualTo(201);
  }

  @Test
  void anUnknownSubstanceCodeIsRefusedAndNothingIsStored() {
    UUID planId = Fixtures.planFromDischarge(UUID.randomUUID(), "north", Instant.now());

    ApiResponse refused = post(planId, body(Map.of("substance", "KRATOM")), null);

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.isProblem()).isTrue();
    assertThat(count("SELECT count(*) FROM relapse_report WHERE plan_id = '" + planId + "'")).isZero();
  }

  private JsonNode worklist(String site, String token, String state) {
    ApiResponse response = api.get("/v1/alerts?site=" + site + "&state=" + state, token);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static JsonNode find(JsonNode worklist, String alertId) {
    return worklist.get("alerts").valueStream()
        .filter(e -> e.get("alert").get("alertId").asString().equals(alertId)).findFirst().orElse(null);
  }

  private JsonNode plan(UUID planId) {
    return api.get("/v1/plans/" + planId, counsellor).json();
  }

  private JsonNode caseloadEntry(String site, UUID planId) {
    return api.get("/v1/caseload?site=" + site, counsellor).json().get("entries").valueStream()
        .filter(e -> e.get("planId").asString().equals(planId.toString())).findFirst().orElseThrow();
  }

  private ApiResponse post(UUID planId, String body, String key) {
    return api.send("POST", "/v1/plans/" + planId + "/relapses", counsellor, body,
        key == null ? Map.of() : Map.of("Idempotency-Key", key));
  }

  private static String report(boolean wantsReadmission) {
    return body(Map.of("kind", "RELAPSE", "overdose", wantsReadmission, "naloxoneUsed", wantsReadmission,
        "wantsReadmission", wantsReadmission));
  }

  /** A report with sensible defaults, the given fields overriding them. */
  private static String body(Map<String, Object> fields) {
    Map<String, Object> body = new HashMap<>(Map.of("kind", "RELAPSE", "substance", "FENTANYL",
        "occurredOn", Fixtures.today("north").minusDays(1).toString(), "overdose", false, "naloxoneUsed", false,
        "overdoseEducationGiven", true, "wantsReadmission", false));
    body.putAll(fields);
    return JsonMapper.builder().build().writeValueAsString(body);
  }
}
