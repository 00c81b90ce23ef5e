package org.rehabnet.intake.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rehabnet.intake.IntakeFixtures.count;
import static org.rehabnet.intake.IntakeFixtures.strings;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

/** The staff portal's patient search: within the caller's sites, by MRN, birth date or name; paged; audited. */
@RehabnetIntegrationTest(database = "intake")
class PatientSearchIntegrationTest {

  @LocalServerPort
  int port;

  IntakeFixtures intake;
  final TestIdentityProvider idp = TestIdentityProvider.get();
  /** A family name no other test uses, so counts are exact. */
  String family;

  @BeforeEach
  void client() {
    intake = new IntakeFixtures(port);
    family = "Qx" + IntakeFixtures.letters(8) + "son";
  }

  @Test
  void staffFindTheirSitesPatientsByNameIgnoringCaseAndAccentsAndOtherSitesPatientsAreNotFound() {
    String site = IntakeFixtures.newSite(0);
    String zoe = register(site, "Zoë", "O'" + family, "1990-01-02");

    JsonNode byGiven = search("zoe", intake.staff("nurse", site)).json();
    JsonNode byFamilyWithApostrophe = search("o'" + family.substring(0, 3), intake.staff("counsellor", site)).json();
    JsonNode byFamilyWithoutApostrophe = search("O" + family.toUpperCase(), intake.staff("physician", site)).json();
    JsonNode byFullName = search("ZOE O " + family, intake.staff("site-admin", site)).json();
    ApiResponse otherSite = search("O " + family, intake.staff("nurse", "south"));
    JsonNode lead = search("o " + family, idp.staff("lead", List.of("clinical-lead"), List.of())).json();

    assertThat(ids(byGiven)).contains(zoe);
    assertThat(ids(byFamilyWithApostrophe)).containsExactly(zoe);
    assertThat(ids(byFamilyWithoutApostrophe)).containsExactly(zoe);
    assertThat(ids(byFullName)).containsExactly(zoe);
    assertThat(otherSite.status()).isEqualTo(200);
    assertThat(otherSite.json().get("totalItems").asLong()).isZero();
    assertThat(otherSite.json().get("items").isEmpty()).isTrue();
    assertThat(ids(lead)).containsExactly(zoe);

    JsonNode item = byFullName.get("items").get(0);
    assertThat(item.get("mrn").asString()).matches("RN-\\d{7}");
    assertThat(item.get("givenName").asString()).isEqualTo("Zoë");
    assertThat(item.get("familyName").asString()).isEqualTo("O'" + family);
    assertThat(item.get("dateOfBirth").asString()).isEqualTo("1990-01-02");
    assertThat(texts(item.get("sites"))).containsExactly(site);
    assertThat(item.propertyNames()).containsExactlyInAnyOrder("patientId", "mrn", "givenName", "familyName",
        "dateOfBirth", "sites");
  }

  @Test
  void aPatientLinkedAndReferredToASecondSiteIsFoundThereAndListsOnlyTheSitesTheCallerSees() {
    String first = IntakeFixtures.newSite(0);
    String second = IntakeFixtures.newSite(0);
    String patient = register(first, "Ada", family, "1975-03-04");
    assertThat(search(family, intake.staff("nurse", second)).json().get("totalItems").asLong()).isZero();

    intake.linkToSite(patient, second);
    intake.openReferral(patient, second, "ROUTINE");

    JsonNode atSecond = search(family, intake.staff("nurse", second)).json();
    assertThat(ids(atSecond)).containsExactly(patient);
    assertThat(texts(atSecond.get("items").get(0).get("sites"))).containsExactly(second);
    JsonNode lead = search(family, idp.staff("lead", List.of("clinical-lead"), List.of())).json();
    assertThat(texts(lead.get("items").get(0).get("sites"))).containsExactlyInAnyOrder(first, second);
  }

  @Test
  void anExactMrnOrBirthDateFindsThePatientAndAPartialMrnFindsNothing() {
    String site = IntakeFixtures.newSite(0);
    String patient = register(site, "Bea", family, "1961-07-08");
    String mrn = intake.api.get("/v1/patients/" + patient, intake.staff("nurse", site)).json().get("mrn").asString();
    String token = intake.staff("intake-coordinator", site);

    assertThat(ids(search(mrn, token).json())).containsExactly(patient);
    assertThat(ids(search(mrn.toLowerCase(), token).json())).containsExactly(patient);
    assertThat(ids(search("1961-07-08", token).json())).contains(patient);
    assertThat(ids(search("1961-07-09", token).json())).doesNotContain(patient);
    ApiResponse partialMrn = search(mrn.substring(0, 6), token);
    assertThat(partialMrn.status()).isEqualTo(200);
    assertThat(ids(partialMrn.json())).doesNotContain(patient);
  }

