package org.rehabnet.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rehabnet.monitoring.reassessment.Reassessments;
import org.rehabnet.platform.events.CloudEventHeaders;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.Topics;
import org.rehabnet.platform.events.clinical.DependenceSeverity;
import org.rehabnet.platform.events.clinical.RiskFlag;
import org.rehabnet.platform.events.clinical.RouteOfUse;
import org.rehabnet.platform.events.clinical.Substance;
import org.rehabnet.platform.events.clinical.UdsFlag;
import org.rehabnet.platform.events.intake.AdmissionRecorded;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import org.rehabnet.test.infra.EventProbe;
import org.rehabnet.test.infra.RehabnetIntegrationTest;
import org.rehabnet.test.infra.SharedInfrastructure;
import org.rehabnet.test.time.MutableClock;
import org.rehabnet.test.time.MutableClockConfiguration;
import org.rehabnet.test.tokens.TestIdentityProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The detox chart end to end inside the service: real PostgreSQL, real Kafka, real tokens. */
@RehabnetIntegrationTest(database = "monitoring")
@Import(MutableClockConfiguration.class)
class DetoxChartIntegrationTest {

  @LocalServerPort
  int port;

  @Autowired
  JsonMapper json;

  @Autowired
  MutableClock clock;

  @Autowired
  Reassessments reassessments;

  ApiClient api;
  final TestIdentityProvider idp = TestIdentityProvider.get();
  final String nurseNorth = idp.staff("nurse-north", List.of("nurse"), List.of("north"));
  final String physicianNorth = idp.staff("dr-north", List.of("physician"), List.of("north"));
  final String nurseSouth = idp.staff("nurse-south", List.of("nurse"), List.of("south"));
  final String physicianSouth = idp.staff("dr-south", List.of("physician"), List.of("south"));
  final String counsellorNorth = idp.staff("counsellor-north", List.of("counsellor"), List.of("north"));

  Ward ward;

  @BeforeEach
  void client() {
    api = new ApiClient("http://localhost:" + port);
    ward = new Ward(port, json, clock);
    ward.announceSeedSites();
  }

  /** 08:00 at the north site three days ahead, so the clock only moves forward of other tests' charting. */
  private void morningInNewYork() {
    ZoneId newYork = ZoneId.of("America/New_York");
    clock.set(LocalDate.now(newYork).plusDays(3).atTime(LocalTime.of(8, 0)).atZone(newYork).toInstant());
  }

  @AfterEach
  void backToRealTime() {
    clock.reset();
  }

  @Test
  void anAdmissionWithSelfHarmRiskOpensAnEpisodeAndRaisesAnAlert() {
    Episode episode = admit("north", Set.of(RiskFlag.SELF_HARM_RISK), Set.of(UdsFlag.FENTANYL_POSITIVE));

    JsonNode alerts = api.get("/v1/episodes/" + episode.id + "/alerts", nurseNorth).json();
    assertThat(kinds(alerts)).containsExactly("SELF_HARM_RISK");

    ConsumerRecord<String, byte[]> raised = await().atMost(Duration.ofSeconds(20)).until(
        () -> EventProbe.read(Topics.MONITORING_ALERTS, r -> episode.patientId.toString().equals(r.key())),
        found -> !found.isEmpty()).getFirst();
    assertThat(EventProbe.header(raised, CloudEventHeaders.TYPE)).isEqualTo("rehab.monitoring.ClinicalAlertRaised.v1");
    assertThat(json.readTree(raised.value()).get("kind").asString()).isEqualTo("SELF_HARM_RISK");
  }

