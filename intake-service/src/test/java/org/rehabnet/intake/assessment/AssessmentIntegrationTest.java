package org.rehabnet.intake.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rehabnet.intake.IntakeFixtures.rows;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rehabnet.intake.IntakeFixtures;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import org.rehabnet.test.infra.RehabnetIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@RehabnetIntegrationTest(database = "intake")
class AssessmentIntegrationTest {

  @LocalServerPort
  int port;

  IntakeFixtures intake;
  String site;
  String referralId;

  @BeforeEach
  void referral() {
    intake = new IntakeFixtures(port);
    site = IntakeFixtures.newSite(1);
    referralId = intake.openReferral(intake.registerPatient(site), site, "URGENT");
  }

  @Test
  void theAssessmentIsStoredWithEveryComputedResult() {
    ApiResponse recorded = intake.put(path(), intake.staff("intake-coordinator", site), IntakeFixtures.assessment());

    assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    JsonNode a = intake.api.get(path(), intake.staff("nurse", site)).json();
    assertThat(a.get("bmi").decimalValue()).isEqualByComparingTo("20.4");
    assertThat(a.get("dependence").get("criteriaCounted").asInt()).isEqualTo(7);
    assertThat(a.get("dependence").get("severity").asString()).isEqualTo("SEVERE");
    assertThat(a.get("phq9").get("total").asInt()).isEqualTo(14);
    assertThat(a.get("phq9").get("band").asString()).isEqualTo("MODERATE");
    assertThat(a.get("gad7").get("total").asInt()).isEqualTo(9);
    assertThat(a.get("gad7").get("band").asString()).isEqualTo("MILD");
    assertThat(a.get("selfHarmRisk").asBoolean()).isTrue();
    assertThat(texts(a.get("udsFlags"))).containsExactlyInAnyOrder("FENTANYL_POSITIVE",
        "BENZODIAZEPINES_WITH_OPIOIDS");
    assertThat(texts(a.get("mentalHealthFlags"))).containsExactlyInAnyOrder("DEPRESSION", "PTSD", "SELF_HARM_RISK");
    assertThat(a.get("substances").size()).isEqualTo(2);
    assertThat(a.get("urineDrugScreen").size()).isEqualTo(4);
    assertThat(a.get("expectedLength").get("computedDays").asInt()).isEqualTo(10);
    assertThat(a.get("expectedLength").get("days").asInt()).isEqualTo(10);
    assertThat(a.get("pregnancyStatus").asString()).isEqualTo("NOT_PREGNANT");
    assertThat(intake.api.get(path(), intake.staff("nurse", "south")).status()).isEqualTo(404);
  }

  @Test
  void aScreenWithoutFentanylAndReportedBenzodiazepinesRaiseTheirFlagsAndExtendTheStay() {
    Map<String, Object> noFentanylResult = IntakeFixtures.assessment();
    noFentanylResult.put("urineDrugScreen", List.of(
        Map.of("analyte", "SIX_MAM", "result", "POSITIVE"),
        Map.of("analyte", "BENZODIAZEPINES", "result", "NEGATIVE")));

    ApiResponse recorded = intake.put(path(), intake.staff("intake-coordinator", site), noFentanylResult);

    assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    assertThat(texts(recorded.json().get("udsFlags")))
        .as("fentanyl not tested; benzodiazepines reported with heroin although the screen is negative")
        .containsExactlyInAnyOrder("FENTANYL_NOT_TESTED", "BENZODIAZEPINES_WITH_OPIOIDS");
    assertThat(recorded.json().get("expectedLength").get("computedDays").asInt())
        .as("severe with fentanyl not ruled out: the extended stay").isEqualTo(10);
    // Stored as the enums' names, as before the enums were used end to end.
    assertThat(IntakeFixtures.strings("SELECT array_to_string(uds_flags, ',') || ' ' || dependence_severity || ' '"
        + " || (SELECT string_agg(substance || '/' || route, ',' ORDER BY position) FROM assessment_substance s"
        + " WHERE s.assessment_id = a.id) FROM assessment a WHERE referral_id = '" + referralId + "'"))
        .containsExactly("FENTANYL_NOT_TESTED,BENZODIAZEPINES_WITH_OPIOIDS SEVERE HEROIN/INJECTED,BENZODIAZEPINE/ORAL");

    Map<String, Object> invalidStrip = IntakeFixtures.assessment();
    invalidStrip.put("urineDrugScreen", List.of(Map.of("analyte", "FENTANYL", "result", "INVALID")));
    assertThat(texts(intake.put(path(), intake.staff("intake-coordinator", site), invalidStrip).json()
        .get("udsFlags"))).contains("FENTANYL_NOT_TESTED").doesNotContain("FENTANYL_POSITIVE");
  }

