package org.rehabnet.intake.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rehabnet.intake.IntakeFixtures.count;
import static org.rehabnet.intake.IntakeFixtures.rows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rehabnet.intake.IntakeFixtures;
import org.rehabnet.platform.events.CloudEventHeaders;
import org.rehabnet.platform.events.Topics;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import org.rehabnet.test.infra.EventProbe;
import org.rehabnet.test.infra.RehabnetIntegrationTest;
import org.rehabnet.test.tokens.TestIdentityProvider;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Admission from an accepted, assessed referral to a free bed, and everything it refuses. */
@RehabnetIntegrationTest(database = "intake")
class AdmissionIntegrationTest {

  @LocalServerPort
  int port;

  IntakeFixtures intake;
  final TestIdentityProvider idp = TestIdentityProvider.get();

  @BeforeEach
  void client() {
    intake = new IntakeFixtures(port);
  }

  @Test
  void admissionTakesAFreeBedAndPublishesEverythingMonitoringNeedsWithCloudEventsHeaders() {
    String site = IntakeFixtures.newSite(2);
    String referralId = intake.acceptedAndAssessedReferral(site);

    ApiResponse created = intake.admit(referralId, intake.staff("intake-coordinator", site));

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode body = created.json();
    assertThat(body.get("site").asString()).isEqualTo(site);
    assertThat(body.get("bed").asString()).isEqualTo("W-1");
    assertThat(body.get("mrn").asString()).matches("RN-\\d{7}");
    assertThat(body.get("expectedLengthDays").asInt()).isEqualTo(10);
    assertThat(body.get("referralId").asString()).isEqualTo(referralId);
    String patientId = body.get("patientId").asString();
    String admissionId = body.get("admissionId").asString();

    var record = EventProbe.awaitRecord(Topics.INTAKE_ADMISSIONS, patientId, Duration.ofSeconds(20));
    assertThat(EventProbe.header(record, CloudEventHeaders.TYPE)).isEqualTo("rehab.intake.AdmissionRecorded.v1");
    assertThat(EventProbe.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/rehabnet/intake-service");
    assertThat(EventProbe.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
    assertThat(EventProbe.header(record, CloudEventHeaders.ID)).isNotBlank();
    assertThat(EventProbe.header(record, CloudEventHeaders.TIME)).isNotBlank();
    assertThat(EventProbe.header(record, "traceparent"))
        .contains(created.header("traceparent").substring(3, 35));
    JsonNode event = tools.jackson.databind.json.JsonMapper.builder().build().readTree(record.value());
    assertThat(event.get("admissionId").asString()).isEqualTo(admissionId);
    assertThat(event.get("bed").asString()).isEqualTo("W-1");
    assertThat(event.get("referralId").asString()).isEqualTo(referralId);
    assertThat(event.get("expectedLengthDays").asInt()).isEqualTo(10);
    assertThat(event.get("dependenceSeverity").asString()).isEqualTo("SEVERE");
    assertThat(event.get("udsFlags").valueStream().map(JsonNode::asString).toList())
        .containsExactlyInAnyOrder("FENTANYL_POSITIVE", "BENZODIAZEPINES_WITH_OPIOIDS");
    assertThat(event.get("mentalHealthFlags").valueStream().map(JsonNode::asString).toList())
        .containsExactlyInAnyOrder("DEPRESSION", "PTSD", "SELF_HARM_RISK");
    assertThat(event.get("substances").valueStream().map(s -> s.get("substance").asString()).toList())
        .containsExactly("HEROIN", "BENZODIAZEPINE");
    assertThat(event.get("substances").get(0).get("route").asString()).isEqualTo("INJECTED");
    assertThat(event.get("substances").get(0).get("lastUseAt").asString()).isNotBlank();
    assertThat(new String(record.value())).doesNotContain("Given").doesNotContain("Family")
        .doesNotContain("1988-05-17").doesNotContain("about 1 g");

    assertThat(count("SELECT count(*) FROM bed WHERE site = '" + site + "' AND status = 'OCCUPIED'"
        + " AND admission_id = '" + admissionId + "'")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM audit_event WHERE resource_type = 'Admission' AND action = 'CREATE'"
        + " AND resource_id = '" + admissionId + "' AND outcome = 'SUCCESS'")).as("audited with the admission")
        .isEqualTo(1);
    var referral = intake.api.get("/v1/referrals/" + referralId, intake.staff("nurse", site)).json();
    assertThat(referral.get("status").asString()).isEqualTo("ADMITTED");
    assertThat(referral.get("admissionId").asString()).isEqualTo(admissionId);
    var beds = intake.api.get("/v1/sites/" + site + "/capacity", intake.staff("nurse", site)).json();
    assertThat(beds.get("free").asInt()).isEqualTo(1);
    assertThat(beds.get("occupied").asInt()).isEqualTo(1);
  }

  @Test
  void staffOfTheSameSiteReadTheAdmissionAndOtherSitesGetNotFound() {
    String site = IntakeFixtures.newSite(1);
    String id = intake.admit(intake.acceptedAndAssessedReferral(site), intake.staff("physician", site))
        .json().get("admissionId").asString();

    ApiResponse sameSite = intake.api.get("/v1/admissions/" + id, intake.staff("nurse", site));
    ApiResponse counsellor = intake.api.get("/v1/admissions/" + id, intake.staff("counsellor", site));
    ApiResponse otherSite = intake.api.get("/v1/admissions/" + id, intake.staff("nurse", "south"));
    ApiResponse lead = intake.api.get("/v1/admissions/" + id, idp.staff("lead", List.of("clinical-lead"), List.of()));

    assertThat(sameSite.status()).isEqualTo(200);
    assertThat(counsellor.status()).isEqualTo(200);
    assertThat(lead.status()).isEqualTo(200);
    assertThat(otherSite.status()).isEqualTo(404);
    assertThat(otherSite.isProblem()).isTrue();
    assertThat(otherSite.json().get("type").asString()).isEqualTo("https://rehabnet.example/problems/not-found");
    assertThat(intake.api.get("/v1/sites/" + site + "/beds", intake.staff("nurse", "south")).status())
        .isEqualTo(404);
  }

  @Test
  void admissionWithoutAnAcceptedReferralIsABusinessRuleProblemAndChangesNothing() {
    String site = IntakeFixtures.newSite(1);
    String token = intake.staff("intake-coordinator", site);
    String referralId = intake.openReferral(intake.registerPatient(site), site, "ROUTINE");
    intake.assess(referralId, site);
    long before = rows();

    ApiResponse refused = intake.admit(referralId, token);

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().get("type").asString()).isEqualTo("https://rehabnet.example/problems/business-rule");
    assertThat(refused.json().get("rule").asString()).isEqualTo("referral-not-accepted");
    assertThat(rows()).isEqualTo(before);
    assertThat(count("SELECT count(*) FROM referral WHERE id = '" + referralId + "' AND status = 'NEW'"))
        .isEqualTo(1);
  }

