package org.rehabnet.aftercare.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.rehabnet.aftercare.Fixtures.count;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rehabnet.aftercare.AftercareIntegrationTest;
import org.rehabnet.aftercare.Fixtures;
import org.rehabnet.aftercare.TestClock;
import org.rehabnet.platform.events.CloudEventHeaders;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.Topics;
import org.rehabnet.platform.events.intake.ConsentGranted;
import org.rehabnet.platform.events.intake.ConsentRevoked;
import org.rehabnet.platform.events.intake.PatientDetailsCorrected;
import org.rehabnet.platform.events.intake.PatientRegistered;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import org.rehabnet.test.infra.DatabaseCoordinates;
import org.rehabnet.test.infra.EventProbe;
import org.rehabnet.test.infra.SharedInfrastructure;
import org.rehabnet.test.tokens.TestIdentityProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@AftercareIntegrationTest
class PartnerApiIntegrationTest {

  static final String HARBOR = "harbor-house";
  static final String NOTICE = "42 CFR part 2 prohibits unauthorized use or disclosure of these records.";
  /** Refused twice over: the privilege is revoked, and a trigger refuses even the table's owner. */
  static final String REFUSED_CHANGE = "(?s).*(permission denied|append-only).*";
  static final Map<String, String> RECOVERY = Map.of("X-Purpose-Of-Use", "RECOVERY_SUPPORT");

  @LocalServerPort
  int port;

  @Autowired
  TestClock clock;

  ApiClient api;
  final TestIdentityProvider idp = TestIdentityProvider.get();
  final String harbor = idp.partner("partner-harbor", HARBOR);
  final String lighthouse = idp.partner("partner-lighthouse", "lighthouse-recovery");
  final String counsellorNorth = idp.staff("counsellor-north", List.of("counsellor"), List.of("north"));
  final String counsellorSouth = idp.staff("counsellor-south", List.of("counsellor"), List.of("south"));
  final String nurseNorth = idp.staff("nurse-north", List.of("nurse"), List.of("north"));
  final String lead = idp.staff("lead", List.of("clinical-lead"), List.of());

  @BeforeEach
  void client() {
    api = new ApiClient("http://localhost:" + port);
  }

  @AfterEach
  void realTime() {
    clock.reset();
  }

