package org.rehabnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import tools.jackson.databind.JsonNode;

/**
 * Issue #12, item 12, through the gateway with real Keycloak tokens: thoughts of self-harm on an
 * intake PHQ-9 (item 9 = 1) raise a safety alert at once, before the referral is even accepted, let
 * alone admitted. North's intake coordinator and the clinical lead see it; south's staff do not.
 */
class IntakeSafetyIT {

  static PlatformUnderTest platform;

  @BeforeAll
  static void platform() {
    platform = PlatformUnderTest.get();
  }

  @Test
  void anIntakePhq9WithItemNineAtOneRaisesAnAlertBeforeAdmissionForNorthAndTheLeadOnly() {
    String intakeNorth = platform.token("intake-north");
    String referralId = referredAndAssessed(intakeNorth, List.of(0, 1, 0, 1, 0, 0, 0, 0, 1));

    ApiResponse forIntake = alertsAtNorth(intakeNorth);
    assertThat(forIntake.status()).as(forIntake.body()).isEqualTo(200);
    JsonNode alert = alertOf(forIntake.json(), referralId);
    assertThat(alert).as("the alert of referral %s", referralId).isNotNull();
    assertThat(alert.get("kind").asString()).isEqualTo("SELF_HARM_RISK");
    assertThat(alert.get("severity").asString()).isEqualTo("HIGH");
    assertThat(alert.get("status").asString()).isEqualTo("OPEN");
    assertThat(alert.get("reason").asString()).isEqualTo("PHQ-9 item 9 above 0");
    assertThat(alert.get("site").asString()).isEqualTo("north");

    ApiResponse referral = platform.gateway.get("/api/intake/v1/referrals/" + referralId, intakeNorth);
    assertThat(referral.json().get("status").asString()).as("not even accepted, let alone admitted").isEqualTo("NEW");
    assertThat(referral.json().get("admissionId").isNull()).isTrue();

    ApiResponse forLead = alertsAtNorth(platform.token("lead"));
    assertThat(forLead.status()).isEqualTo(200);
    assertThat(alertOf(forLead.json(), referralId)).isNotNull();

    for (String southStaff : List.of("nurse-south", "physician-south")) {
      String token = platform.token(southStaff);
      ApiResponse atNorth = alertsAtNorth(token);
      assertThat(atNorth.status()).as(southStaff).isEqualTo(404);
      assertThat(atNorth.isProblem()).isTrue();
      ApiResponse atSouth = platform.gateway.get("/api/intake/v1/sites/south/safety-alerts?size=50", token);
      assertThat(atSouth.status()).as(southStaff).isEqualTo(200);
      assertThat(alertOf(atSouth.json(), referralId)).as(southStaff).isNull();
      ApiResponse acknowledge = platform.gateway.post("/api/intake/v1/safety-alerts/"
          + alert.get("alertId").asString() + "/acknowledgement", token, "");
      assertThat(acknowledge.status()).as(southStaff).isEqualTo(404);
    }
    assertThat(alertsAtNorth(platform.token("counsellor-north")).status()).isEqualTo(403);

    ApiResponse acknowledged = platform.gateway.post("/api/intake/v1/safety-alerts/"
        + alert.get("alertId").asString() + "/acknowledgement", platform.token("nurse-north"), "");
    assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(200);
    assertThat(acknowledged.json().get("status").asString()).isEqualTo("ACKNOWLEDGED");
    assertThat(acknowledged.json().get("acknowledgedBy").asString()).isEqualTo("nurse-north");
  }

  @Test
  void aPatientAdmittedThroughTheUsualJourneyWithItemNineAtZeroHasNoAlert() {
    String intakeNorth = platform.token("intake-north");

    JsonNode admitted = new Journeys(platform.gateway).admit(intakeNorth, "north");

    assertThat(alertOf(alertsAtNorth(intakeNorth).json(), admitted.get("referralId").asString())).isNull();
  }

  private static String referredAndAssessed(String token, List<Integer> phq9) {
    ApiResponse patient = platform.gateway.post("/api/intake/v1/patients", token, Map.of(
        "givenName", "Sam" + UUID.randomUUID().toString().substring(0, 8), "familyName", "Safety",
        "dateOfBirth", "1991-04-02", "site", "north"));
    assertThat(patient.status()).as(patient.body()).isEqualTo(201);
    ApiResponse referral = platform.gateway.post("/api/intake/v1/referrals", token, Map.of(
        "patientId", patient.json().get("patientId").asString(), "site", "north", "source", "SELF",
        "urgency", "URGENT"));
    assertThat(referral.status()).as(referral.body()).isEqualTo(201);
    String referralId = referral.json().get("referralId").asString();

    ApiResponse assessment = platform.gateway.send("PUT", "/api/intake/v1/referrals/" + referralId + "/assessment",
        token, ApiClient.json(Map.ofEntries(
            Map.entry("substances", List.of(Map.of("substance", "HEROIN", "route", "SMOKED", "frequency", "DAILY",
                "yearsOfUse", 3, "lastUseAt", Instant.now().minus(12, ChronoUnit.HOURS).toString()))),
            Map.entry("heightCm", 170), Map.entry("weightKg", 68),
            Map.entry("oudCriteria", List.of("CRAVING", "TOLERANCE", "WITHDRAWAL", "MUCH_TIME_SPENT")),
            Map.entry("opioidsOnlyUnderMedicalSupervision", false),
            Map.entry("urineDrugScreen", List.of(Map.of("analyte", "SIX_MAM", "result", "POSITIVE"),
                Map.of("analyte", "FENTANYL", "result", "NEGATIVE"))),
            Map.entry("phq9", phq9), Map.entry("gad7", List.of(1, 1, 0, 0, 0, 0, 0)),
            Map.entry("mentalHealthHistory", List.of("DEPRESSION")), Map.entry("previousDetoxEpisodes", 1),
            Map.entry("previousOverdoses", 0), Map.entry("pregnancyStatus", "NOT_APPLICABLE"))), Map.of());
    assertThat(assessment.status()).as(assessment.body()).isEqualTo(201);
    return referralId;
  }

  private static ApiResponse alertsAtNorth(String token) {
    return platform.gateway.get("/api/intake/v1/sites/north/safety-alerts?size=50", token);
  }

  private static JsonNode alertOf(JsonNode page, String referralId) {
    return page.get("items").valueStream()
        .filter(a -> a.get("referralId").asString().equals(referralId))
        .findFirst().orElse(null);
  }
}