  @Test
  void aSecondAdmissionOfAnAdmittedReferralNamesTheFirstAndTakesNoBed() {
    String site = IntakeFixtures.newSite(2);
    String token = intake.staff("intake-coordinator", site);
    String referralId = intake.acceptedAndAssessedReferral(site);
    String admissionId = intake.admit(referralId, token).json().get("admissionId").asString();
    long before = rows();

    ApiResponse again = intake.admit(referralId, token);

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("rule").asString()).isEqualTo("referral-already-admitted");
    assertThat(again.json().get("admissionId").asString()).isEqualTo(admissionId);
    assertThat(rows()).isEqualTo(before);
    assertThat(intake.admit(referralId, intake.staff("intake-coordinator", "south")).status())
        .as("another site's user learns nothing").isEqualTo(404);
  }

  @Test
  void admissionWithoutAnAssessmentIsABusinessRuleProblemAndChangesNothing() {
    String site = IntakeFixtures.newSite(1);
    String referralId = intake.openReferral(intake.registerPatient(site), site, "ROUTINE");
    intake.accept(referralId, site);
    long before = rows();

    ApiResponse refused = intake.admit(referralId, intake.staff("intake-coordinator", site));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().get("rule").asString()).isEqualTo("assessment-required");
    assertThat(rows()).isEqualTo(before);
    assertThat(count("SELECT count(*) FROM referral WHERE id = '" + referralId + "' AND status = 'ACCEPTED'"))
        .isEqualTo(1);
  }

  @Test
  void aFullSiteIsAConflictProblemAndChangesNothing() {
    String site = IntakeFixtures.newSite(1);
    String token = intake.staff("intake-coordinator", site);
    assertThat(intake.admit(intake.acceptedAndAssessedReferral(site), token).status()).isEqualTo(201);
    String waiting = intake.acceptedAndAssessedReferral(site);
    long before = rows();

    ApiResponse full = intake.admit(waiting, token);

    assertThat(full.status()).isEqualTo(409);
    assertThat(full.json().get("type").asString()).isEqualTo("https://rehabnet.example/problems/conflict");
    assertThat(full.json().get("rule").asString()).isEqualTo("site-full");
    assertThat(rows()).isEqualTo(before);
    assertThat(count("SELECT count(*) FROM referral WHERE id = '" + waiting + "' AND status = 'ACCEPTED'"))
        .isEqualTo(1);
  }

  @Test
  void badInputIsRefusedNamingTheFieldAndChangesNothing() {
    String token = intake.staff("intake-coordinator", "north");
    long before = rows();

    assertValidationProblem(intake.api.post("/v1/admissions", token, Map.of()), "referralId");
    assertValidationProblem(intake.api.post("/v1/admissions", token, Map.of("referralId", "not-a-uuid")),
        "referralId");
    ApiResponse unknown = intake.admit(UUID.randomUUID().toString(), token);
    assertThat(unknown.status()).isEqualTo(404);
    ApiResponse malformed = intake.api.post("/v1/admissions", token, "{\"referralId\": ");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().get("type").asString()).endsWith("/malformed-request");

    assertThat(rows()).isEqualTo(before);
  }

  @Test
  void wrongRoleWrongSiteAndNoTokenAreRefusedAsProblems() {
    String site = IntakeFixtures.newSite(1);
    String referralId = intake.acceptedAndAssessedReferral(site);

    ApiResponse nurse = intake.admit(referralId, intake.staff("nurse", site));
    ApiResponse otherSite = intake.admit(referralId, intake.staff("intake-coordinator", "south"));
    ApiResponse anonymous = intake.admit(referralId, null);
    ApiResponse registerElsewhere = intake.api.post("/v1/patients", intake.staff("intake-coordinator", "south"),
        IntakeFixtures.person("north"));

    assertThat(nurse.status()).isEqualTo(403);
    assertThat(nurse.json().get("type").asString()).endsWith("/forbidden");
    assertThat(otherSite.status()).as("another site's referral is not confirmed to exist").isEqualTo(404);
    assertThat(registerElsewhere.status()).isEqualTo(403);
    assertThat(registerElsewhere.json().get("type").asString()).endsWith("/wrong-site");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.isProblem()).isTrue();
    assertThat(anonymous.header("www-authenticate")).startsWith("Bearer");
    assertThat(count("SELECT count(*) FROM referral WHERE id = '" + referralId + "' AND status = 'ACCEPTED'"))
        .isEqualTo(1);
  }

  @Test
  void tokensForAnotherAudienceOrIssuerAreRefused() {
    String wrongAudience = idp.sign(idp.claims("intake-north", List.of("intake-coordinator"))
        .audience("account").claim("site", List.of("north")).build());
    String wrongIssuer = idp.sign(idp.claims("intake-north", List.of("intake-coordinator"))
        .issuer("http://elsewhere/realms/rehabnet").claim("site", List.of("north")).build());

    assertThat(intake.api.get("/v1/admissions/" + UUID.randomUUID(), wrongAudience).status()).isEqualTo(401);
    assertThat(intake.api.get("/v1/admissions/" + UUID.randomUUID(), wrongIssuer).status()).isEqualTo(401);
  }

  private static void assertValidationProblem(ApiResponse response, String field) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.isProblem()).isTrue();
    JsonNode problem = response.json();
    assertThat(problem.get("type").asString()).isEqualTo("https://rehabnet.example/problems/validation");
    assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList()).contains(field);
    assertThat(problem.get("requestId").asString()).isNotBlank();
  }
}