  @Test
  void aPartnerReadsAConsentingPatientsCarePlanWithTheNoticeAndTheLabelsAndTheReadIsLogged() {
    UUID patientId = dischargedPatient();
    UUID consentId = grant(patientId, HARBOR, Set.of("DEMOGRAPHICS", "AFTERCARE_PLAN"), "RECOVERY_SUPPORT", null);

    ApiResponse read = partnerGet("/partner/v1/CarePlan?patient=Patient/" + patientId, harbor, RECOVERY);

    assertThat(read.status()).as(read.body()).isEqualTo(200);
    assertThat(read.header("content-type")).startsWith("application/fhir+json");
    assertThat(read.header("X-Redisclosure-Notice")).isEqualTo(NOTICE);
    JsonNode bundle = read.json();
    assertThat(bundle.get("resourceType").asString()).isEqualTo("Bundle");
    assertThat(bundle.get("type").asString()).isEqualTo("searchset");
    assertThat(notice(bundle.get("meta"))).isEqualTo(NOTICE);
    JsonNode carePlan = bundle.get("entry").get(0).get("resource");
    assertThat(carePlan.get("resourceType").asString()).isEqualTo("CarePlan");
    assertThat(carePlan.get("subject").get("reference").asString()).isEqualTo("Patient/" + patientId);
    assertThat(notice(carePlan)).isEqualTo(NOTICE);
    List<String> labels = new ArrayList<>();
    carePlan.get("meta").get("security").forEach(label -> labels.add(label.get("code").asString()));
    assertThat(labels).containsExactlyInAnyOrder("R", "OPIOIDUD", "ETH", "42CFRPart2", "NORDSCLCD");
    assertThat(read.body()).doesNotContainIgnoringCase("buprenorphine").doesNotContain("North Street Clinic");

    ApiResponse patient = partnerGet("/partner/v1/Patient/" + patientId, harbor, RECOVERY);
    assertThat(patient.status()).as(patient.body()).isEqualTo(200);
    assertThat(patient.json().get("birthDate").asString()).isEqualTo("1990-01-01");
    assertThat(notice(patient.json())).isEqualTo(NOTICE);
    ApiResponse patients = partnerGet("/partner/v1/Patient", harbor, RECOVERY);
    assertThat(patients.body()).contains(patientId.toString());

    ApiResponse disclosures = api.get("/v1/patients/" + patientId + "/disclosures", counsellorNorth);
    assertThat(disclosures.status()).as(disclosures.body()).isEqualTo(200);
    JsonNode log = disclosures.json();
    List<String> types = new ArrayList<>();
    log.forEach(d -> types.add(d.get("resourceTypes").get(0).asString()));
    assertThat(types).containsExactly("Patient", "Patient", "CarePlan"); // newest first
    JsonNode carePlanRead = log.get(2);
    assertThat(carePlanRead.get("partnerOrg").asString()).isEqualTo(HARBOR);
    assertThat(carePlanRead.get("clientId").asString()).isEqualTo("partner-harbor");
    assertThat(carePlanRead.get("dataCategories").get(0).asString()).isEqualTo("AFTERCARE_PLAN");
    assertThat(carePlanRead.get("consentIds").get(0).asString()).isEqualTo(consentId.toString());
    assertThat(carePlanRead.get("purpose").asString()).isEqualTo("RECOVERY_SUPPORT");
    assertThat(carePlanRead.get("requestId").asString()).isNotBlank();
    assertThat(count("SELECT count(*) FROM disclosure WHERE patient_id = '" + patientId + "'")).isEqualTo(3);
    assertThat(count("SELECT count(*) FROM audit_event WHERE patient_id = '" + patientId
        + "' AND action = 'DISCLOSE' AND outcome = 'SUCCESS'")).isEqualTo(3);
    awaitAudit(patientId, "READ", "SUCCESS", null);
  }

  @Test
  void aNonConsentingPatientIsAnsweredExactlyLikeAnUnknownOneAndTheRefusalIsAudited() {
    UUID patientId = dischargedPatient();

    ApiResponse refused = partnerGet("/partner/v1/CarePlan?patient=" + patientId, harbor, RECOVERY);
    ApiResponse unknown = partnerGet("/partner/v1/CarePlan?patient=" + UUID.randomUUID(), harbor, RECOVERY);

    assertThat(refused.status()).isEqualTo(404);
    assertThat(refused.isProblem()).isTrue();
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(refused.json().get("type").asString()).isEqualTo(unknown.json().get("type").asString());
    assertThat(refused.json().get("title").asString()).isEqualTo(unknown.json().get("title").asString());
    assertThat(partnerGet("/partner/v1/Patient/" + patientId, harbor, RECOVERY).status()).isEqualTo(404);
    assertThat(partnerGet("/partner/v1/Patient", harbor, RECOVERY).body()).doesNotContain(patientId.toString());
    awaitAudit(patientId, "DISCLOSE", "REFUSED", "no consent names partner harbor-house");
    assertThat(count("SELECT count(*) FROM disclosure WHERE patient_id = '" + patientId + "'")).isZero();
  }

  @Test
  void aCategoryOrPurposeTheConsentDoesNotNameIsNotFound() {
    UUID patientId = dischargedPatient();
    grant(patientId, HARBOR, Set.of("DEMOGRAPHICS", "AFTERCARE_PLAN"), "RECOVERY_SUPPORT", null);

    assertThat(partnerGet("/partner/v1/MedicationStatement?patient=" + patientId, harbor, RECOVERY).status())
        .isEqualTo(404);
    assertThat(partnerGet("/partner/v1/EpisodeOfCare?patient=" + patientId, harbor, RECOVERY).status())
        .isEqualTo(404);
    assertThat(partnerGet("/partner/v1/CarePlan?patient=" + patientId, harbor,
        Map.of("X-Purpose-Of-Use", "HOUSING")).status()).isEqualTo(404);

    awaitAudit(patientId, "DISCLOSE", "REFUSED", "no consent names category MEDICATION");
    awaitAudit(patientId, "DISCLOSE", "REFUSED", "no consent for category AFTERCARE_PLAN names purpose HOUSING");
    assertThat(count("SELECT count(*) FROM disclosure WHERE patient_id = '" + patientId + "'")).isZero();
  }