  @Test
  void onlyAPhysicianOverridesTheExpectedLengthAndTheOverrideSurvivesAReassessment() {
    intake.put(path(), intake.staff("intake-coordinator", site), IntakeFixtures.assessment());
    Map<String, Object> override = Map.of("days", 8, "reason", "stable on methadone, short stay planned");

    ApiResponse coordinator = intake.api.post(path() + "/length-override",
        intake.staff("intake-coordinator", site), override);
    ApiResponse noReason = intake.api.post(path() + "/length-override", intake.staff("physician", site),
        Map.of("days", 8));
    ApiResponse physician = intake.api.post(path() + "/length-override", intake.staff("physician", site), override);

    assertThat(coordinator.status()).isEqualTo(403);
    assertThat(coordinator.json().get("type").asString()).endsWith("/forbidden");
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(physician.status()).isEqualTo(200);
    assertThat(physician.json().get("expectedLength").get("days").asInt()).isEqualTo(8);
    assertThat(physician.json().get("expectedLength").get("computedDays").asInt()).isEqualTo(10);
    assertThat(physician.json().get("expectedLength").get("overrideBy").asString()).isEqualTo("physician-" + site);

    ApiResponse replaced = intake.put(path(), intake.staff("intake-coordinator", site), IntakeFixtures.assessment());
    assertThat(replaced.status()).isEqualTo(200);
    assertThat(replaced.json().get("expectedLength").get("days").asInt()).isEqualTo(8);
  }

  @Test
  void outOfRangeValuesAreRefusedNamingTheFieldAndLeaveNoRow() {
    String token = intake.staff("intake-coordinator", site);
    long before = rows();

    Map<String, Object> phq9ItemOfFour = IntakeFixtures.assessment();
    phq9ItemOfFour.put("phq9", List.of(4, 0, 0, 0, 0, 0, 0, 0, 0));
    assertField(intake.put(path(), token, phq9ItemOfFour), "phq9[0]");

    Map<String, Object> eightPhq9Items = IntakeFixtures.assessment();
    eightPhq9Items.put("phq9", List.of(0, 0, 0, 0, 0, 0, 0, 0));
    assertField(intake.put(path(), token, eightPhq9Items), "phq9");

    Map<String, Object> gad7ItemOfFour = IntakeFixtures.assessment();
    gad7ItemOfFour.put("gad7", List.of(0, 0, 0, 0, 0, 0, 4));
    assertField(intake.put(path(), token, gad7ItemOfFour), "gad7[6]");

    Map<String, Object> twentyCentimetres = IntakeFixtures.assessment();
    twentyCentimetres.put("heightCm", 20);
    assertField(intake.put(path(), token, twentyCentimetres), "heightCm");

    Map<String, Object> tooHeavy = IntakeFixtures.assessment();
    tooHeavy.put("weightKg", 351);
    assertField(intake.put(path(), token, tooHeavy), "weightKg");

    Map<String, Object> futureUse = IntakeFixtures.assessment();
    futureUse.put("substances", new ArrayList<>(List.of(IntakeFixtures.substance("HEROIN", "SMOKED", "DAILY", 3,
        Instant.now().plus(2, ChronoUnit.HOURS)))));
    assertField(intake.put(path(), token, futureUse), "substances[0].lastUseAt");

    Map<String, Object> unknownAnalyte = IntakeFixtures.assessment();
    unknownAnalyte.put("urineDrugScreen", List.of(Map.of("analyte", "CAFFEINE", "result", "POSITIVE")));
    assertField(intake.put(path(), token, unknownAnalyte), "urineDrugScreen[0].analyte");

    Map<String, Object> twiceFentanyl = IntakeFixtures.assessment();
    twiceFentanyl.put("urineDrugScreen", List.of(Map.of("analyte", "FENTANYL", "result", "POSITIVE"),
        Map.of("analyte", "FENTANYL", "result", "NEGATIVE")));
    assertField(intake.put(path(), token, twiceFentanyl), "urineDrugScreen[1].analyte");

    Map<String, Object> noPregnancyStatus = IntakeFixtures.assessment();
    noPregnancyStatus.remove("pregnancyStatus");
    assertField(intake.put(path(), token, noPregnancyStatus), "pregnancyStatus");

    assertThat(rows()).isEqualTo(before);
  }