  @Test
  void anInductionDayUpToTheDailyMaximumThenARefusedDoseAndAPhysiciansOverride() throws SQLException {
    // The four hours below must fall on one treatment day, the calendar day at the site: a run
    // started late in New York's evening would otherwise cross midnight into day 2.
    morningInNewYork();
    Episode episode = admit("north", Set.of(), Set.of());
    Ward.Episode charted = charted(episode);
    ward.chartCalmInWithdrawal(charted);
    UUID order = ward.prn(charted, "BUPRENORPHINE", "2", "4", "SUBLINGUAL");

    ApiResponse first = give(episode, order, "4", nurseNorth, null);
    assertThat(first.status()).isEqualTo(201);
    assertThat(first.json().get("warnings")).isEmpty();
    assertThat(first.json().get("route").asString()).isEqualTo("SUBLINGUAL");
    assertThat(first.json().get("siteSettingsVersion").asLong()).isEqualTo(1);
    JsonNode row = censusRow("north", episode.id);
    assertThat(Duration.between(clock.instant(), Instant.parse(row.get("cowsDueAt").asString())))
        .as("hourly COWS during induction").isLessThanOrEqualTo(Duration.ofHours(1));

    clock.advance(Duration.ofMinutes(119));
    ward.chartCalmInWithdrawal(charted);
    assertUnsafe(give(episode, order, "4", nurseNorth, null), "MINIMUM_INTERVAL");

    clock.advance(Duration.ofMinutes(1));
    assertThat(give(episode, order, "4", nurseNorth, null).status()).as("8 mg: at the day-1 maximum").isEqualTo(201);

    clock.advance(Duration.ofHours(2));
    ward.chartCalmInWithdrawal(charted);
    assertUnsafe(give(episode, order, "2", nurseNorth, null), "DAILY_MAXIMUM");
    ApiResponse nurseOverride = give(episode, order, "2", nurseNorth, "Persistent withdrawal, COWS 14 documented");
    assertThat(nurseOverride.status()).isEqualTo(403);

    ApiResponse override = give(episode, order, "2", physicianNorth, "Persistent withdrawal, COWS 14 documented");
    assertThat(override.status()).isEqualTo(201);
    assertThat(override.json().get("overriddenRule").asString()).isEqualTo("DAILY_MAXIMUM");

    JsonNode mar = api.get("/v1/episodes/" + episode.id + "/administrations", nurseNorth).json();
    assertThat(mar).hasSize(3);
    assertThat(count("medication_administration", episode.id)).isEqualTo(3);
    assertThat(kinds(api.get("/v1/episodes/" + episode.id + "/alerts", physicianNorth).json()))
        .contains("DOSE_OVERRIDE");
  }

  @Test
  void aDoseIsHeldWhileThePatientIsSedated() throws SQLException {
    Episode episode = admit("north", Set.of(), Set.of());
    Ward.Episode charted = charted(episode);
    ward.chartCalmInWithdrawal(charted);
    ward.observe(charted, "3", true);
    UUID order = order(episode, physicianNorth, "BUPRENORPHINE");

    ApiResponse refused = give(episode, order, "2", nurseNorth, null);
    assertUnsafe(refused, "HOLD_SEDATION");
    assertThat(count("medication_administration", episode.id)).isZero();
    assertThat(kinds(api.get("/v1/episodes/" + episode.id + "/alerts", nurseNorth).json()))
        .contains("RESPIRATORY_DEPRESSION", "ASPIRATION_RISK");
  }

