package org.rehabnet.intake.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rehabnet.intake.IntakeFixtures.rows;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rehabnet.intake.IntakeFixtures;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import org.rehabnet.test.infra.RehabnetIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@RehabnetIntegrationTest(database = "intake")
class ReferralIntegrationTest {

  @LocalServerPort
  int port;

  IntakeFixtures intake;

  @BeforeEach
  void client() {
    intake = new IntakeFixtures(port);
  }

  @Test
  void aReferralMovesThroughItsLifecycleAndRefusesIllegalSteps() {
    String site = IntakeFixtures.newSite(1);
    String token = intake.staff("physician", site);
    String referralId = intake.openReferral(intake.registerPatient(site), site, "ROUTINE");

    ApiResponse acceptTooEarly = intake.api.post("/v1/referrals/" + referralId + "/acceptance", token, "");
    assertThat(acceptTooEarly.status()).isEqualTo(409);
    assertThat(acceptTooEarly.json().get("type").asString()).endsWith("/conflict");
    assertThat(acceptTooEarly.json().get("status").asString()).isEqualTo("NEW");

    assertThat(intake.api.post("/v1/referrals/" + referralId + "/screening", token, "").json()
        .get("status").asString()).isEqualTo("SCREENING");
    ApiResponse noReason = intake.api.post("/v1/referrals/" + referralId + "/decline", token, Map.of("reason", " "));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");

    ApiResponse declined = intake.api.post("/v1/referrals/" + referralId + "/decline", token,
        Map.of("reason", "needs hospital-level care first"));
    assertThat(declined.status()).isEqualTo(200);
    assertThat(declined.json().get("status").asString()).isEqualTo("DECLINED");
    assertThat(declined.json().get("declineReason").asString()).isEqualTo("needs hospital-level care first");

    assertThat(intake.api.post("/v1/referrals/" + referralId + "/acceptance", token, "").status()).isEqualTo(409);
    assertThat(intake.api.post("/v1/referrals/" + referralId + "/withdrawal", token, "").status()).isEqualTo(409);
    assertThat(intake.admit(referralId, token).status()).isEqualTo(422);
  }

