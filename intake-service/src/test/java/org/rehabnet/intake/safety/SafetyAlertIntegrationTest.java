package org.rehabnet.intake.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rehabnet.intake.IntakeFixtures.count;
import static org.rehabnet.intake.IntakeFixtures.strings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rehabnet.intake.IntakeFixtures;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import org.rehabnet.test.infra.RehabnetIntegrationTest;
import org.rehabnet.test.tokens.TestIdentityProvider;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Thoughts of self-harm on a pre-admission PHQ-9 raise a safety alert at once, before any admission. */
@RehabnetIntegrationTest(database = "intake")
class SafetyAlertIntegrationTest {

  @LocalServerPort
  int port;

  IntakeFixtures intake;
  final TestIdentityProvider idp = TestIdentityProvider.get();
  String site;

  @BeforeEach
  void site() {
    intake = new IntakeFixtures(port);
    site = IntakeFixtures.newSite(1);
  }

  @Test
  void phq9ItemNineAboveZeroRaisesAnAlertForTheSitesCareTeamBeforeAnyAdmission() {
    String referralId = intake.openReferral(intake.registerPatient(site), site, "URGENT");
    intake.assess(referralId, site, phq9(0, 0, 0, 0, 0, 0, 0, 0, 1));

    JsonNode page = alerts(intake.staff("intake-coordinator", site)).json();

    assertThat(page.get("totalItems").asLong()).isEqualTo(1);
    assertThat(page.get("openItems").asLong()).isEqualTo(1);
    JsonNode alert = page.get("items").get(0);
    assertThat(alert.get("referralId").asString()).isEqualTo(referralId);
    assertThat(alert.get("kind").asString()).isEqualTo("SELF_HARM_RISK");
    assertThat(alert.get("severity").asString()).isEqualTo("HIGH");
    assertThat(alert.get("status").asString()).isEqualTo("OPEN");
    assertThat(alert.get("reason").asString()).isEqualTo("PHQ-9 item 9 above 0");
    assertThat(alert.get("raisedBy").asString()).isEqualTo("intake-coordinator-" + site);
    assertThat(alert.get("patient").get("mrn").asString()).matches("RN-\\d{7}");
    assertThat(alert.get("patient").get("familyName").asString()).isEqualTo("Family");
    assertThat(alert.propertyNames()).containsExactlyInAnyOrder("alertId", "referralId", "patient", "site", "kind",
        "severity", "reason", "status", "raisedAt", "raisedBy", "acknowledgedAt", "acknowledgedBy");
    assertThat(count("SELECT count(*) FROM admission WHERE referral_id = '" + referralId + "'")).isZero();
    assertThat(strings("SELECT action FROM audit_event WHERE resource_type = 'SafetyAlert' AND resource_id = '"
        + alert.get("alertId").asString() + "'")).contains("CREATE", "READ");

    assertThat(alerts(intake.staff("nurse", site)).status()).isEqualTo(200);
    assertThat(alerts(intake.staff("physician", site)).status()).isEqualTo(200);
    assertThat(alerts(idp.staff("lead", List.of("clinical-lead"), List.of())).json().get("totalItems").asLong())
        .isEqualTo(1);
    assertThat(alerts(intake.staff("nurse", "south")).status()).isEqualTo(404);
    assertThat(alerts(intake.staff("counsellor", site)).status()).isEqualTo(403);
    assertThat(alerts(intake.staff("site-admin", site)).status()).isEqualTo(403);
  }

  @Test
  void aReassessmentAddsNoAlertWhileOneIsOpenAndANewOneOnceItIsAcknowledged() {
    String referralId = intake.openReferral(intake.registerPatient(site), site, "URGENT");
    intake.assess(referralId, site, phq9(0, 0, 0, 0, 0, 0, 0, 0, 2));
    intake.assess(referralId, site, phq9(0, 0, 0, 0, 0, 0, 0, 0, 3));
    assertThat(alerts(intake.staff("nurse", site)).json().get("totalItems").asLong()).isEqualTo(1);
    String first = alerts(intake.staff("nurse", site)).json().get("items").get(0).get("alertId").asString();

    ApiResponse acknowledged = acknowledge(first, intake.staff("nurse", site));
    ApiResponse again = acknowledge(first, intake.staff("physician", site));

    assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(200);
    assertThat(acknowledged.json().get("status").asString()).isEqualTo("ACKNOWLEDGED");
    assertThat(acknowledged.json().get("acknowledgedBy").asString()).isEqualTo("nurse-" + site);
    assertThat(acknowledged.json().get("acknowledgedAt").asString()).isNotBlank();
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("rule").asString()).isEqualTo("alert-already-acknowledged");