  @Test
  void overdueAssessmentsBecomeAlertsOnceTheirTimerHasPassed() {
    Episode episode = admit("north", Set.of(), Set.of());
    reassessments.raiseOverdueAlerts();
    assertThat(kinds(api.get("/v1/episodes/" + episode.id + "/alerts", nurseNorth).json())).isEmpty();

    clock.advance(Duration.ofHours(4).plusMinutes(1));
    reassessments.raiseOverdueAlerts();

    await().atMost(Duration.ofSeconds(10)).until(
        () -> kinds(api.get("/v1/episodes/" + episode.id + "/alerts", nurseNorth).json()),
        kinds -> kinds.equals(List.of("OVERDUE_ASSESSMENT", "OVERDUE_ASSESSMENT")));
    JsonNode row = censusRow("north", episode.id);
    assertThat(row.get("cowsOverdue").asBoolean()).isTrue();
    assertThat(row.get("vitalsOverdue").asBoolean()).isTrue();
    assertThat(row.get("openAlerts").asInt()).isEqualTo(2);

    reassessments.raiseOverdueAlerts();
    assertThat(kinds(api.get("/v1/episodes/" + episode.id + "/alerts", nurseNorth).json()))
        .as("each due time is reported once").hasSize(2);

    String alertId = api.get("/v1/episodes/" + episode.id + "/alerts", nurseNorth).json().get(0).get("alertId")
        .asString();
    JsonNode acknowledged = api.post("/v1/alerts/" + alertId + "/acknowledgement", nurseNorth, "").json();
    assertThat(acknowledged.get("acknowledgedBy").asString()).isEqualTo("nurse-north");
    assertThat(api.post("/v1/alerts/" + alertId + "/acknowledgement", nurseNorth, "").status()).isEqualTo(409);
  }

