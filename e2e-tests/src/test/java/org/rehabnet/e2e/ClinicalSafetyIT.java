package org.rehabnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import tools.jackson.databind.JsonNode;

/**
 * Issue #12 through the gateway with real Keycloak tokens: the dosing rules fail closed for patients
 * admitted through intake, at north as intake announces it (an opioid treatment program in New York,
 * the default clinical settings).
 */
class ClinicalSafetyIT {

  static PlatformUnderTest platform;
  static ApiClient gateway;

  @BeforeAll
  static void platform() {
    platform = PlatformUnderTest.get();
    gateway = platform.gateway;
    String nurse = platform.token("nurse-north");
    JsonNode settings = await("north's settings reach the chart").atMost(Duration.ofSeconds(60))
        .until(() -> gateway.get("/api/monitoring/v1/sites/north/clinical-settings", nurse), r -> r.status() == 200)
        .json();
    assertThat(settings.get("otpCertified").asBoolean()).isTrue();
    assertThat(settings.get("timeZone").asString()).isEqualTo("America/New_York");
  }

  @Test
  void aDoseWithNoVitalSignsChartedIsRefused() {
    String episode = admittedEpisode();
    chart(episode, "observations", observation("1"));
    chart(episode, "cows-assessments", cows(10));
    String order = order(episode, Map.of("drug", "BUPRENORPHINE", "doseMg", 4, "route", "SUBLINGUAL"));

    ApiResponse refused = give(episode, order, "BUPRENORPHINE", "4", "SUBLINGUAL", "nurse-north", null);
    assertUnsafe(refused, "OBSERVATIONS_NOT_CURRENT");
    assertThat(texts(refused.json().get("missingObservations"))).containsExactly("RESPIRATION_RATE", "SPO2");
    assertThat(mar(episode)).isEmpty();
  }

  @Test
  void aDoseDifferentFromItsOrderIsRefusedWhoeverGivesIt() {
    String episode = admittedEpisode();
    chartCalmInWithdrawal(episode);
    String order = order(episode, Map.of("drug", "BUPRENORPHINE", "doseMg", 4, "route", "SUBLINGUAL"));

    ApiResponse otherDose = give(episode, order, "BUPRENORPHINE", "2", "SUBLINGUAL", "physician-north",
        "Patient asked for a smaller dose, documented");
    assertUnsafe(otherDose, "DOSE_NOT_AS_ORDERED");
    assertThat(otherDose.json().get("overridable").asBoolean()).isFalse();
    assertUnsafe(give(episode, order, "BUPRENORPHINE", "4", "ORAL", "nurse-north", null), "ROUTE_NOT_AS_ORDERED");
    assertUnsafe(give(episode, order, "METHADONE", "4", "SUBLINGUAL", "nurse-north", null), "DRUG_NOT_AS_ORDERED");
    assertThat(mar(episode)).isEmpty();

    assertThat(give(episode, order, "BUPRENORPHINE", "4", "SUBLINGUAL", "nurse-north", null).status())
        .as("as ordered").isEqualTo(201);
  }

  @Test
  void twentyFourMilligramsAndTwoMoreIsRefusedEvenWithAPhysiciansOverride() {
    String episode = admittedEpisode();
    chartCalmInWithdrawal(episode);
    String order = order(episode, Map.of("drug", "BUPRENORPHINE", "doseMinMg", 2, "doseMaxMg", 4,
        "route", "SUBLINGUAL"));
    assertThat(give(episode, order, "BUPRENORPHINE", "4", "SUBLINGUAL", "nurse-north", null).status())
        .isEqualTo(201);
    String reason = "Severe persistent withdrawal despite doses, reviewed at the bedside";
    // Day 1 brought to 24 mg by physician overrides (interval, persisting withdrawal, day-1 maximum), which is allowed.
    for (int dose = 2; dose <= 6; dose++) {
      ApiResponse overridden = give(episode, order, "BUPRENORPHINE", "4", "SUBLINGUAL", "physician-north", reason);
      assertThat(overridden.status()).as(overridden.body()).isEqualTo(201);
      assertThat(overridden.json().get("overriddenRule").asString()).contains("MINIMUM_INTERVAL");
      if (dose >= 3) {
        assertThat(overridden.json().get("overriddenRule").asString()).as("past 8 mg").contains("DAILY_MAXIMUM");
      }
    }
    ApiResponse beyond = give(episode, order, "BUPRENORPHINE", "2", "SUBLINGUAL", "physician-north", reason);
    assertUnsafe(beyond, "BUPRENORPHINE_HARD_MAXIMUM");
    assertThat(beyond.json().get("overridable").asBoolean()).isFalse();
    assertThat(mar(episode)).hasSize(6);
  }

