package org.rehabnet.aftercare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.tokens.TestIdentityProvider;
import org.springframework.boot.test.web.server.LocalServerPort;

@AftercareIntegrationTest
class ApiDocumentIntegrationTest {

  @LocalServerPort
  int port;

  @Test
  void theOpenApiDocumentListsEveryStaffEndpoint() {
    var doc = new ApiClient("http://localhost:" + port).get("/v3/api-docs", null);

    assertThat(doc.status()).isEqualTo(200);
    assertThat(doc.json().get("paths").propertyNames()).contains("/v1/plans", "/v1/plans/{planId}",
        "/v1/plans/{planId}/summary", "/v1/plans/{planId}/counselling-notes", "/v1/plans/{planId}/check-ins",
        "/v1/plans/{planId}/relapses", "/v1/plans/{planId}/contingency/behaviours", "/v1/groups",
        "/v1/groups/{groupId}/sessions/{sessionId}/attendance", "/v1/caseload", "/v1/alerts",
        "/v1/alerts/{alertId}/acknowledgement", "/v1/plans/{planId}/relapses/naloxone-resupply/{taskId}/done");
  }

  @Test
  void onlyCounsellorsOfTheSiteWrite() {
    var api = new ApiClient("http://localhost:" + port);
    var idp = TestIdentityProvider.get();
    UUID planId = Fixtures.planFromDischarge(UUID.randomUUID(), "north", java.time.Instant.now());
    Map<String, Object> checkIn = Map.of("on", Fixtures.today("north").toString(),
        "cravings", 2, "usedSinceLastCheckIn", false, "mood", "GOOD", "housing", "STABLE", "employment", "EMPLOYED");

    var nurse = api.post("/v1/plans/" + planId + "/check-ins",
        idp.staff("nurse-north", List.of("nurse"), List.of("north")), checkIn);
    var physician = api.get("/v1/plans/" + planId + "/summary",
        idp.staff("doc-north", List.of("physician"), List.of("north")));
    var leadWrites = api.post("/v1/plans/" + planId + "/check-ins",
        idp.staff("lead", List.of("counsellor", "clinical-lead"), List.of("south")), checkIn);
    var otherSite = api.post("/v1/plans/" + planId + "/check-ins",
        idp.staff("counsellor-south", List.of("counsellor"), List.of("south")), checkIn);

    assertThat(nurse.status()).isEqualTo(403);
    assertThat(nurse.json().get("type").asString()).endsWith("/forbidden");
    assertThat(physician.status()).isEqualTo(200);
    assertThat(leadWrites.status()).isEqualTo(403);
    assertThat(leadWrites.json().get("type").asString()).endsWith("/wrong-site");
    assertThat(otherSite.status()).isEqualTo(404);
    assertThat(Fixtures.count("SELECT count(*) FROM check_in WHERE plan_id = '" + planId + "'")).isZero();
  }
}
