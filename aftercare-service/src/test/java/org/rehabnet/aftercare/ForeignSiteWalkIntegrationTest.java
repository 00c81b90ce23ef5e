package org.rehabnet.aftercare;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import org.rehabnet.test.scoping.ForeignSiteWalk;
import org.rehabnet.test.tokens.TestIdentityProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Every id-bearing staff route of aftercare, read from its own request mappings, called by a south
 * user holding every staff role: a north plan, task, alert, group or patient answers exactly like an
 * unknown id (404 problem+json, same type and detail), and a partner token is refused on every /v1
 * route (the partner API under /partner has its own consent tests).
 */
@AftercareIntegrationTest
class ForeignSiteWalkIntegrationTest {

  private static final Logger log = LoggerFactory.getLogger(ForeignSiteWalkIntegrationTest.class);
  private static final List<String> STAFF = List.of("counsellor", "nurse", "physician", "intake-coordinator",
      "site-admin");

  @LocalServerPort
  int port;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mapping;

  @Test
  void anotherSitesRecordsAnswerExactlyAsUnknownOnesOnEveryRouteAndPartnersReachNone() {
    ApiClient api = new ApiClient("http://localhost:" + port);
    TestIdentityProvider idp = TestIdentityProvider.get();
    String counsellor = idp.staff("counsellor-north", List.of("counsellor"), List.of("north"));
    LocalDate today = Fixtures.today("north");
    UUID patientId = Fixtures.registeredPatient("north");
    UUID planId = Fixtures.planFromDischarge(patientId, "north", Instant.now().minus(Duration.ofDays(3)));
    // PHQ-9 item 9 above 0 raises a follow-up task at once; an overdose with naloxone used raises the
    // outreach task, the alert and the naloxone resupply task.
    created(api.post("/v1/plans/" + planId + "/check-ins", counsellor, checkIn(today)));
    String followUpId = api.get("/v1/plans/" + planId + "/follow-ups", counsellor).json().get(0).get("taskId")
        .asString();
    JsonNode relapse = created(api.post("/v1/plans/" + planId + "/relapses", counsellor, relapse(today)));
    String groupId = created(api.post("/v1/groups", counsellor, Map.of("name", "Tuesday SMART", "type",
        "SMART_RECOVERY", "site", "north", "facilitator", "F. Acilitator", "capacity", 12,
        "schedule", Map.of("dayOfWeek", today.getDayOfWeek().name(), "startsAt", "18:00", "durationMinutes", 90,
            "everyWeeks", 1, "firstSessionOn", today.minusWeeks(4).toString())))).get("groupId").asString();
    assertThat(api.post("/v1/groups/" + groupId + "/enrolments", counsellor, Map.of("planId", planId)).status())
        .isEqualTo(200);
    ApiResponse session = api.post("/v1/groups/" + groupId + "/sessions", counsellor,
        Map.of("date", today.minusWeeks(1).toString()));
    assertThat(session.status()).as(session.body()).isEqualTo(200);

    ForeignSiteWalk walk = ForeignSiteWalk.of(mapping, Set.of("site", "patientId"))
        .id("site", "north", "nowhere")
        .id("patientId", patientId, UUID.randomUUID())
        .id("planId", planId, UUID.randomUUID())
        .id("alertId", relapse.get("alertId").asString(), UUID.randomUUID())
        .id("groupId", groupId, UUID.randomUUID())
        .id("sessionId", session.json().get("sessionId").asString(), UUID.randomUUID())
        .id("POST /v1/plans/{planId}/follow-ups/{taskId}/done", "taskId", followUpId, UUID.randomUUID())
        .id("POST /v1/plans/{planId}/relapses/outreach/{taskId}/done", "taskId",
            relapse.get("outreachTaskId").asString(), UUID.randomUUID())
        .id("POST /v1/plans/{planId}/relapses/naloxone-resupply/{taskId}/done", "taskId",
            relapse.get("naloxoneResupplyTaskId").asString(), UUID.randomUUID())
        .query("GET /v1/groups/{groupId}/sessions", "from=" + today.minusWeeks(2) + "&to=" + today)
        .body("PUT /v1/plans/{planId}", ApiClient.json(Map.of("version", 0, "goals", List.of("Return to work"),
            "relapsePrevention", List.of("Call sponsor"), "naloxoneStatus", "PROVIDED")))
        .body("POST /v1/plans/{planId}/counselling-notes", ApiClient.json(Map.of("text", "Session went well")))
        .body("POST /v1/plans/{planId}/check-ins", ApiClient.json(checkIn(today)))
        .body("POST /v1/plans/{planId}/relapses", ApiClient.json(relapse(today)))
        .body("POST /v1/plans/{planId}/contingency/behaviours", ApiClient.json(Map.of("behaviour",
            "ATTENDED_SESSION", "on", today.toString())))
        .body("POST /v1/plans/{planId}/contingency/redemptions", ApiClient.json(Map.of("amountCents", 1)))
        .body("POST /v1/groups/{groupId}/enrolments", ApiClient.json(Map.of("planId", planId)))
        .body("POST /v1/groups/{groupId}/sessions", ApiClient.json(Map.of("date", today.toString())))
        .body("POST /v1/groups/{groupId}/sessions/{sessionId}/attendance", ApiClient.json(Map.of("attendance",
            List.of(Map.of("patientId", patientId, "status", "PRESENT")))))
        .body("POST /v1/groups/{groupId}/sessions/{sessionId}/notes", ApiClient.json(Map.of("text", "Good group")))
        .exclude("GET /v1/audit/events", "auditor only, across the network by role: its patientId is a filter of"
            + " the audit trail, not a site's record; staff are refused 403 (AuditTrailIntegrationTest)");

    ForeignSiteWalk.Report report = walk.walk(api,
        idp.staff("everyone-south", STAFF, List.of("south")),
        idp.partner("partner-harbor", "harbor-house"),
        idp.staff("everyone-north", STAFF, List.of("north")));

    log.info("aftercare walk: {} id-bearing routes, {} cases (foreign and unknown, all 404 alike, plus the home"
        + " control on GETs); partner refused on {} /v1 routes; excluded {}", report.idRoutes(), report.idCases(),
        report.partnerRoutes(), report.excluded());
    assertThat(report.idRoutes()).isGreaterThanOrEqualTo(25);
    // Nothing the foreign user sent reached the north plan: one check-in, one relapse, one note-free plan.
    assertThat(Fixtures.count("SELECT count(*) FROM check_in WHERE plan_id = '" + planId + "'")).isEqualTo(1);
    assertThat(Fixtures.count("SELECT count(*) FROM relapse_report WHERE plan_id = '" + planId + "'")).isEqualTo(1);
  }

  private static JsonNode created(ApiResponse response) {
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json();
  }

  private static Map<String, Object> checkIn(LocalDate on) {
    return Map.of("on", on.toString(), "cravings", 3, "usedSinceLastCheckIn", false, "mood", "LOW",
        "phq9", List.of(1, 1, 0, 1, 0, 1, 0, 0, 1), "housing", "STABLE", "employment", "EMPLOYED");
  }

  private static Map<String, Object> relapse(LocalDate today) {
    return Map.of("kind", "LAPSE", "substance", "FENTANYL", "occurredOn", today.minusDays(1).toString(),
        "overdose", true, "naloxoneUsed", true, "overdoseEducationGiven", true, "wantsReadmission", false);
  }
}