  @Test
  void dischargeEmitsPatientDischargedAndTheChartTakesNothingMore() throws SQLException {
    Episode episode = admit("north", Set.of(), Set.of());
    api.post("/v1/episodes/" + episode.id + "/cows-assessments", nurseNorth, cows(10));
    UUID order = order(episode, physicianNorth, "LOPERAMIDE");

    Map<String, Object> discharge = new LinkedHashMap<>(Map.of("type", "COMPLETED", "naloxoneProvided", false,
        "overdoseEducation", true, "medicationPlan", "BUPRENORPHINE_MAINTENANCE",
        "receivingPrescriber", "Northside OTP clinic"));
    ApiResponse noReason = api.post("/v1/episodes/" + episode.id + "/discharge", physicianNorth, discharge);
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("naloxoneNotProvidedReason");
    assertThat(api.post("/v1/episodes/" + episode.id + "/discharge", nurseNorth, discharge).status()).isEqualTo(403);

    discharge.put("naloxoneProvided", true);
    discharge.put("expectedVersion", 999);
    assertThat(api.post("/v1/episodes/" + episode.id + "/discharge", physicianNorth, discharge).status())
        .isEqualTo(412);
    discharge.remove("expectedVersion");
    ApiResponse discharged = api.post("/v1/episodes/" + episode.id + "/discharge", physicianNorth, discharge);
    assertThat(discharged.status()).isEqualTo(200);
    assertThat(discharged.json().get("status").asString()).isEqualTo("DISCHARGED");

    ConsumerRecord<String, byte[]> event = await().atMost(Duration.ofSeconds(20)).until(
        () -> EventProbe.read(Topics.MONITORING_EPISODES, r -> episode.patientId.toString().equals(r.key())
            && EventProbe.header(r, CloudEventHeaders.TYPE).equals("rehab.monitoring.PatientDischarged.v1")),
        found -> !found.isEmpty()).getFirst();
    JsonNode payload = json.readTree(event.value());
    assertThat(EventProbe.header(event, CloudEventHeaders.ID)).isEqualTo(payload.get("metadata").get("eventId")
        .asString());
    assertThat(EventProbe.header(event, CloudEventHeaders.SOURCE)).isEqualTo("/rehabnet/monitoring-service");
    assertThat(EventProbe.header(event, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
    assertThat(EventProbe.header(event, CloudEventHeaders.TIME)).isNotBlank();
    assertThat(payload.get("episodeId").asString()).isEqualTo(episode.id.toString());
    assertThat(payload.get("admissionId").asString()).isEqualTo(episode.admissionId.toString());
    assertThat(payload.get("dischargeType").asString()).isEqualTo("COMPLETED");
    assertThat(payload.get("naloxoneProvided").asBoolean()).isTrue();
    assertThat(payload.get("overdoseEducation").asBoolean()).isTrue();
    assertThat(payload.get("medicationPlan").asString()).isEqualTo("BUPRENORPHINE_MAINTENANCE");
    assertThat(payload.get("receivingPrescriber").asString()).isEqualTo("Northside OTP clinic");
    assertThat(payload.get("lastCowsTotal").asInt()).isEqualTo(10);

    ApiResponse dose = ward.give(charted(episode), order, "LOPERAMIDE", "2", "ORAL", nurseNorth, null);
    assertThat(dose.status()).isEqualTo(409);
    assertThat(dose.json().get("type").asString()).endsWith("/conflict");
    assertThat(count("medication_administration", episode.id)).isZero();
    assertThat(api.post("/v1/episodes/" + episode.id + "/vital-signs", nurseNorth, vitals(120, 80, 97)).status())
        .isEqualTo(409);
    assertThat(api.post("/v1/episodes/" + episode.id + "/discharge", physicianNorth, discharge).status())
        .isEqualTo(409);
  }

  @Test
  void badInputIsRefusedWithItsOwnProblemAndNothingIsStored() throws SQLException {
    Episode north = admit("north", Set.of(), Set.of());
    Map<String, Object> pupilThree = new LinkedHashMap<>(cows(0));
    pupilThree.put("pupilSize", 3);
    ApiResponse cows = api.post("/v1/episodes/" + north.id + "/cows-assessments", nurseNorth, pupilThree);
    assertValidation(cows, "pupilSize");
    assertThat(count("cows_assessment", north.id)).isZero();

    assertValidation(api.post("/v1/episodes/" + north.id + "/vital-signs", nurseNorth, vitals(120, 80, 101)), "spo2");
    Map<String, Object> implausible = new LinkedHashMap<>(vitals(120, 80, 97));
    implausible.put("pulse", 400);
    assertValidation(api.post("/v1/episodes/" + north.id + "/vital-signs", nurseNorth, implausible), "pulse");
    assertValidation(api.post("/v1/episodes/" + north.id + "/vital-signs", nurseNorth, vitals(120, 120, 97)),
        "diastolic");
    assertThat(count("vital_signs", north.id)).isZero();

    Episode south = admit("south", Set.of(), Set.of());
    ApiResponse methadone = api.post("/v1/episodes/" + south.id + "/medication-orders", physicianSouth,
        Map.of("drug", "METHADONE", "doseMg", 20, "route", "ORAL"));
    assertUnsafe(methadone, "OTP_REQUIRED");
    assertThat(count("medication_order", south.id)).isZero();
    assertThat(api.post("/v1/episodes/" + north.id + "/medication-orders", physicianNorth,
        Map.of("drug", "METHADONE", "doseMg", 20, "route", "ORAL")).status()).as("north is an OTP").isEqualTo(201);
  }

  @Test
  void vitalSignsAreScoredAndStoredWithTheirCodes() throws SQLException {
    Episode episode = admit("north", Set.of(), Set.of());
    ApiResponse charted = api.post("/v1/episodes/" + episode.id + "/vital-signs", nurseNorth, vitals(105, 70, 93));
    assertThat(charted.status()).isEqualTo(201);
    assertThat(charted.json().get("news2").get("total").asInt()).isEqualTo(3);
    assertThat(charted.json().get("news2").get("response").asString()).isEqualTo("LOW");
    List<String> codes = new ArrayList<>();
    charted.json().get("observations").forEach(o -> codes.add(o.get("loinc").asString()));
    assertThat(codes).containsExactly("59408-5", "8310-5", "8462-4", "8480-6", "8867-4", "9279-1");
    assertThat(count("vital_observation o JOIN vital_signs v ON v.id = o.vital_signs_id", "v.episode_id",
        episode.id)).isEqualTo(6);
  }

  @Test
  void staffSeeOnlyTheirSiteAndCounsellorsOnlyTheSummary() {
    Episode episode = admit("north", Set.of(), Set.of());
    assertThat(api.get("/v1/episodes/" + episode.id, counsellorNorth).status()).isEqualTo(200);
    assertThat(api.get("/v1/episodes/" + episode.id + "/vital-signs", counsellorNorth).status()).isEqualTo(403);
    assertThat(api.get("/v1/episodes/" + episode.id + "/administrations", counsellorNorth).status()).isEqualTo(403);
    assertThat(api.get("/v1/episodes/" + episode.id + "/vital-signs", nurseSouth).status()).isEqualTo(404);
    assertThat(api.post("/v1/episodes/" + episode.id + "/vital-signs", nurseSouth, vitals(120, 80, 97)).status())
        .isEqualTo(404);
    assertThat(api.get("/v1/sites/north/census", nurseSouth).status()).isEqualTo(404);
    // The alert list too: another site's episode and an unknown one give the same 404, never 200 [].
    ApiResponse foreignAlerts = api.get("/v1/episodes/" + episode.id + "/alerts", nurseSouth);
    ApiResponse unknownAlerts = api.get("/v1/episodes/" + UUID.randomUUID() + "/alerts", nurseSouth);
    assertThat(foreignAlerts.status()).isEqualTo(404).isEqualTo(unknownAlerts.status());
    assertThat(foreignAlerts.json().get("type")).isEqualTo(unknownAlerts.json().get("type"));
    assertThat(api.get("/v1/episodes/" + episode.id + "/alerts", nurseNorth).status()).isEqualTo(200);
    assertThat(api.post("/v1/episodes/" + episode.id + "/medication-orders", nurseNorth,
        Map.of("drug", "BUPRENORPHINE", "doseMg", 4, "route", "SUBLINGUAL")).status()).isEqualTo(403);
    String lead = idp.staff("lead", List.of("clinical-lead"), List.of());
    assertThat(api.get("/v1/episodes/" + episode.id + "/vital-signs", lead).status()).isEqualTo(200);
  }

  @Test
  void stoppingAnOrderReadEarlierAnswersStaleVersion() {
    Episode episode = admit("north", Set.of(), Set.of());
    UUID order = order(episode, physicianNorth, "ONDANSETRON");
    long version = api.get("/v1/episodes/" + episode.id + "/medication-orders", physicianNorth).json().get(0)
        .get("version").asLong();
    assertThat(api.post("/v1/episodes/" + episode.id + "/medication-orders/" + order + "/stop", physicianNorth,
        Map.of("expectedVersion", version + 1)).status()).isEqualTo(412);
    assertThat(api.post("/v1/episodes/" + episode.id + "/medication-orders/" + order + "/stop", physicianNorth,
        Map.of("expectedVersion", version)).status()).isEqualTo(200);
    assertThat(api.post("/v1/episodes/" + episode.id + "/medication-orders/" + order + "/stop", physicianNorth,
        Map.of("expectedVersion", version + 1)).status()).as("already stopped").isEqualTo(409);
  }

  // --- helpers

  record Episode(UUID id, UUID admissionId, UUID patientId) {}

  private Episode admit(String site, Set<RiskFlag> mentalHealthFlags, Set<UdsFlag> udsFlags) {
    Instant now = clock.instant();
    AdmissionRecorded admission = new AdmissionRecorded(EventMetadata.next(now, 1), UUID.randomUUID(),
        UUID.randomUUID(), site, "B-" + (int) (Math.random() * 100), now.minus(Duration.ofHours(1)), 7, DependenceSeverity.SEVERE,
        List.of(new AdmissionRecorded.SubstanceUse(Substance.HEROIN, RouteOfUse.INJECTED, now.minus(Duration.ofHours(13)))),
        udsFlags, mentalHealthFlags, null);
    EventProbe.publish(Topics.INTAKE_ADMISSIONS, admission.key(),
        CloudEventHeaders.of(admission, "/rehabnet/intake-service"), json.writeValueAsBytes(admission));
    String token = "south".equals(site) ? nurseSouth : nurseNorth;
    JsonNode episode = await().atMost(Duration.ofSeconds(20))
        .until(() -> api.get("/v1/admissions/" + admission.admissionId() + "/episode", token),
            response -> response.status() == 200)
        .json();
    return new Episode(UUID.fromString(episode.get("episodeId").asString()), admission.admissionId(),
        admission.patientId());
  }

  /** Buprenorphine 2-4 mg sublingual PRN; any other drug 2 mg by mouth. */
  private UUID order(Episode episode, String physician, String drug) {
    Map<String, Object> body = "BUPRENORPHINE".equals(drug)
        ? Map.of("drug", drug, "doseMinMg", 2, "doseMaxMg", 4, "route", "SUBLINGUAL")
        : Map.of("drug", drug, "doseMg", 2, "route", "ORAL");
    ApiResponse response = api.post("/v1/episodes/" + episode.id + "/medication-orders", physician, body);
    assertThat(response.status()).isEqualTo(201);
    return UUID.fromString(response.json().get("orderId").asString());
  }

  /** Buprenorphine against an order for it, given sublingually, as ordered by {@link #order}. */
  private ApiResponse give(Episode episode, UUID order, String mg, String token, String overrideReason) {
    return ward.give(charted(episode), order, "BUPRENORPHINE", mg, "SUBLINGUAL", token, overrideReason);
  }

  private static Ward.Episode charted(Episode episode) {
    return new Ward.Episode(episode.id, episode.admissionId, episode.patientId, "north");
  }

  /** Ten items at 1 and gooseflesh at 0 make 10; zero makes 0. */
  private static Map<String, Object> cows(int total) {
    int item = total == 0 ? 0 : 1;
    Map<String, Object> body = new LinkedHashMap<>();
    for (String name : List.of("restingPulse", "sweating", "restlessness", "pupilSize", "boneJointAches", "runnyNose",
        "giUpset", "tremor", "yawning", "anxiety")) {
      body.put(name, item);
    }
    body.put("gooseflesh", 0);
    return body;
  }

  private static Map<String, Object> vitals(int systolic, int diastolic, int spo2) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("respirationRate", 16);
    body.put("spo2", spo2);
    body.put("onOxygen", false);
    body.put("systolic", systolic);
    body.put("diastolic", diastolic);
    body.put("pulse", 72);
    body.put("consciousness", "ALERT");
    body.put("temperature", 37.0);
    return body;
  }

  private JsonNode censusRow(String site, UUID episodeId) {
    for (JsonNode row : api.get("/v1/sites/" + site + "/census", nurseNorth).json()) {
      if (row.get("episodeId").asString().equals(episodeId.toString())) {
        return row;
      }
    }
    throw new AssertionError("episode not on the census");
  }

  private static List<String> kinds(JsonNode alerts) {
    List<String> kinds = new ArrayList<>();
    alerts.forEach(alert -> kinds.add(alert.get("kind").asString()));
    return kinds;
  }

  private static void assertUnsafe(ApiResponse response, String rule) {
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.isProblem()).isTrue();
    assertThat(response.json().get("type").asString()).isEqualTo("https://rehabnet.example/problems/unsafe-dose");
    assertThat(response.json().get("rule").asString()).isEqualTo(rule);
  }

  private static void assertValidation(ApiResponse response, String field) {
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.isProblem()).isTrue();
    assertThat(response.json().get("type").asString()).isEqualTo("https://rehabnet.example/problems/validation");
    List<String> fields = new ArrayList<>();
    response.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
    assertThat(fields).containsExactly(field);
  }

  private static long count(String table, UUID episodeId) throws SQLException {
    return count(table, "episode_id", episodeId);
  }

  private static long count(String from, String column, UUID episodeId) throws SQLException {
    try (var connection = SharedInfrastructure.get().postgres().superUserConnection("monitoring");
        var rs = connection.createStatement()
            .executeQuery("SELECT count(*) FROM " + from + " WHERE " + column + " = '" + episodeId + "'")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