  @Test
  void resultsComeInPagesOfTheRequestedSizeWithTheTotal() {
    String site = IntakeFixtures.newSite(0);
    String a = register(site, "Ann", family, "1980-01-01");
    String b = register(site, "Bob", family, "1980-01-01");
    String c = register(site, "Cy", family, "1980-01-01");
    String token = intake.staff("nurse", site);

    JsonNode first = intake.api.get("/v1/patients?q=" + family + "&page=0&size=2", token).json();
    JsonNode second = intake.api.get("/v1/patients?q=" + family + "&page=1&size=2", token).json();
    JsonNode beyond = intake.api.get("/v1/patients?q=" + family + "&page=5&size=2", token).json();

    assertThat(first.get("totalItems").asLong()).isEqualTo(3);
    assertThat(first.get("page").asInt()).isZero();
    assertThat(first.get("size").asInt()).isEqualTo(2);
    assertThat(ids(first)).containsExactly(a, b);
    assertThat(ids(second)).containsExactly(c);
    assertThat(ids(beyond)).isEmpty();
    assertThat(beyond.get("totalItems").asLong()).isEqualTo(3);
    assertThat(intake.api.get("/v1/patients?q=" + family + "&size=50", token).status()).isEqualTo(200);
  }

  @Test
  void tooShortNamesMissingQueriesAndBadPagingAreRefusedNamingTheParameter() {
    String token = intake.staff("nurse", "north");

    assertParameter(intake.api.get("/v1/patients?q=Zo", token), "q");
    assertParameter(intake.api.get("/v1/patients", token), "q");
    assertParameter(intake.api.get("/v1/patients?q=%20%20", token), "q");
    assertParameter(intake.api.get("/v1/patients?q=1990-02-30", token), "q");
    assertParameter(intake.api.get("/v1/patients?q=" + family + "&size=51", token), "size");
    assertParameter(intake.api.get("/v1/patients?q=" + family + "&size=0", token), "size");
    assertParameter(intake.api.get("/v1/patients?q=" + family + "&page=-1", token), "page");
    assertParameter(intake.api.get("/v1/patients?q=" + family + "&page=one", token), "page");
  }

  @Test
  void auditorsPartnersAndAnonymousCallersCannotSearch() {
    assertThat(search(family, idp.staff("auditor", List.of("auditor"), List.of("north"))).status()).isEqualTo(403);
    assertThat(search(family, idp.partner("partner-harbor", "harbor")).status()).isEqualTo(403);
    assertThat(search(family, null).status()).isEqualTo(401);
  }

  @Test
  void everySearchIsAuditedWithWhoAndTheIdsReturnedButNeverTheTextSearched() {
    String site = IntakeFixtures.newSite(0);
    String first = register(site, "Dee", family, "1970-01-01");
    String second = register(site, "Eve", family, "1970-01-01");
    String nurse = intake.staff("nurse", site);

    ApiResponse found = search(family, nurse);
    ApiResponse none = search("Nobody" + family, nurse);

    assertThat(found.status()).isEqualTo(200);
    String requestId = found.header("x-request-id");
    List<String> summary = strings("SELECT actor || ' ' || action || ' ' || outcome || ' ' || reason FROM audit_event"
        + " WHERE resource_type = 'PatientSearch' AND request_id = '" + requestId + "'");
    assertThat(summary)
        .containsExactly("nurse-" + site + " READ SUCCESS kind=NAME matched=2 returned=2 page=0 size=20");
    assertThat(strings("SELECT patient_id FROM audit_event WHERE resource_type = 'PatientSearchResult'"
        + " AND request_id = '" + requestId + "'")).containsExactlyInAnyOrder(first, second);
    assertThat(strings("SELECT reason FROM audit_event WHERE request_id = '" + none.header("x-request-id") + "'"))
        .containsExactly("kind=NAME matched=0 returned=0 page=0 size=20");
    assertThat(count("SELECT count(*) FROM audit_event WHERE reason ILIKE '%" + family + "%'"
        + " OR resource_id ILIKE '%" + family + "%'")).isZero();
  }

  private String register(String site, String given, String familyName, String dateOfBirth) {
    Map<String, Object> person = IntakeFixtures.person(site);
    person.put("givenName", given);
    person.put("familyName", familyName);
    person.put("dateOfBirth", dateOfBirth);
    ApiResponse created = intake.api.post("/v1/patients", intake.staff("intake-coordinator", site), person);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("patientId").asString();
  }

  private ApiResponse search(String q, String token) {
    return intake.api.get("/v1/patients?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), token);
  }

  private static List<String> ids(JsonNode page) {
    return page.get("items").valueStream().map(i -> i.get("patientId").asString()).toList();
  }

  private static List<String> texts(JsonNode array) {
    return array.valueStream().map(JsonNode::asString).toList();
  }

  private static void assertParameter(ApiResponse response, String parameter) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.isProblem()).isTrue();
    assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
        .as(response.body()).contains(parameter);
  }
}
