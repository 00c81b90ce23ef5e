package org.rehabnet.intake.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rehabnet.platform.events.CloudEventHeaders;
import org.rehabnet.platform.events.Topics;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import org.rehabnet.test.infra.EventProbe;
import org.rehabnet.test.infra.RehabnetIntegrationTest;
import org.rehabnet.test.infra.SharedInfrastructure;
import org.rehabnet.test.tokens.TestIdentityProvider;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@RehabnetIntegrationTest(database = "intake")
class AdmissionIntegrationTest {

  @LocalServerPort
  int port;

  ApiClient api;
  final TestIdentityProvider idp = TestIdentityProvider.get();
  final String intakeNorth = idp.staff("intake-north", List.of("intake-coordinator"), List.of("north"));

  @BeforeEach
  void client() {
    api = new ApiClient("http://localhost:" + port);
  }

  @Test
  void admissionIsStoredAndPublishedWithCloudEventsHeaders() {
    ApiResponse created = api.post("/v1/admissions", intakeNorth, admission("Ada", "1990-04-01", "north"));

    assertThat(created.status()).isEqualTo(201);
    JsonNode body = created.json();
    assertThat(body.get("site").asString()).isEqualTo("north");
    assertThat(body.get("mrn").asString()).matches("RN-\\d{7}");
    String patientId = body.get("patientId").asString();

    var record = EventProbe.awaitRecord(Topics.INTAKE_ADMISSIONS, patientId, Duration.ofSeconds(20));
    assertThat(EventProbe.header(record, CloudEventHeaders.TYPE)).isEqualTo("rehab.intake.AdmissionRecorded.v1");
    assertThat(EventProbe.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/rehabnet/intake-service");
    assertThat(EventProbe.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
    assertThat(EventProbe.header(record, CloudEventHeaders.ID)).isNotBlank();
    assertThat(EventProbe.header(record, CloudEventHeaders.TIME)).isNotBlank();
    assertThat(EventProbe.header(record, "traceparent"))
        .contains(created.header("traceparent").substring(3, 35));
    assertThat(new String(record.value())).contains(body.get("admissionId").asString())
        .doesNotContain("Ada");
  }

  @Test
  void staffOfTheSameSiteReadTheAdmissionAndOtherSitesGetNotFound() {
    String id = api.post("/v1/admissions", intakeNorth, admission("Bea", "1985-02-03", "north"))
        .json().get("admissionId").asString();

    ApiResponse sameSite = api.get("/v1/admissions/" + id,
        idp.staff("nurse-north", List.of("nurse"), List.of("north")));
    ApiResponse otherSite = api.get("/v1/admissions/" + id,
        idp.staff("nurse-south", List.of("nurse"), List.of("south")));
    ApiResponse lead = api.get("/v1/admissions/" + id,
        idp.staff("lead", List.of("clinical-lead"), List.of()));

    assertThat(sameSite.status()).isEqualTo(200);
    assertThat(lead.status()).isEqualTo(200);
    assertThat(otherSite.status()).isEqualTo(404);
    assertThat(otherSite.isProblem()).isTrue();
    assertThat(otherSite.json().get("type").asString()).isEqualTo("https://rehabnet.example/problems/not-found");
  }

  @Test
  void badInputIsRefusedNamingTheFieldAndChangesNothing() throws SQLException {
    long before = rows();

    assertValidationProblem(api.post("/v1/admissions", intakeNorth,
        Map.of("patient", Map.of("familyName", "Doe", "dateOfBirth", "1990-01-01"), "site", "north")),
        "patient.givenName");
    assertValidationProblem(api.post("/v1/admissions", intakeNorth,
        admission("Cy", LocalDate.now().plusDays(3).toString(), "north")), "patient.dateOfBirth");
    assertValidationProblem(api.post("/v1/admissions", intakeNorth, admission("Cy", "1990-01-01", "east")), "site");
    assertValidationProblem(api.post("/v1/admissions", intakeNorth, admission("Cy", "01/02/1990", "north")),
        "patient.dateOfBirth");

    ApiResponse malformed = api.post("/v1/admissions", intakeNorth, "{\"patient\": {");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().get("type").asString()).endsWith("/malformed-request");

    assertThat(rows()).isEqualTo(before);
  }

  @Test
  void wrongRoleWrongSiteAndNoTokenAreRefusedAsProblems() {
    ApiResponse nurse = api.post("/v1/admissions", idp.staff("nurse-north", List.of("nurse"), List.of("north")),
        admission("Di", "1970-01-01", "north"));
    ApiResponse otherSite = api.post("/v1/admissions",
        idp.staff("intake-south", List.of("intake-coordinator"), List.of("south")),
        admission("Di", "1970-01-01", "north"));
    ApiResponse anonymous = api.post("/v1/admissions", null, admission("Di", "1970-01-01", "north"));

    assertThat(nurse.status()).isEqualTo(403);
    assertThat(nurse.json().get("type").asString()).endsWith("/forbidden");
    assertThat(otherSite.status()).isEqualTo(403);
    assertThat(otherSite.json().get("type").asString()).endsWith("/wrong-site");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.isProblem()).isTrue();
    assertThat(anonymous.header("www-authenticate")).startsWith("Bearer");
  }

  @Test
  void tokensForAnotherAudienceOrIssuerAreRefused() {
    String wrongAudience = idp.sign(idp.claims("intake-north", List.of("intake-coordinator"))
        .audience("account").claim("site", List.of("north")).build());
    String wrongIssuer = idp.sign(idp.claims("intake-north", List.of("intake-coordinator"))
        .issuer("http://elsewhere/realms/rehabnet").claim("site", List.of("north")).build());

    assertThat(api.get("/v1/admissions/" + java.util.UUID.randomUUID(), wrongAudience).status()).isEqualTo(401);
    assertThat(api.get("/v1/admissions/" + java.util.UUID.randomUUID(), wrongIssuer).status()).isEqualTo(401);
  }

  private static void assertValidationProblem(ApiResponse response, String field) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.isProblem()).isTrue();
    JsonNode problem = response.json();
    assertThat(problem.get("type").asString()).isEqualTo("https://rehabnet.example/problems/validation");
    assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList()).contains(field);
    assertThat(problem.get("requestId").asString()).isNotBlank();
  }

  private static Map<String, Object> admission(String givenName, String dateOfBirth, String site) {
    return Map.of("patient", Map.of("givenName", givenName, "familyName", "Test", "dateOfBirth", dateOfBirth),
        "site", site);
  }

  private static long rows() throws SQLException {
    try (var connection = SharedInfrastructure.get().postgres().superUserConnection("intake");
        var rs = connection.createStatement().executeQuery(
            "SELECT (SELECT count(*) FROM admission) + (SELECT count(*) FROM patient)"
                + " + (SELECT count(*) FROM event_publication)")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