  @Test
  void aReadWithoutAPurposeOfUseIsABadRequestNamingTheHeader() {
    UUID patientId = dischargedPatient();
    grant(patientId, HARBOR, Set.of("AFTERCARE_PLAN"), "RECOVERY_SUPPORT", null);

    ApiResponse missing = partnerGet("/partner/v1/CarePlan?patient=" + patientId, harbor, Map.of());

    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.isProblem()).isTrue();
    assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("X-Purpose-Of-Use");
    assertThat(count("SELECT count(*) FROM disclosure WHERE patient_id = '" + patientId + "'")).isZero();
  }

  @Test
  void revocationTakesEffectAsSoonAsConsentRevokedIsConsumed() {
    UUID patientId = dischargedPatient();
    UUID consentId = grant(patientId, HARBOR, Set.of("AFTERCARE_PLAN"), "RECOVERY_SUPPORT", null);
    assertThat(partnerGet("/partner/v1/CarePlan?patient=" + patientId, harbor, RECOVERY).status()).isEqualTo(200);

    long publishedAt = System.nanoTime();
    Fixtures.publish(Topics.INTAKE_CONSENTS, new ConsentRevoked(EventMetadata.next(Instant.now(), 2), consentId,
        patientId, Instant.now()), "/rehabnet/intake-service");
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10)).until(() ->
        partnerGet("/partner/v1/CarePlan?patient=" + patientId, harbor, RECOVERY).status() == 404);
    long tookMs = (System.nanoTime() - publishedAt) / 1_000_000;
    System.out.printf("revocation took effect after %d ms%n", tookMs);

    awaitAudit(patientId, "DISCLOSE", "REFUSED", "consent revoked for category AFTERCARE_PLAN");
  }

  @Test
  void expiryTakesEffectAtItsTimeWithoutAnyEvent() {
    UUID patientId = dischargedPatient();
    Instant expiresAt = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    grant(patientId, HARBOR, Set.of("AFTERCARE_PLAN"), "RECOVERY_SUPPORT", expiresAt);

    clock.set(expiresAt.minusSeconds(1));
    assertThat(partnerGet("/partner/v1/CarePlan?patient=" + patientId, harbor, RECOVERY).status()).isEqualTo(200);
    clock.set(expiresAt);
    assertThat(partnerGet("/partner/v1/CarePlan?patient=" + patientId, harbor, RECOVERY).status()).isEqualTo(404);

    awaitAudit(patientId, "DISCLOSE", "REFUSED", "consent expired for category AFTERCARE_PLAN");
    assertThat(count("SELECT count(*) FROM disclosure WHERE patient_id = '" + patientId + "'")).isEqualTo(1);
  }

  @Test
  void aSecondPartnerCannotReadTheFirstPartnersConsentedPatient() {
    UUID patientId = dischargedPatient();
    grant(patientId, HARBOR, Set.of("DEMOGRAPHICS", "AFTERCARE_PLAN", "CONSENTS"), "RECOVERY_SUPPORT", null);

    assertThat(partnerGet("/partner/v1/CarePlan?patient=" + patientId, lighthouse, RECOVERY).status())
        .isEqualTo(404);
    assertThat(partnerGet("/partner/v1/Patient/" + patientId, lighthouse, RECOVERY).status()).isEqualTo(404);
    assertThat(partnerGet("/partner/v1/Consent?patient=" + patientId, lighthouse, RECOVERY).status())
        .isEqualTo(404);
    assertThat(partnerGet("/partner/v1/Patient", lighthouse, RECOVERY).body()).doesNotContain(patientId.toString());
    awaitAudit(patientId, "DISCLOSE", "REFUSED", "no consent names partner lighthouse-recovery");

    ApiResponse own = partnerGet("/partner/v1/Consent?patient=" + patientId, harbor, RECOVERY);
    assertThat(own.status()).as(own.body()).isEqualTo(200);
    assertThat(own.json().get("entry").get(0).get("resource").get("status").asString()).isEqualTo("active");
  }

  @Test
  void attendanceOfGroupSessionsIsReadAsEncounters() {
    PartnerGroup group = partnerGroup(HARBOR);
    assertThat(api.post("/v1/groups/" + group.id() + "/sessions/" + group.session(lastTuesday()) + "/attendance",
        counsellorNorth, Map.of("attendance", List.of(Map.of("patientId", group.member(), "status", "PRESENT"))))
        .status()).isEqualTo(200);
    grant(group.member(), HARBOR, Set.of("ATTENDANCE"), "RECOVERY_SUPPORT", null);

    ApiResponse read = partnerGet("/partner/v1/Encounter?patient=" + group.member(), harbor, RECOVERY);

    assertThat(read.status()).as(read.body()).isEqualTo(200);
    JsonNode encounter = read.json().get("entry").get(0).get("resource");
    assertThat(encounter.get("resourceType").asString()).isEqualTo("Encounter");
    assertThat(encounter.get("period").get("start").asString()).isEqualTo(lastTuesday().toString());
    assertThat(partnerGet("/partner/v1/CarePlan?patient=" + group.member(), harbor, RECOVERY).status())
        .isEqualTo(404);
  }

  @Test
  void aPartnerRecordsAttendanceAtAGroupItRunsAndAttendanceRecordedIsPublished() {
    PartnerGroup group = partnerGroup(HARBOR);
    grant(group.member(), HARBOR, Set.of("ATTENDANCE"), "RECOVERY_SUPPORT", null);
    String encounter = ApiClient.json(Map.of("resourceType", "Encounter", "status", "finished",
        "class", Map.of("system", "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code", "AMB"),
        "subject", Map.of("reference", "Patient/" + group.member()),
        "period", Map.of("start", lastTuesday().toString()),
        "extension", List.of(Map.of("url", "https://rehabnet.example/fhir/StructureDefinition/support-group",
            "valueIdentifier", Map.of("system", "https://rehabnet.example/fhir/sid/support-group",
                "value", group.id())))));

    ApiResponse recorded = api.send("POST", "/partner/v1/Encounter", harbor, encounter, RECOVERY);

    assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    assertThat(recorded.json().get("status").asString()).isEqualTo("finished");
    assertThat(recorded.header("X-Redisclosure-Notice")).isEqualTo(NOTICE);
    assertThat(count("SELECT count(*) FROM session_attendance WHERE patient_id = '" + group.member()
        + "' AND status = 'PRESENT' AND recorded_by = 'service-account-partner-harbor'")).isEqualTo(1);
    var event = EventProbe.awaitRecord(Topics.AFTERCARE_ENGAGEMENT, group.member().toString(), Duration.ofSeconds(30));
    assertThat(EventProbe.header(event, CloudEventHeaders.TYPE)).isEqualTo("rehab.aftercare.AttendanceRecorded.v1");
    assertThat(EventProbe.header(event, CloudEventHeaders.SOURCE)).isEqualTo("/rehabnet/aftercare-service");

    // Another organisation's client, or a member without an ATTENDANCE consent: nothing to see here.
    assertThat(api.send("POST", "/partner/v1/Encounter", lighthouse, encounter, RECOVERY).status()).isEqualTo(404);
    PartnerGroup unconsented = partnerGroup(HARBOR);
    assertThat(api.send("POST", "/partner/v1/Encounter", harbor, encounter
        .replace(group.member().toString(), unconsented.member().toString())
        .replace(group.id(), unconsented.id()), RECOVERY).status()).isEqualTo(404);
    awaitAudit(unconsented.member(), "CREATE", "REFUSED", "no consent names partner harbor-house");
    assertThat(count("SELECT count(*) FROM session_attendance WHERE patient_id = '" + unconsented.member() + "'"))
        .isZero();
  }

  @Test
  void aSessionTimeSentInUtcIsRecordedForTheSessionsDayAtTheSite() {
    PartnerGroup group = partnerGroup(HARBOR);
    grant(group.member(), HARBOR, Set.of("ATTENDANCE"), "RECOVERY_SUPPORT", null);
    // Tuesday's 18:00 session in New York, sent as 00:30 UTC: already Wednesday in UTC, still Tuesday there.
    String start = lastTuesday().plusDays(1) + "T00:30:00Z";
    String encounter = ApiClient.json(Map.of("resourceType", "Encounter", "status", "finished",
        "class", Map.of("system", "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code", "AMB"),
        "subject", Map.of("reference", "Patient/" + group.member()),
        "period", Map.of("start", start),
        "extension", List.of(Map.of("url", "https://rehabnet.example/fhir/StructureDefinition/support-group",
            "valueIdentifier", Map.of("system", "https://rehabnet.example/fhir/sid/support-group",
                "value", group.id())))));

    ApiResponse recorded = api.send("POST", "/partner/v1/Encounter", harbor, encounter, RECOVERY);

    assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    assertThat(recorded.json().get("period").get("start").asString()).isEqualTo(lastTuesday().toString());
    assertThat(count("SELECT count(*) FROM group_session WHERE group_id = '" + group.id() + "' AND held_on = '"
        + lastTuesday() + "'")).isEqualTo(1);
    ApiResponse noOffset = api.send("POST", "/partner/v1/Encounter", harbor,
        encounter.replace(start, lastTuesday() + "T18:00:00"), RECOVERY);
    assertThat(noOffset.status()).isEqualTo(400);
  }

  @Test
  void aCorrectionAtIntakeReplacesTheNameAndBirthDateThePartnerAndTheCaseloadSee() {
    UUID patientId = dischargedPatient();
    grant(patientId, HARBOR, Set.of("DEMOGRAPHICS"), "RECOVERY_SUPPORT", null);
    String mrn = Fixtures.string("SELECT mrn FROM patient_identity WHERE patient_id = '" + patientId + "'");

    Fixtures.publish(Topics.INTAKE_PATIENTS, new PatientDetailsCorrected(EventMetadata.next(Instant.now(), 2),
        patientId, mrn, "Corrected", "Surname", LocalDate.of(1990, 1, 10), null, Instant.now()),
        "/rehabnet/intake-service");
    await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT count(*) FROM patient_identity WHERE patient_id = '"
        + patientId + "' AND given_name = 'Corrected'") == 1);
    // The registration resent afterwards (an outbox resend at intake) must not bring the old name back.
    PatientRegistered resent = new PatientRegistered(EventMetadata.next(Instant.now(), 1), patientId, mrn, "Test",
        "Person", LocalDate.of(1990, 1, 1), null, "north");
    Fixtures.publish(Topics.INTAKE_PATIENTS, resent, "/rehabnet/intake-service");
    await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT count(*) FROM processed_event WHERE consumer = "
        + "'aftercare.care.patients' AND event_id = '" + resent.metadata().eventId() + "'") == 1);

    ApiResponse patient = partnerGet("/partner/v1/Patient/" + patientId, harbor, RECOVERY);
    assertThat(patient.status()).as(patient.body()).isEqualTo(200);
    assertThat(patient.json().get("name").get(0).get("given").get(0).asString()).isEqualTo("Corrected");
    assertThat(patient.json().get("name").get(0).get("family").asString()).isEqualTo("Surname");
    assertThat(patient.json().get("birthDate").asString()).isEqualTo("1990-01-10");
    JsonNode entry = api.get("/v1/caseload?site=north", counsellorNorth).json().get("entries").valueStream()
        .filter(e -> e.get("patientId").asString().equals(patientId.toString())).findFirst().orElseThrow();
    assertThat(entry.get("patient").get("givenName").asString()).isEqualTo("Corrected");
    assertThat(entry.get("patient").get("dateOfBirth").asString()).isEqualTo("1990-01-10");
    assertThat(entry.get("patient").get("mrn").asString()).isEqualTo(mrn);
  }

  @Test
  void theCapabilityStatementListsWhatIsSupported() {
    ApiResponse metadata = partnerGet("/partner/v1/metadata", harbor, Map.of());

    assertThat(metadata.status()).as(metadata.body()).isEqualTo(200);
    assertThat(metadata.json().get("resourceType").asString()).isEqualTo("CapabilityStatement");
    List<String> types = new ArrayList<>();
    metadata.json().get("rest").get(0).get("resource").forEach(r -> types.add(r.get("type").asString()));
    assertThat(types).containsExactlyInAnyOrder("Patient", "EpisodeOfCare", "CarePlan", "Encounter",
        "MedicationStatement", "Consent");
  }

  @Test
  void partnersReachOnlyThePartnerApiAndStaffOnlyTheStaffApi() {
    UUID patientId = dischargedPatient();
    String planId = Fixtures.string("SELECT id::text FROM aftercare_plan WHERE patient_id = '" + patientId + "'");
    grant(patientId, HARBOR, Set.of("AFTERCARE_PLAN"), "RECOVERY_SUPPORT", null);

    assertThat(partnerGet("/partner/v1/CarePlan?patient=" + patientId, counsellorNorth, RECOVERY).status())
        .isEqualTo(403);
    assertThat(partnerGet("/partner/v1/metadata", lead, Map.of()).status()).isEqualTo(403);
    assertThat(api.get("/v1/plans/" + planId, harbor).status()).isEqualTo(403);
    assertThat(api.get("/v1/patients/" + patientId + "/disclosures", harbor).status()).isEqualTo(403);
    assertThat(api.get("/v1/caseload?site=north", harbor).status()).isEqualTo(403);
    String noOrganisation = idp.sign(idp.claims("service-account-stray", List.of("partner"))
        .claim("azp", "stray").build());
    assertThat(partnerGet("/partner/v1/CarePlan?patient=" + patientId, noOrganisation, RECOVERY).status())
        .isEqualTo(403);
    assertThat(partnerGet("/partner/v1/CarePlan?patient=" + patientId, null, RECOVERY).status()).isEqualTo(401);
  }

  @Test
  void theAccountingOfDisclosuresIsForTheCounsellorsOfThePatientsSiteAndTheClinicalLead() {
    UUID patientId = dischargedPatient();

    assertThat(api.get("/v1/patients/" + patientId + "/disclosures", counsellorNorth).status()).isEqualTo(200);
    assertThat(api.get("/v1/patients/" + patientId + "/disclosures", lead).status()).isEqualTo(200);
    assertThat(api.get("/v1/patients/" + patientId + "/disclosures", counsellorSouth).status()).isEqualTo(404);
    assertThat(api.get("/v1/patients/" + UUID.randomUUID() + "/disclosures", counsellorNorth).status())
        .isEqualTo(404);
    assertThat(api.get("/v1/patients/" + patientId + "/disclosures", nurseNorth).status()).isEqualTo(403);
  }

  @Test
  void theServicesOwnLoginCannotUpdateOrDeleteADisclosureOrAnAuditRow() throws SQLException {
    UUID patientId = dischargedPatient();
    grant(patientId, HARBOR, Set.of("AFTERCARE_PLAN"), "RECOVERY_SUPPORT", null);
    assertThat(partnerGet("/partner/v1/CarePlan?patient=" + patientId, harbor, RECOVERY).status()).isEqualTo(200);

    DatabaseCoordinates db = SharedInfrastructure.get().postgres().database("aftercare");
    try (var connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
        var statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      String disclosure = " disclosure WHERE patient_id = '" + patientId + "'";
      String audit = " audit_event WHERE patient_id = '" + patientId + "'";
      assertThatThrownBy(() -> statement.executeUpdate("UPDATE" + disclosure.replace(" WHERE",
          " SET purpose = 'OTHER' WHERE"))).isInstanceOf(SQLException.class).hasMessageMatching(REFUSED_CHANGE);
      assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM" + disclosure))
          .isInstanceOf(SQLException.class).hasMessageMatching(REFUSED_CHANGE);
      assertThatThrownBy(() -> statement.executeUpdate("UPDATE" + audit.replace(" WHERE",
          " SET outcome = 'REFUSED' WHERE"))).isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM" + audit)).isInstanceOf(SQLException.class);
    }
    assertThat(count("SELECT count(*) FROM disclosure WHERE patient_id = '" + patientId
        + "' AND purpose = 'RECOVERY_SUPPORT'")).isEqualTo(1);
  }

  /** A group a partner runs for the north site, with one enrolled member. */
  record PartnerGroup(String id, UUID member, ApiClient api, String counsellor) {

    String session(LocalDate date) {
      return api.post("/v1/groups/" + id + "/sessions", counsellor, Map.of("date", date.toString())).json()
          .get("sessionId").asString();
    }
  }

  private PartnerGroup partnerGroup(String partnerOrg) {
    UUID planId = Fixtures.planFromDischarge(Fixtures.registeredPatient("north"), "north",
        Instant.now().minus(20, ChronoUnit.DAYS));
    ApiResponse group = api.post("/v1/groups", counsellorNorth, Map.of("name", "Harbor House SMART", "type",
        "SMART_RECOVERY", "site", "north", "partnerOrg", partnerOrg, "facilitator", "F. Acilitator", "capacity", 12,
        "schedule", Map.of("dayOfWeek", "TUESDAY", "startsAt", "18:00", "durationMinutes", 90, "everyWeeks", 1,
            "firstSessionOn", lastTuesday().minusWeeks(4).toString())));
    assertThat(group.status()).as(group.body()).isEqualTo(201);
    String groupId = group.json().get("groupId").asString();
    ApiResponse enrolled = api.post("/v1/groups/" + groupId + "/enrolments", counsellorNorth, Map.of("planId", planId));
    assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(200);
    return new PartnerGroup(groupId, UUID.fromString(enrolled.json().get("patientId").asString()), api,
        counsellorNorth);
  }

  private static LocalDate lastTuesday() {
    return Fixtures.today("north").minusDays(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY));
  }

  private ApiResponse partnerGet(String path, @Nullable String token, Map<String, String> headers) {
    return api.send("GET", path, token, null, headers);
  }

  private static UUID dischargedPatient() {
    UUID patientId = Fixtures.registeredPatient("north");
    Fixtures.planFromDischarge(patientId, "north", Instant.now().minus(3, ChronoUnit.DAYS));
    return patientId;
  }

  /** Intake records a consent; returns its id once aftercare holds it. */
  private static UUID grant(UUID patientId, String recipient, Set<String> categories, String purpose,
      @Nullable Instant expiresAt) {
    UUID consentId = UUID.randomUUID();
    Fixtures.publish(Topics.INTAKE_CONSENTS, new ConsentGranted(EventMetadata.next(Instant.now(), 1), consentId,
        patientId, "north", "PARTNER_ORGANISATION", recipient, purpose, categories, LocalDate.now(), expiresAt,
        Instant.now().minusSeconds(60)), "/rehabnet/intake-service");
    await().atMost(Duration.ofSeconds(20)).until(() ->
        count("SELECT count(*) FROM consent WHERE consent_id = '" + consentId + "'") == 1);
    return consentId;
  }

  private static void awaitAudit(UUID patientId, String action, String outcome, @Nullable String reason) {
    await().atMost(Duration.ofSeconds(10)).until(() -> count("SELECT count(*) FROM audit_event WHERE patient_id = '"
        + patientId + "' AND action = '" + action + "' AND outcome = '" + outcome + "'"
        + (reason == null ? "" : " AND reason = '" + reason + "'")) >= 1);
  }

  private static String notice(JsonNode node) {
    for (JsonNode extension : node.get("extension")) {
      if (extension.get("url").asString().equals(
          "https://rehabnet.example/fhir/StructureDefinition/redisclosure-notice")) {
        return extension.get("valueString").asString();
      }
    }
    return "";
  }
}
