package org.rehabnet.intake.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rehabnet.intake.IntakeFixtures.rows;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
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
  void theSamePersonAnywhereInTheNetworkIsAConflictNamingOnlyTheExistingPatient() {
    Map<String, Object> person = IntakeFixtures.person("north");
    person.put("givenName", "Zoë " + person.get("givenName"));
    String existing = intake.api.post("/v1/patients", intake.staff("intake-coordinator", "north"), person)
        .json().get("patientId").asString();
    String referralAtNorth = intake.openReferral(existing, "north", "URGENT");
    long before = rows();

    Map<String, Object> again = new HashMap<>(person);
    again.put("givenName", ((String) person.get("givenName")).toUpperCase().replace("Ë", "E"));
    again.put("familyName", "  family ");
    again.put("site", "south");
    ApiResponse duplicate = intake.api.post("/v1/patients", intake.staff("intake-coordinator", "south"), again);

    assertThat(duplicate.status()).isEqualTo(409);
    JsonNode problem = duplicate.json();
    assertThat(problem.get("type").asString()).isEqualTo("https://rehabnet.example/problems/conflict");
    assertThat(problem.get("existingPatientId").asString()).isEqualTo(existing);
    assertThat(problem.propertyNames()).containsExactlyInAnyOrderElementsOf(
        Set.of("type", "title", "status", "detail", "instance", "requestId", "existingPatientId"));
    assertThat(duplicate.body()).doesNotContain(referralAtNorth).doesNotContain("north").doesNotContain("RN-");
    assertThat(rows()).isEqualTo(before);

    // The second site refers the existing patient instead, and may then read their identity.
    String south = intake.staff("intake-coordinator", "south");
    assertThat(intake.api.get("/v1/patients/" + existing, south).status()).isEqualTo(404);
    intake.openReferral(existing, "south", "ROUTINE");
    assertThat(intake.api.get("/v1/patients/" + existing, south).status()).isEqualTo(200);
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
}
