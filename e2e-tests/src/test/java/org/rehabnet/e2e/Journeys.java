package org.rehabnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import tools.jackson.databind.JsonNode;

/** The steps staff take through the gateway, shared by the journeys. */
final class Journeys {

  private final ApiClient gateway;

  Journeys(ApiClient gateway) {
    this.gateway = gateway;
  }

  /** Registers a new person, refers, screens, accepts, assesses and admits them: the admission. */
  JsonNode admit(String token, String site) {
    return admission(token, site, "Jo" + UUID.randomUUID().toString().substring(0, 8), "1988-06-15").json();
  }

  /** The same journey for a person of the given name and birth date: the admission's 201 response. */
  ApiResponse admission(String token, String site, String givenName, String dateOfBirth) {
    ApiResponse patient = gateway.post("/api/intake/v1/patients", token, Map.of(
        "givenName", givenName, "familyName", "Journey",
        "dateOfBirth", dateOfBirth, "site", site));
    assertThat(patient.status()).as(patient.body()).isEqualTo(201);
    String patientId = patient.json().get("patientId").asString();

    ApiResponse referral = gateway.post("/api/intake/v1/referrals", token,
        Map.of("patientId", patientId, "site", site, "source", "SELF", "urgency", "URGENT"));
    assertThat(referral.status()).as(referral.body()).isEqualTo(201);
    String referralId = referral.json().get("referralId").asString();
    assertThat(gateway.post("/api/intake/v1/referrals/" + referralId + "/screening", token, "").status()).isEqualTo(200);
    assertThat(gateway.post("/api/intake/v1/referrals/" + referralId + "/acceptance", token, "").status()).isEqualTo(200);

    ApiResponse assessment = gateway.send("PUT", "/api/intake/v1/referrals/" + referralId + "/assessment", token,
        ApiClient.json(Map.ofEntries(
            Map.entry("substances", List.of(Map.of("substance", "HEROIN", "route", "SMOKED", "frequency", "DAILY",
                "yearsOfUse", 3, "lastUseAt", Instant.now().minus(12, ChronoUnit.HOURS).toString()))),
            Map.entry("heightCm", 175), Map.entry("weightKg", 70),
            Map.entry("oudCriteria", List.of("CRAVING", "TOLERANCE", "WITHDRAWAL", "MUCH_TIME_SPENT")),
            Map.entry("opioidsOnlyUnderMedicalSupervision", false),
            Map.entry("urineDrugScreen", List.of(Map.of("analyte", "SIX_MAM", "result", "POSITIVE"))),
            Map.entry("phq9", List.of(0, 0, 0, 0, 0, 0, 0, 0, 0)), Map.entry("gad7", List.of(0, 0, 0, 0, 0, 0, 0)),
            Map.entry("mentalHealthHistory", List.of()), Map.entry("previousDetoxEpisodes", 0),
            Map.entry("previousOverdoses", 0), Map.entry("pregnancyStatus", "NOT_APPLICABLE"))), Map.of());
    assertThat(assessment.status()).as(assessment.body()).isEqualTo(201);

    ApiResponse admitted = gateway.post("/api/intake/v1/admissions", token, Map.of("referralId", referralId));
    assertThat(admitted.status()).as(admitted.body()).isEqualTo(201);
    return admitted;
  }
}
