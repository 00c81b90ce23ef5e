package org.rehabnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import tools.jackson.databind.JsonNode;

/**
 * The care journey across all three services, as staff live it through the gateway: admission,
 * detox episode, discharge (the bed is freed), the aftercare plan opened by itself, a relapse that
 * keeps the plan open, and a readmission referral back at intake, once, even when the report is
 * sent twice.
 */
class CareJourneyIT {

  static PlatformUnderTest platform;

  @BeforeAll
  static void platform() {
    platform = PlatformUnderTest.get();
  }

  @Test
  void fromAdmissionThroughDischargeAndRelapseBackToAReadmissionReferral() {
    ApiClient gateway = platform.gateway;
    JsonNode admission = new Journeys(gateway).admit(platform.token("intake-north"), "north");
    String admissionId = admission.get("admissionId").asString();
    String patientId = admission.get("patientId").asString();

    String nurse = platform.token("nurse-north");
    JsonNode episode = await("the detox episode").atMost(Duration.ofSeconds(30))
        .until(() -> gateway.get("/api/monitoring/v1/admissions/" + admissionId + "/episode", nurse),
            r -> r.status() == 200).json();

    ApiResponse discharged = gateway.post("/api/monitoring/v1/episodes/" + episode.get("episodeId").asString()
            + "/discharge", platform.token("physician-north"),
        Map.of("type", "COMPLETED", "naloxoneProvided", true, "overdoseEducation", true,
            "medicationPlan", "BUPRENORPHINE_MAINTENANCE", "receivingPrescriber", "Harbor Clinic"));
    assertThat(discharged.status()).as(discharged.body()).isIn(200, 201);

    String intake = platform.token("intake-north");
    await("the bed is freed").atMost(Duration.ofSeconds(30))
        .until(() -> gateway.get("/api/intake/v1/admissions/" + admissionId, intake).json().get("status").asString(),
            "DISCHARGED"::equals);

    String counsellor = platform.token("counsellor-north");
    JsonNode plan = await("the aftercare plan").atMost(Duration.ofSeconds(30))
        .until(() -> gateway.get("/api/aftercare/v1/plans?patientId=" + patientId, counsellor),
            r -> r.status() == 200 && r.json().size() == 1).json().get(0);
    assertThat(plan.get("medicationPlan").asString()).isEqualTo("BUPRENORPHINE_MAINTENANCE");
    String planId = plan.get("planId").asString();

    String key = UUID.randomUUID().toString();
    // Yesterday in UTC is never after today at the site (north: New York), whatever the hour here;
    // today in UTC is already tomorrow there from midnight UTC to 05:00.
    String relapse = ApiClient.json(Map.of("kind", "LAPSE", "substance", "HEROIN",
        "occurredOn", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString(), "overdose", false, "naloxoneUsed", false,
        "overdoseEducationGiven", true, "wantsReadmission", true));
    ApiResponse first = gateway.send("POST", "/api/aftercare/v1/plans/" + planId + "/relapses", counsellor, relapse,
        Map.of("Idempotency-Key", key));
    ApiResponse retry = gateway.send("POST", "/api/aftercare/v1/plans/" + planId + "/relapses", counsellor, relapse,
        Map.of("Idempotency-Key", key));
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.body()).isEqualTo(first.body());

    JsonNode readmissions = await("the readmission referral at intake").atMost(Duration.ofSeconds(30))
        .until(() -> readmissionsOf(patientId, intake), list -> list.size() >= 1);
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6))
        .until(() -> readmissionsOf(patientId, intake).size() == 1);
    assertThat(readmissions.get(0).get("source").asString()).isEqualTo("READMISSION");

    JsonNode stillOpen = gateway.get("/api/aftercare/v1/plans/" + planId + "/summary", counsellor).json();
    assertThat(stillOpen.get("status").asString()).isEqualTo("OPEN");
  }

  private static JsonNode readmissionsOf(String patientId, String token) {
    JsonNode list = platform.gateway.get("/api/intake/v1/sites/north/waiting-list", token).json();
    var matches = tools.jackson.databind.json.JsonMapper.builder().build().createArrayNode();
    list.forEach(entry -> {
      if (patientId.equals(entry.get("patientId").asString()) && "READMISSION".equals(entry.get("source").asString())) {
        matches.add(entry);
      }
    });
    return matches;
  }
}