  @Test
  void aCowsWithPupilSizeOneAndAHalfIsRefusedWith400() {
    String episode = admittedEpisode();
    String body = ApiClient.json(cows(10)).replace("\"pupilSize\":1", "\"pupilSize\":1.5");
    ApiResponse refused = gateway.send("POST", "/api/monitoring/v1/episodes/" + episode + "/cows-assessments",
        platform.token("nurse-north"), body, Map.of());
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.isProblem()).isTrue();
    assertThat(refused.json().get("type").asString()).isEqualTo("https://rehabnet.example/problems/validation");
    assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("pupilSize");
    JsonNode trend = gateway.get("/api/monitoring/v1/episodes/" + episode + "/withdrawal-trend",
        platform.token("nurse-north")).json();
    assertThat(trend.get("cows")).as("nothing charted").isEmpty();
  }

  @Test
  void slowBreathingRightAfterMethadoneIsAnEmergencyWhileAnOlderHighAlertIsOpen() {
    String episode = admittedEpisode();
    chart(episode, "vital-signs", vitals(9));
    assertThat(severities(episode, "RESPIRATORY_DEPRESSION")).as("before any opioid: HIGH").containsExactly("HIGH");

    chartCalmInWithdrawal(episode);
    String order = order(episode, Map.of("drug", "METHADONE", "doseMg", 20, "route", "ORAL"));
    ApiResponse given = give(episode, order, "METHADONE", "20", "ORAL", "nurse-north", null);
    assertThat(given.status()).as(given.body()).isEqualTo(201);

    chart(episode, "vital-signs", vitals(8));
    List<JsonNode> respiratory = alerts(episode, "RESPIRATORY_DEPRESSION");
    assertThat(respiratory).extracting(alert -> alert.get("severity").asString()).containsExactly("EMERGENCY", "HIGH");
    assertThat(respiratory.get(0).get("reason").asString()).contains("within 4 h of an opioid dose");
    assertThat(respiratory.get(1).get("acknowledgedAt").isNull()).as("the HIGH alert is still open").isTrue();
  }

  // --- the steps a ward takes through the gateway

  private static String admittedEpisode() {
    JsonNode admission = new Journeys(gateway).admit(platform.token("intake-north"), "north");
    String nurse = platform.token("nurse-north");
    return await("the detox episode").atMost(Duration.ofSeconds(30))
        .until(() -> gateway.get("/api/monitoring/v1/admissions/" + admission.get("admissionId").asString()
            + "/episode", nurse), r -> r.status() == 200)
        .json().get("episodeId").asString();
  }

  private static void chartCalmInWithdrawal(String episode) {
    chart(episode, "vital-signs", vitals(16));
    chart(episode, "observations", observation("1"));
    chart(episode, "cows-assessments", cows(10));
  }

  private static void chart(String episode, String what, Map<String, Object> body) {
    ApiResponse charted = gateway.post("/api/monitoring/v1/episodes/" + episode + "/" + what,
        platform.token("nurse-north"), body);
    assertThat(charted.status()).as(charted.body()).isEqualTo(201);
  }

  private static String order(String episode, Map<String, Object> body) {
    ApiResponse ordered = gateway.post("/api/monitoring/v1/episodes/" + episode + "/medication-orders",
        platform.token("physician-north"), body);
    assertThat(ordered.status()).as(ordered.body()).isEqualTo(201);
    return ordered.json().get("orderId").asString();
  }

  private static ApiResponse give(String episode, String order, String drug, String mg, String route, String user,
      String overrideReason) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("orderId", order);
    body.put("drug", drug);
    body.put("doseMg", new BigDecimal(mg));
    body.put("route", route);
    if (overrideReason != null) {
      body.put("overrideReason", overrideReason);
    }
    return gateway.post("/api/monitoring/v1/episodes/" + episode + "/administrations", platform.token(user), body);
  }

  private static JsonNode mar(String episode) {
    return gateway.get("/api/monitoring/v1/episodes/" + episode + "/administrations", platform.token("nurse-north"))
        .json();
  }

  private static List<JsonNode> alerts(String episode, String kind) {
    List<JsonNode> found = new ArrayList<>();
    gateway.get("/api/monitoring/v1/episodes/" + episode + "/alerts", platform.token("nurse-north")).json()
        .forEach(alert -> {
          if (kind.equals(alert.get("kind").asString())) {
            found.add(alert);
          }
        });
    return found;
  }

  private static List<String> severities(String episode, String kind) {
    return alerts(episode, kind).stream().map(alert -> alert.get("severity").asString()).toList();
  }

  private static Map<String, Object> vitals(int respirationRate) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("respirationRate", respirationRate);
    body.put("spo2", 97);
    body.put("onOxygen", false);
    body.put("systolic", 120);
    body.put("diastolic", 80);
    body.put("pulse", 72);
    body.put("consciousness", "ALERT");
    body.put("temperature", 37.0);
    return body;
  }

  private static Map<String, Object> observation(String poss) {
    return Map.of("poss", poss, "vomiting", false, "insomnia", false, "anxiety", false, "breathingDifficulty", false);
  }

  /** Ten items at 1 and gooseflesh at 0 make 10. */
  private static Map<String, Object> cows(int total) {
    Map<String, Object> body = new LinkedHashMap<>();
    for (String item : List.of("restingPulse", "sweating", "restlessness", "pupilSize", "boneJointAches", "runnyNose",
        "giUpset", "tremor", "yawning", "anxiety")) {
      body.put(item, total == 0 ? 0 : 1);
    }
    body.put("gooseflesh", 0);
    return body;
  }

  private static void assertUnsafe(ApiResponse response, String rule) {
    assertThat(response.status()).as(response.body()).isEqualTo(422);
    assertThat(response.isProblem()).isTrue();
    assertThat(response.json().get("type").asString()).isEqualTo("https://rehabnet.example/problems/unsafe-dose");
    assertThat(response.json().get("rule").asString()).isEqualTo(rule);
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asString()));
    return values;
  }
}