  @Test
  void theAssessmentOfAClosedReferralCannotChange() {
    String token = intake.staff("intake-coordinator", site);
    intake.api.post("/v1/referrals/" + referralId + "/withdrawal", token, "");

    ApiResponse refused = intake.put(path(), token, IntakeFixtures.assessment());

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("rule").asString()).isEqualTo("assessment-closed");
  }

  private String path() {
    return "/v1/referrals/" + referralId + "/assessment";
  }

  private static List<String> texts(JsonNode array) {
    return array.valueStream().map(JsonNode::asString).toList();
  }

  @Test
  void aDraftShowsItsFiguresAsTypedAndStoresNothing() {
    Map<String, Object> draft = new java.util.HashMap<>();
    draft.put("oudCriteria", List.of("CRAVING", "TOLERANCE", "WITHDRAWAL", "MUCH_TIME_SPENT"));
    draft.put("heightCm", 175);
    draft.put("weightKg", 70);
    draft.put("phq9", java.util.Arrays.asList(2, 2, 2, 2, 0, 0, 0, 0, null));
    draft.put("gad7", List.of(1, 1, 1, 1, 1, 1, 1));
    ApiResponse preview = intake.api.post(path() + "/preview", intake.staff("intake-coordinator", site), draft);

    assertThat(preview.status()).as(preview.body()).isEqualTo(200);
    JsonNode figures = preview.json();
    assertThat(figures.get("dependenceSeverity").asString()).isEqualTo("MODERATE");
    assertThat(figures.get("criteriaCounted").asInt()).isEqualTo(4);
    assertThat(figures.get("bmi").decimalValue()).isEqualByComparingTo("22.9");
    assertThat(figures.get("phq9Total").isNull()).as("item 9 not answered yet").isTrue();
    assertThat(figures.get("gad7Total").asInt()).isEqualTo(7);
    assertThat(figures.get("gad7Band").asString()).isEqualTo("MILD");
    assertThat(figures.get("expectedLengthDays").asInt()).isPositive();
    assertThat(intake.api.get(path(), intake.staff("nurse", site)).status()).as("nothing stored").isEqualTo(404);

    draft.put("phq9", List.of(2, 2, 2, 2, 0, 0, 0, 0, 4));
    assertField(intake.api.post(path() + "/preview", intake.staff("intake-coordinator", site), draft), "phq9[8]");
    assertThat(intake.api.post(path() + "/preview", intake.staff("nurse", site), Map.of()).status()).isEqualTo(403);
    assertThat(intake.api.post(path() + "/preview", intake.staff("intake-coordinator", "south"), Map.of()).status())
        .isIn(403, 404);
  }

  private static void assertField(ApiResponse response, String field) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().get("type").asString()).isEqualTo("https://rehabnet.example/problems/validation");
    assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
        .as(response.body()).contains(field);
  }
}
