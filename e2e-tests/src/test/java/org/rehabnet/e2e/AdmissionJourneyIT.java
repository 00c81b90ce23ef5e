package org.rehabnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import tools.jackson.databind.JsonNode;

/**
 * The walking skeleton, as a clinic meets it: an intake coordinator admits a person through the
 * gateway with a real Keycloak token, intake stores it and publishes AdmissionRecorded, monitoring
 * opens the detox episode, and a nurse of the same site reads it through the gateway.
 */
class AdmissionJourneyIT {

  static PlatformUnderTest platform;

  @BeforeAll
  static void platform() {
    platform = PlatformUnderTest.get();
  }

  @Test
  void anAdmissionAtNorthBecomesADetoxEpisodeThatOnlyNorthStaffCanRead() {
    JsonNode admitted = new Journeys(platform.gateway).admit(platform.token("intake-north"), "north");
    assertThat(admitted.get("bed").asString()).isNotBlank();
    String admissionId = admitted.get("admissionId").asString();
    String episodePath = "/api/monitoring/v1/admissions/" + admissionId + "/episode";

    String nurseNorth = platform.token("nurse-north");
    JsonNode episode = await("the episode reaches the chart").atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> platform.gateway.get(episodePath, nurseNorth), r -> r.status() == 200)
        .json();
    assertThat(episode.get("site").asString()).isEqualTo("north");
    assertThat(episode.get("day").asInt()).isEqualTo(1);
    assertThat(episode.get("patientId").asString()).isEqualTo(admitted.get("patientId").asString());

    ApiResponse otherSite = platform.gateway.get(episodePath, platform.token("nurse-south"));
    assertThat(otherSite.status()).isEqualTo(404);
    assertThat(otherSite.isProblem()).isTrue();
    assertThat(otherSite.json().get("type").asString()).isEqualTo("https://rehabnet.example/problems/not-found");

    ApiResponse noToken = platform.gateway.get(episodePath, null);
    assertThat(noToken.status()).isEqualTo(401);
    assertThat(noToken.isProblem()).isTrue();

    ApiResponse wrongRole = platform.gateway.get(episodePath, platform.token("intake-north"));
    assertThat(wrongRole.status()).isEqualTo(403);
    assertThat(wrongRole.isProblem()).isTrue();
    assertThat(wrongRole.json().get("type").asString()).isEqualTo("https://rehabnet.example/problems/forbidden");
  }

  @Test
  void badInputIsRefusedAtTheServiceNamingTheField() {
    String token = platform.token("intake-north");

    ApiResponse missingName = platform.gateway.post("/api/intake/v1/patients", token,
        Map.of("familyName", "Journey", "dateOfBirth", "1988-06-15", "site", "north"));
    ApiResponse futureBirth = platform.gateway.post("/api/intake/v1/patients", token,
        Map.of("givenName", "Jo", "familyName", "Journey", "dateOfBirth", "2999-01-01", "site", "north"));
    ApiResponse malformed = platform.gateway.post("/api/intake/v1/patients", token, "{\"givenName\": ");
    ApiResponse withoutReferral = platform.gateway.post("/api/intake/v1/admissions", token,
        Map.of("referralId", java.util.UUID.randomUUID().toString()));

    assertThat(missingName.status()).isEqualTo(400);
    assertThat(missingName.isProblem()).isTrue();
    assertThat(missingName.body()).contains("givenName");
    assertThat(futureBirth.status()).isEqualTo(400);
    assertThat(futureBirth.body()).contains("dateOfBirth");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(withoutReferral.status()).isEqualTo(404);
    assertThat(withoutReferral.isProblem()).isTrue();
  }

  @Test
  void eachServicePublishesItsOpenApiDocumentThroughTheGateway() {
    for (String service : new String[] {"intake", "monitoring", "aftercare"}) {
      ApiResponse doc = platform.gateway.get("/api/" + service + "/v3/api-docs", null);
      assertThat(doc.status()).as(service).isEqualTo(200);
      assertThat(doc.json().get("openapi").asString()).startsWith("3.");
      assertThat(doc.json().get("servers").get(0).get("url").asString()).endsWith("/api/" + service);
    }
  }
}