    intake.assess(referralId, site, phq9(0, 0, 0, 0, 0, 0, 0, 0, 0));
    assertThat(alerts(intake.staff("nurse", site)).json().get("openItems").asLong())
        .as("item 9 back to 0 raises nothing").isZero();
    intake.assess(referralId, site, phq9(0, 0, 0, 0, 0, 0, 0, 0, 1));

    JsonNode page = alerts(intake.staff("nurse", site)).json();
    assertThat(page.get("totalItems").asLong()).isEqualTo(2);
    assertThat(page.get("openItems").asLong()).isEqualTo(1);
    assertThat(page.get("items").get(0).get("status").asString()).as("open ones first").isEqualTo("OPEN");
    assertThat(page.get("items").get(1).get("alertId").asString()).isEqualTo(first);
  }

  @Test
  void aPhq9WithItemNineAtZeroRaisesNoAlertWhateverTheTotal() {
    String referralId = intake.openReferral(intake.registerPatient(site), site, "URGENT");

    intake.assess(referralId, site, phq9(3, 3, 3, 3, 3, 3, 3, 3, 0));

    assertThat(alerts(intake.staff("nurse", site)).json().get("totalItems").asLong()).isZero();
  }

  @Test
  void onlyTheSitesCareTeamOrTheLeadAcknowledge() {
    String referralId = intake.openReferral(intake.registerPatient(site), site, "URGENT");
    intake.assess(referralId, site, phq9(0, 0, 0, 0, 0, 0, 0, 0, 1));
    String alertId = alerts(intake.staff("nurse", site)).json().get("items").get(0).get("alertId").asString();

    assertThat(acknowledge(alertId, intake.staff("counsellor", site)).status()).isEqualTo(403);
    assertThat(acknowledge(alertId, intake.staff("nurse", "south")).status()).isEqualTo(404);
    assertThat(acknowledge(java.util.UUID.randomUUID().toString(), intake.staff("nurse", site)).status())
        .isEqualTo(404);
    ApiResponse lead = acknowledge(alertId, idp.staff("lead", List.of("clinical-lead"), List.of()));
    assertThat(lead.status()).as(lead.body()).isEqualTo(200);
    assertThat(lead.json().get("acknowledgedBy").asString()).isEqualTo("lead");
  }

  @Test
  void theWaitingListShowsWhichReferralsHaveAnOpenSafetyAlert() {
    String withAlert = intake.openReferral(intake.registerPatient(site), site, "URGENT");
    intake.assess(withAlert, site, phq9(0, 0, 0, 0, 0, 0, 0, 0, 1));
    String without = intake.openReferral(intake.registerPatient(site), site, "URGENT");
    intake.assess(without, site, phq9(0, 0, 0, 0, 0, 0, 0, 0, 0));

    JsonNode list = intake.api.get("/v1/sites/" + site + "/waiting-list", intake.staff("intake-coordinator", site))
        .json();

    assertThat(list.get(0).get("referralId").asString()).isEqualTo(withAlert);
    assertThat(list.get(0).get("openSafetyAlert").asBoolean()).isTrue();
    assertThat(list.get(1).get("openSafetyAlert").asBoolean()).isFalse();
  }

  private ApiResponse alerts(String token) {
    return intake.api.get("/v1/sites/" + site + "/safety-alerts", token);
  }

  private ApiResponse acknowledge(String alertId, String token) {
    return intake.api.post("/v1/safety-alerts/" + alertId + "/acknowledgement", token, "");
  }

  private static Map<String, Object> phq9(Integer... items) {
    Map<String, Object> assessment = IntakeFixtures.assessment();
    assessment.put("phq9", new ArrayList<>(List.of(items)));
    return assessment;
  }
}