  @Test
  void theWaitingListIsOrderedByUrgencyThenArrivalAndLeavesOutClosedReferrals() {
    String site = IntakeFixtures.newSite(1);
    String routine = intake.openReferral(intake.registerPatient(site), site, "ROUTINE");
    String urgentFirst = intake.openReferral(intake.registerPatient(site), site, "URGENT");
    String emergency = intake.openReferral(intake.registerPatient(site), site, "EMERGENCY");
    String urgentSecond = intake.openReferral(intake.registerPatient(site), site, "URGENT");
    String withdrawn = intake.openReferral(intake.registerPatient(site), site, "EMERGENCY");
    intake.api.post("/v1/referrals/" + withdrawn + "/withdrawal", intake.staff("intake-coordinator", site), "");

    ApiResponse list = intake.api.get("/v1/sites/" + site + "/waiting-list", intake.staff("counsellor", site));

    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().valueStream().map(e -> e.get("referralId").asString()).toList())
        .containsExactly(emergency, urgentFirst, urgentSecond, routine);
    assertThat(list.json().get(0).get("position").asInt()).isEqualTo(1);
    // The coordinator's one screen: who (name and MRN), urgency, status, days waiting, assessment done?
    JsonNode first = list.json().get(0);
    assertThat(first.get("givenName").asString()).startsWith("Given");
    assertThat(first.get("familyName").asString()).isEqualTo("Family");
    assertThat(first.get("mrn").asString()).matches("RN-\\d{7}");
    assertThat(first.get("urgency").asString()).isEqualTo("EMERGENCY");
    assertThat(first.get("status").asString()).isEqualTo("NEW");
    assertThat(first.get("daysWaiting").asLong()).isZero();
    assertThat(first.get("assessmentDone").asBoolean()).isFalse();
    assertThat(intake.api.get("/v1/sites/" + site + "/waiting-list", intake.staff("nurse", "south")).status())
        .isEqualTo(404);
  }

  @Test
  void theWaitingListCountsDaysInTheSitesCalendarAndShowsWhetherTheAssessmentIsDone() {
    String site = IntakeFixtures.newSite(1, "America/Chicago");
    String assessed = intake.openReferral(intake.registerPatient(site), site, "URGENT");
    intake.assess(assessed, site);
    String waitingLong = intake.openReferral(intake.registerPatient(site), site, "URGENT");
    IntakeFixtures.execute("UPDATE referral SET received_at = now() - interval '3 days' WHERE id = '"
        + waitingLong + "'");

    JsonNode list = intake.api.get("/v1/sites/" + site + "/waiting-list", intake.staff("intake-coordinator", site))
        .json();

    assertThat(ids(list)).containsExactly(waitingLong, assessed);
    assertThat(list.get(0).get("daysWaiting").asLong()).isEqualTo(3);
    assertThat(list.get(0).get("assessmentDone").asBoolean()).isFalse();
    assertThat(list.get(1).get("daysWaiting").asLong()).isZero();
    assertThat(list.get(1).get("assessmentDone").asBoolean()).isTrue();
    assertThat(intake.api.get("/v1/sites/" + site + "/waiting-list", intake.staff("site-admin", site)).status())
        .isEqualTo(403);
  }

  @Test
  void staffOfAnotherSiteCannotSeeOrMoveAReferralAndReadersCannotWrite() {
    String site = IntakeFixtures.newSite(1);
    String referralId = intake.openReferral(intake.registerPatient(site), site, "URGENT");

    assertThat(intake.api.get("/v1/referrals/" + referralId, intake.staff("nurse", site)).status()).isEqualTo(200);
    assertThat(intake.api.get("/v1/referrals/" + referralId, intake.staff("nurse", "south")).status())
        .isEqualTo(404);
    assertThat(intake.api.post("/v1/referrals/" + referralId + "/screening",
        intake.staff("intake-coordinator", "south"), "").status()).isEqualTo(404);
    ApiResponse nurse = intake.api.post("/v1/referrals/" + referralId + "/screening", intake.staff("nurse", site), "");
    assertThat(nurse.status()).isEqualTo(403);
    assertThat(nurse.json().get("type").asString()).endsWith("/forbidden");
  }

  @Test
  void badReferralsNameTheFieldAndChangeNothing() {
    String token = intake.staff("intake-coordinator", "north");
    String patientId = intake.registerPatient("north");
    long before = rows();

    assertField(intake.api.post("/v1/referrals", token, Map.of("patientId", patientId, "site", "north",
        "source", "FAMILY")), "urgency");
    assertField(intake.api.post("/v1/referrals", token, Map.of("patientId", patientId, "site", "north",
        "source", "NEIGHBOUR", "urgency", "URGENT")), "source");
    assertField(intake.api.post("/v1/referrals", token, Map.of("patientId", UUID.randomUUID().toString(),
        "site", "north", "source", "FAMILY", "urgency", "URGENT")), "patientId");
    assertField(intake.api.post("/v1/referrals", token, Map.of("patientId", patientId, "site", "north",
        "source", "READMISSION", "urgency", "URGENT")), "source");
    ApiResponse otherSite = intake.api.post("/v1/referrals", token, Map.of("patientId", patientId, "site", "south",
        "source", "FAMILY", "urgency", "URGENT"));
    assertThat(otherSite.status()).isEqualTo(403);
    assertThat(otherSite.json().get("type").asString()).endsWith("/wrong-site");

    assertThat(rows()).isEqualTo(before);
  }

  private static void assertField(ApiResponse response, String field) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    JsonNode problem = response.json();
    assertThat(problem.get("type").asString()).endsWith("/validation");
    assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList()).contains(field);
  }

  static List<String> ids(JsonNode list) {
    return list.valueStream().map(e -> e.get("referralId").asString()).toList();
  }
}
