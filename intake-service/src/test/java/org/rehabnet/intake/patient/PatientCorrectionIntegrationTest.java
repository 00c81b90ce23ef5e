package org.rehabnet.intake.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rehabnet.intake.IntakeFixtures.count;
import static org.rehabnet.intake.IntakeFixtures.rows;
import static org.rehabnet.intake.IntakeFixtures.strings;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import tools.jackson.databind.json.JsonMapper;

/** Correcting a patient's identity: optimistic locking, the correction history, the event on the wire. */
@RehabnetIntegrationTest(database = "intake")
class PatientCorrectionIntegrationTest {

  @LocalServerPort
  int port;

  IntakeFixtures intake;
  final TestIdentityProvider idp = TestIdentityProvider.get();
  String site;
  String patientId;

  @BeforeEach
  void patient() {
    intake = new IntakeFixtures(port);
    site = IntakeFixtures.newSite(0);
    patientId = intake.registerPatient(site);
  }

  @Test
  void aCorrectionIsStoredWithOldAndNewValuesAndPublishesTheWholeCorrectedIdentity() {
    ApiResponse read = intake.api.get(path(), intake.staff("intake-coordinator", site));
    assertThat(read.header("etag")).isEqualTo("\"0\"");
    String oldGiven = read.json().get("givenName").asString();
    String mrn = read.json().get("mrn").asString();

    ApiResponse corrected = intake.put(path(), intake.staff("intake-coordinator", site),
        correction("Joanna", "Family", "1988-05-18", "FEMALE"), read.header("etag"));

    assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
    assertThat(corrected.header("etag")).isEqualTo("\"1\"");
    assertThat(corrected.json().get("givenName").asString()).isEqualTo("Joanna");
    assertThat(corrected.json().get("dateOfBirth").asString()).isEqualTo("1988-05-18");
    assertThat(corrected.json().get("mrn").asString()).isEqualTo(mrn);
    assertThat(strings("SELECT field || ':' || coalesce(old_value, '') || '>' || coalesce(new_value, '') || ':'"
        + " || corrected_by || ':' || patient_version FROM patient_correction WHERE patient_id = '" + patientId
        + "' ORDER BY field")).containsExactly(
            "dateOfBirth:1988-05-17>1988-05-18:intake-coordinator-" + site + ":1",
            "givenName:" + oldGiven + ">Joanna:intake-coordinator-" + site + ":1");
    assertThat(strings("SELECT reason FROM audit_event WHERE resource_type = 'Patient' AND action = 'UPDATE'"
        + " AND patient_id = '" + patientId + "'")).singleElement().asString()
        .startsWith("corrected givenName,dateOfBirth").doesNotContain("Joanna").doesNotContain("1988");

    var event = awaitCorrection();
    assertThat(EventProbe.header(event, CloudEventHeaders.SOURCE)).isEqualTo("/rehabnet/intake-service");
    assertThat(EventProbe.header(event, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
    assertThat(EventProbe.header(event, CloudEventHeaders.ID)).isNotBlank();
    JsonNode payload = JsonMapper.builder().build().readTree(event.value());
    assertThat(payload.get("givenName").asString()).isEqualTo("Joanna");
    assertThat(payload.get("familyName").asString()).isEqualTo("Family");
    assertThat(payload.get("dateOfBirth").asString()).isEqualTo("1988-05-18");
    assertThat(payload.get("administrativeGender").asString()).isEqualTo("FEMALE");
    assertThat(payload.get("mrn").asString()).isEqualTo(mrn);
    assertThat(payload.get("metadata").get("sequence").asLong())
        .as("registration was 1; the first correction is 2").isEqualTo(2);
    assertThat(EventProbe.header(event, CloudEventHeaders.ID))
        .isEqualTo(payload.get("metadata").get("eventId").asString());
  }

  @Test
  void aStaleVersionIsRefusedWith412AndChangesNothing() {
    String token = intake.staff("intake-coordinator", site);
    assertThat(intake.put(path(), token, correction("First", "Family", "1988-05-17", "FEMALE"), "\"0\"").status())
        .isEqualTo(200);
    long before = rows() + count("SELECT count(*) FROM patient_correction");

    ApiResponse stale = intake.put(path(), token, correction("Second", "Family", "1988-05-17", "FEMALE"), "\"0\"");
    Map<String, Object> staleInBody = correction("Third", "Family", "1988-05-17", "FEMALE");
    staleInBody.put("expectedVersion", 0);
    ApiResponse staleBody = intake.put(path(), token, staleInBody);

    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.isProblem()).isTrue();
    assertThat(stale.json().get("type").asString()).isEqualTo("https://rehabnet.example/problems/stale-version");
    assertThat(staleBody.status()).isEqualTo(412);
    assertThat(rows() + count("SELECT count(*) FROM patient_correction")).isEqualTo(before);
    assertThat(intake.api.get(path(), token).json().get("givenName").asString()).isEqualTo("First");
  }

  @Test
  void aCorrectionWithoutAVersionOrWithBadFieldsIsRefusedNamingTheFieldAndChangesNothing() {
    String token = intake.staff("intake-coordinator", site);
    long before = rows() + count("SELECT count(*) FROM patient_correction");

    assertField(intake.put(path(), token, correction("New", "Family", "1988-05-17", "FEMALE")), "expectedVersion");
    assertField(intake.put(path(), token, correction(" ", "Family", "1988-05-17", "FEMALE"), "\"0\""), "givenName");
    assertField(intake.put(path(), token, correction("New", "Fam\u0000ily", "1988-05-17", "FEMALE"), "\"0\""),
        "familyName");
    assertField(intake.put(path(), token, correction("New", "Family", "2999-01-01", "FEMALE"), "\"0\""),
        "dateOfBirth");
    assertField(intake.put(path(), token, correction("New", "Family", "1988-05-17", "ROBOT"), "\"0\""),
        "administrativeGender");
    assertField(intake.put(path(), token, correction("New", "Family", "1988-05-17", "FEMALE"), "*"), "If-Match");
    Map<String, Object> newMrn = correction("New", "Family", "1988-05-17", "FEMALE");
    newMrn.put("mrn", "RN-9999999");
    assertField(intake.put(path(), token, newMrn, "\"0\""), "mrn");

    assertThat(rows() + count("SELECT count(*) FROM patient_correction")).isEqualTo(before);
  }

  @Test
  void onlyIntakeCoordinatorsAndSiteAdminsOfThePatientsSitesCorrect() {
    Map<String, Object> body = correction("Other", "Family", "1988-05-17", "FEMALE");

    ApiResponse nurse = intake.put(path(), intake.staff("nurse", site), body, "\"0\"");
    ApiResponse physician = intake.put(path(), intake.staff("physician", site), body, "\"0\"");
    ApiResponse lead = intake.put(path(), idp.staff("lead", List.of("clinical-lead"), List.of()), body, "\"0\"");
    ApiResponse otherSite = intake.put(path(), intake.staff("intake-coordinator", "south"), body, "\"0\"");
    ApiResponse siteAdmin = intake.put(path(), intake.staff("site-admin", site), body, "\"0\"");

    assertThat(nurse.status()).isEqualTo(403);
    assertThat(physician.status()).isEqualTo(403);
    assertThat(lead.status()).isEqualTo(403);
    assertThat(otherSite.status()).as("another site's patient is not confirmed to exist").isEqualTo(404);
    assertThat(siteAdmin.status()).as(siteAdmin.body()).isEqualTo(200);
    assertThat(siteAdmin.json().get("givenName").asString()).isEqualTo("Other");
  }

  @Test
  void correctingIntoAnotherRegisteredPatientsIdentityIsAConflictNamingThem() {
    Map<String, Object> other = IntakeFixtures.person(site);
    String otherId = intake.api.post("/v1/patients", intake.staff("intake-coordinator", site), other)
        .json().get("patientId").asString();

    ApiResponse twin = intake.put(path(), intake.staff("intake-coordinator", site),
        correction(((String) other.get("givenName")).toUpperCase(), "family", "1988-05-17", null), "\"0\"");

    assertThat(twin.status()).isEqualTo(409);
    assertThat(twin.json().get("existingPatientId").asString()).isEqualTo(otherId);
    assertThat(count("SELECT count(*) FROM patient_correction WHERE patient_id = '" + patientId + "'")).isZero();
  }

  @Test
  void theSameValuesAgainChangeNothingAndPublishNothing() {
    JsonNode read = intake.api.get(path(), intake.staff("intake-coordinator", site)).json();

    ApiResponse same = intake.put(path(), intake.staff("intake-coordinator", site), correction(
        read.get("givenName").asString(), "Family", "1988-05-17", "FEMALE"), "\"0\"");

    assertThat(same.status()).isEqualTo(200);
    assertThat(same.header("etag")).isEqualTo("\"0\"");
    assertThat(count("SELECT count(*) FROM patient_correction WHERE patient_id = '" + patientId + "'")).isZero();
    assertThat(count("SELECT count(*) FROM event_publication WHERE serialized_event LIKE '%" + patientId + "%'"
        + " AND event_type LIKE '%PatientDetailsCorrected'")).isZero();
  }

  private org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> awaitCorrection() {
    return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
        .until(() -> EventProbe.read(Topics.INTAKE_PATIENTS, r -> patientId.equals(r.key())
            && "rehab.intake.PatientDetailsCorrected.v1".equals(EventProbe.header(r, CloudEventHeaders.TYPE))),
            list -> !list.isEmpty())
        .getFirst();
  }

  private String path() {
    return "/v1/patients/" + patientId;
  }

  private static Map<String, Object> correction(String given, String family, String dateOfBirth, String gender) {
    Map<String, Object> body = new HashMap<>();
    body.put("givenName", given);
    body.put("familyName", family);
    body.put("dateOfBirth", dateOfBirth);
    body.put("administrativeGender", gender);
    return body;
  }

  private static void assertField(ApiResponse response, String field) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().get("type").asString()).endsWith("/validation");
    assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
        .as(response.body()).contains(field);
  }
}
