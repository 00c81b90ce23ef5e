package org.rehabnet.intake.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rehabnet.intake.IntakeFixtures.rows;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rehabnet.intake.IntakeFixtures;
import org.rehabnet.platform.events.CloudEventHeaders;
import org.rehabnet.platform.events.Topics;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import org.rehabnet.test.infra.EventProbe;
import org.rehabnet.test.infra.RehabnetIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@RehabnetIntegrationTest(database = "intake")
class PatientRegistrationIntegrationTest {

  @LocalServerPort
  int port;

  IntakeFixtures intake;

  @BeforeEach
  void client() {
    intake = new IntakeFixtures(port);
  }

  @Test
  void registrationIsStoredAndPublishedOnThePatientsTopic() {
    ApiResponse created = intake.api.post("/v1/patients", intake.staff("intake-coordinator", "north"),
        IntakeFixtures.person("north"));

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode body = created.json();
    assertThat(body.get("mrn").asString()).matches("RN-\\d{7}");
    assertThat(body.get("emergencyContact").get("relationship").asString()).isEqualTo("sister");
    String patientId = body.get("patientId").asString();

    var record = EventProbe.awaitRecord(Topics.INTAKE_PATIENTS, patientId, Duration.ofSeconds(20));
    assertThat(EventProbe.header(record, CloudEventHeaders.TYPE)).isEqualTo("rehab.intake.PatientRegistered.v1");
    assertThat(EventProbe.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/rehabnet/intake-service");
    assertThat(EventProbe.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
    assertThat(new String(record.value())).contains(body.get("mrn").asString()).contains("\"registeredAtSite\":\"north\"")
        // Contacts stay in intake: neither phone number nor the emergency contact travels.
        .doesNotContain("+1 555 0100").doesNotContain("+1 555 0101").doesNotContain("A Relative");
  }

  @Test
  void theSamePersonAtTheCallersOwnSiteIsAConflictNamingOnlyTheExistingPatient() {
    Map<String, Object> person = IntakeFixtures.person("north");
    person.put("givenName", "Zoë " + person.get("givenName"));
    String existing = intake.api.post("/v1/patients", intake.staff("intake-coordinator", "north"), person)
        .json().get("patientId").asString();
    String referralAtNorth = intake.openReferral(existing, "north", "URGENT");
    long before = rows();

    Map<String, Object> again = new HashMap<>(person);
    again.put("givenName", ((String) person.get("givenName")).toUpperCase().replace("Ë", "E"));
    again.put("familyName", "  family ");
    ApiResponse duplicate = intake.api.post("/v1/patients", intake.staff("physician", "north"), again);

    assertThat(duplicate.status()).isEqualTo(409);
    JsonNode problem = duplicate.json();
    assertThat(problem.get("type").asString()).isEqualTo("https://rehabnet.example/problems/conflict");
    assertThat(problem.get("existingPatientId").asString()).isEqualTo(existing);
    assertThat(problem.propertyNames()).containsExactlyInAnyOrderElementsOf(
        Set.of("type", "title", "status", "detail", "instance", "requestId", "existingPatientId"));
    assertThat(duplicate.body()).doesNotContain(referralAtNorth).doesNotContain("RN-");
    assertThat(rows()).isEqualTo(before);
    assertThat(IntakeFixtures.count("SELECT count(*) FROM audit_event WHERE patient_id = '" + existing
        + "' AND outcome = 'REFUSED' AND reason LIKE 'duplicate check matched%'")).isEqualTo(1);
  }

  @Test
  void aMatchOnlyAtASiteTheCallerCannotReadIsNotToldAndGoesToTheRecordsTeam() {
    Map<String, Object> person = IntakeFixtures.person("north");
    String existing = intake.registerPatient(person);
    Map<String, Object> stranger = IntakeFixtures.person("south");

    Map<String, Object> again = new HashMap<>(person);
    again.put("site", "south");
    String south = intake.staff("intake-coordinator", "south");
    ApiResponse matched = intake.api.post("/v1/patients", south, again);
    ApiResponse unmatched = intake.api.post("/v1/patients", south, stranger);

    // Exactly what a registration without a match answers: nothing says the person is known elsewhere.
    assertThat(matched.status()).as(matched.body()).isEqualTo(201);
    assertThat(matched.json().propertyNames()).containsExactlyInAnyOrderElementsOf(unmatched.json().propertyNames());
    assertThat(matched.header("location")).startsWith("patients/");
    String twin = matched.json().get("patientId").asString();
    assertThat(twin).isNotEqualTo(existing);
    assertThat(texts(matched.json().get("sites"))).containsExactly("south");
    assertThat(matched.body()).doesNotContain(existing).doesNotContain("north");
    assertThat(intake.api.get("/v1/patients/" + existing, south).status()).isEqualTo(404);

    // The records team sees the pair, and only the records team.
    ApiResponse review = intake.api.get("/v1/possible-duplicates", intake.recordsOfficer());
    assertThat(review.status()).as(review.body()).isEqualTo(200);
    JsonNode item = review.json().valueStream()
        .filter(i -> i.get("patient").get("patientId").asString().equals(twin)).findFirst().orElseThrow();
    assertThat(item.get("matchedPatient").get("patientId").asString()).isEqualTo(existing);
    assertThat(texts(item.get("matchedPatient").get("sites"))).containsExactly("north");
    assertThat(texts(item.get("patient").get("sites"))).containsExactly("south");
    assertThat(item.get("foundAtSite").asString()).isEqualTo("south");
    assertThat(item.get("foundBy").asString()).isEqualTo("REGISTRATION");
    for (String role : List.of("intake-coordinator", "physician", "site-admin", "nurse")) {
      ApiResponse refused = intake.api.get("/v1/possible-duplicates", intake.staff(role, "south"));
      assertThat(refused.status()).as(role).isEqualTo(403);
      assertThat(refused.isProblem()).isTrue();
    }
    assertThat(intake.api.get("/v1/possible-duplicates",
        intake.idp.staff("lead", List.of("clinical-lead"), List.of())).status()).isEqualTo(403);

    // Audited: the match under the matched patient, and the records team's read of the list.
    String possibleDuplicate = item.get("possibleDuplicateId").asString();
    assertThat(IntakeFixtures.count("SELECT count(*) FROM audit_event WHERE resource_type = 'PossibleDuplicate'"
        + " AND action = 'CREATE' AND patient_id = '" + existing + "' AND resource_id = '" + possibleDuplicate
        + "' AND actor = 'intake-coordinator-south'")).isEqualTo(1);
    assertThat(IntakeFixtures.count("SELECT count(*) FROM audit_event WHERE resource_type = 'PossibleDuplicate'"
        + " AND action = 'READ' AND patient_id = '" + existing + "' AND actor = 'records'")).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aReferralAtASecondSiteWaitsForTheRecordsTeamsAuditedLink() {
    String existing = intake.registerPatient("north");
    String south = intake.staff("intake-coordinator", "south");
    Map<String, Object> referral = Map.of("site", "south", "source", "FAMILY", "urgency", "URGENT");

    ApiResponse ofAnotherSite = intake.api.post("/v1/referrals", south, with(referral, "patientId", existing));
    ApiResponse ofNobody = intake.api.post("/v1/referrals", south,
        with(referral, "patientId", java.util.UUID.randomUUID().toString()));

    // The same refusal for a patient of another site as for an unknown id.
    assertThat(ofAnotherSite.status()).isEqualTo(400);
    assertThat(ofNobody.status()).isEqualTo(400);
    assertThat(ofAnotherSite.json().get("type")).isEqualTo(ofNobody.json().get("type"));
    assertThat(ofAnotherSite.json().get("errors")).isEqualTo(ofNobody.json().get("errors"));
    assertThat(intake.api.get("/v1/patients/" + existing, south).status()).isEqualTo(404);
    assertThat(intake.api.get("/v1/patients/" + existing + "/consents", south).status()).isEqualTo(404);

    // Only the records team links, with a reason, once, and problem+json for every mistake.
    Map<String, Object> link = Map.of("site", "south", "reason", "Identity confirmed with the patient");
    String path = "/v1/patients/" + existing + "/site-links";
    assertThat(intake.api.post(path, south, link).status()).isEqualTo(403);
    assertThat(intake.api.post(path, intake.staff("site-admin", "north"), link).status()).isEqualTo(403);
    assertProblem(intake.api.post("/v1/patients/" + java.util.UUID.randomUUID() + "/site-links",
        intake.recordsOfficer(), link), 404, "/not-found");
    assertProblem(intake.api.post(path, intake.recordsOfficer(), Map.of("site", "east", "reason", "x")), 400,
        "/validation");
    assertProblem(intake.api.post(path, intake.recordsOfficer(), Map.of("site", "south")), 400, "/validation");
    assertProblem(intake.api.post(path, intake.recordsOfficer(), Map.of("site", "south", "reason", "x",
        "possibleDuplicateId", java.util.UUID.randomUUID().toString())), 400, "/validation");
    ApiResponse linked = intake.api.post(path, intake.recordsOfficer(), link);
    assertThat(linked.status()).as(linked.body()).isEqualTo(201);
    assertThat(texts(linked.json().get("sites"))).containsExactly("north", "south");
    assertProblem(intake.api.post(path, intake.recordsOfficer(), link), 409, "/conflict");
    assertThat(IntakeFixtures.count("SELECT count(*) FROM audit_event WHERE resource_type = 'PatientSiteLink'"
        + " AND action = 'CREATE' AND outcome = 'SUCCESS' AND patient_id = '" + existing + "' AND site = 'south'"
        + " AND actor = 'records'")).isEqualTo(1);
    assertThat(IntakeFixtures.count("SELECT count(*) FROM audit_event WHERE patient_id = '" + existing
        + "' AND reason LIKE '%Identity confirmed%'")).as("the reason stays out of the audit trail").isZero();

    // Now south refers and reads the patient, and sees only its own site.
    assertThat(intake.api.post("/v1/referrals", south, with(referral, "patientId", existing)).status())
        .isEqualTo(201);
    ApiResponse read = intake.api.get("/v1/patients/" + existing, south);
    assertThat(read.status()).isEqualTo(200);
    assertThat(texts(read.json().get("sites"))).containsExactly("south");
  }

  @Test
  void badRegistrationsNameTheFieldAndChangeNothing() {
    String token = intake.staff("intake-coordinator", "north");
    long before = rows();

    assertField(intake.api.post("/v1/patients", token, without("givenName")), "givenName");
    assertField(intake.api.post("/v1/patients", token,
        with("dateOfBirth", LocalDate.now().plusDays(3).toString())), "dateOfBirth");
    assertField(intake.api.post("/v1/patients", token, with("dateOfBirth", "01/02/1990")), "dateOfBirth");
    assertField(intake.api.post("/v1/patients", token, with("site", "east")), "site");
    assertField(intake.api.post("/v1/patients", token, with("administrativeGender", "ROBOT")),
        "administrativeGender");
    assertField(intake.api.post("/v1/patients", token, with("emergencyContact", Map.of("name", "X"))),
        "emergencyContact.phone");

    assertThat(rows()).isEqualTo(before);
  }

  private static Map<String, Object> with(String field, Object value) {
    Map<String, Object> person = IntakeFixtures.person("north");
    person.put(field, value);
    return person;
  }

  private static Map<String, Object> without(String field) {
    Map<String, Object> person = IntakeFixtures.person("north");
    person.remove(field);
    return person;
  }

  private static void assertField(ApiResponse response, String field) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().get("type").asString()).endsWith("/validation");
    assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
        .contains(field);
  }

  private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
    Map<String, Object> changed = new HashMap<>(body);
    changed.put(field, value);
    return changed;
  }

  private static List<String> texts(JsonNode array) {
    return array.valueStream().map(JsonNode::asString).toList();
  }

  private static void assertProblem(ApiResponse response, int status, String typeSuffix) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.isProblem()).isTrue();
    assertThat(response.json().get("type").asString()).endsWith(typeSuffix);
  }
}
