package org.rehabnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import tools.jackson.databind.JsonNode;

/**
 * Through the gateway with the dev realm's users: a south physician who registers a person already
 * in treatment at north learns nothing of it; the records team (user {@code records}) sees the
 * pair and links the north patient into south, after which south may refer them.
 */
class NoExistenceOracleIT {

  static PlatformUnderTest platform;

  @BeforeAll
  static void platform() {
    platform = PlatformUnderTest.get();
  }

  @Test
  void aPersonKnownAtNorthIsNotToldToSouthAndTheRecordsTeamLinksThem() {
    Map<String, Object> person = Map.of("givenName", "Ora" + UUID.randomUUID().toString().substring(0, 8),
        "familyName", "Cle", "dateOfBirth", "1979-02-03", "site", "north");
    ApiResponse atNorth = platform.gateway.post("/api/intake/v1/patients", platform.token("intake-north"), person);
    assertThat(atNorth.status()).as(atNorth.body()).isEqualTo(201);
    String northPatient = atNorth.json().get("patientId").asString();

    String south = platform.token("physician-south");
    Map<String, Object> again = new java.util.HashMap<>(person);
    again.put("site", "south");
    ApiResponse atSouth = platform.gateway.post("/api/intake/v1/patients", south, again);
    assertThat(atSouth.status()).as(atSouth.body()).isEqualTo(201);
    assertThat(atSouth.body()).doesNotContain(northPatient).doesNotContain("north");
    ApiResponse referral = platform.gateway.post("/api/intake/v1/referrals", south,
        Map.of("patientId", northPatient, "site", "south", "source", "SELF", "urgency", "URGENT"));
    assertThat(referral.status()).isEqualTo(400);
    assertThat(platform.gateway.get("/api/intake/v1/possible-duplicates", south).status()).isEqualTo(403);

    String records = platform.token("records");
    ApiResponse review = platform.gateway.get("/api/intake/v1/possible-duplicates", records);
    assertThat(review.status()).as(review.body()).isEqualTo(200);
    JsonNode item = review.json().valueStream()
        .filter(i -> i.get("matchedPatient").get("patientId").asString().equals(northPatient))
        .findFirst().orElseThrow();
    assertThat(item.get("patient").get("patientId").asString()).isEqualTo(atSouth.json().get("patientId").asString());

    ApiResponse linked = platform.gateway.post("/api/intake/v1/patients/" + northPatient + "/site-links", records,
        Map.of("site", "south", "reason", "Same person: identity confirmed with both clinics",
            "possibleDuplicateId", item.get("possibleDuplicateId").asString()));
    assertThat(linked.status()).as(linked.body()).isEqualTo(201);
    ApiResponse referred = platform.gateway.post("/api/intake/v1/referrals", south,
        Map.of("patientId", northPatient, "site", "south", "source", "SELF", "urgency", "URGENT"));
    assertThat(referred.status()).as(referred.body()).isEqualTo(201);
    assertThat(platform.gateway.get("/api/intake/v1/patients/" + northPatient, south).status()).isEqualTo(200);
  }
}
