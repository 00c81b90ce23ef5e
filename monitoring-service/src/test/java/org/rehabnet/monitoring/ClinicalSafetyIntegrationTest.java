package org.rehabnet.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.rehabnet.monitoring.Ward.assertUnsafe;
import static org.rehabnet.monitoring.Ward.assertValidation;
import static org.rehabnet.monitoring.Ward.cowsOf;
import static org.rehabnet.monitoring.Ward.vitalSigns;

import java.math.BigDecimal;
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
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rehabnet.platform.events.Topics;
import org.rehabnet.platform.events.intake.SiteConfigured;
import org.rehabnet.platform.events.intake.SiteSettings;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import org.rehabnet.test.infra.EventProbe;
import org.rehabnet.test.infra.RehabnetIntegrationTest;
import org.rehabnet.test.time.MutableClock;
import org.rehabnet.test.time.MutableClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #12 inside the service: real PostgreSQL, real Kafka (sites and admissions arrive as events),
 * real tokens, and a clock the tests move for the rules that count hours and calendar days.
 */
@RehabnetIntegrationTest(database = "monitoring")
@Import(MutableClockConfiguration.class)
class ClinicalSafetyIntegrationTest {

  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @LocalServerPort
  int port;

  @Autowired
  JsonMapper json;

  @Autowired
  MutableClock clock;

  Ward ward;
  /** A day three days ahead, so the clock only ever moves forward of other tests' charting. */
  final LocalDate day1 = LocalDate.now(NEW_YORK).plusDays(3);

  @BeforeEach
  void ward() {
    ward = new Ward(port, json, clock);
    ward.announceSeedSites();
  }

  @AfterEach
  void backToRealTime() {
    clock.reset();
  }

  void atNewYork(LocalDate date, String time) {
    clock.set(date.atTime(LocalTime.parse(time)).atZone(NEW_YORK).toInstant());
  }

  List<JsonNode> alertsOf(Ward.Episode episode, String kind) {
    return ward.alerts(episode).stream().filter(alert -> kind.equals(alert.get("kind").asString())).toList();
  }

  static List<String> severities(List<JsonNode> alerts) {
    return alerts.stream().map(alert -> alert.get("severity").asString()).toList();
  }

  @Test
  void anIncreaseOnDayTwoIsRefusedAndTheEstablishedDoseIsGiven() {
    atNewYork(day1, "08:00");
    Ward.Episode episode = ward.admit("north");
    ward.chartCalmInWithdrawal(episode);
    UUID order = ward.prn(episode, "METHADONE", "5", "50", "ORAL");
    String nurse = ward.nurse(episode);
    assertThat(ward.give(episode, order, "METHADONE", "30", "ORAL", nurse, null).status()).isEqualTo(201);

    atNewYork(day1, "11:05");
    ward.chartCalmInWithdrawal(episode);
    ApiResponse further = ward.give(episode, order, "METHADONE", "10", "ORAL", nurse, null);
    assertThat(further.status()).as("40 mg on day 1: " + further.body()).isEqualTo(201);

    atNewYork(day1.plusDays(1), "08:00");
    ward.chartCalmInWithdrawal(episode);
    ApiResponse increase = ward.give(episode, order, "METHADONE", "50", "ORAL", nurse, null);
    assertUnsafe(increase, "METHADONE_INCREASE_INTERVAL");
    assertThat(increase.json().get("overridable").asBoolean()).isTrue();
    assertThat(ward.give(episode, order, "METHADONE", "40", "ORAL", nurse, null).status())
        .as("the established dose").isEqualTo(201);
  }

  @Test
  void theDayOneCeilingIsNotPassedEvenByAPhysician() {
    Ward.Episode episode = ward.admit("north");
    ward.chartCalmInWithdrawal(episode);
    UUID order = ward.prn(episode, "METHADONE", "5", "50", "ORAL");
    String physician = ward.physician(episode);
    assertThat(ward.give(episode, order, "METHADONE", "30", "ORAL", physician, null).status()).isEqualTo(201);
    ApiResponse beyond = ward.give(episode, order, "METHADONE", "15", "ORAL", physician,
        "Severe withdrawal persists, documented in the notes");
    assertUnsafe(beyond, "METHADONE_DAY_ONE_CEILING");
    assertThat(beyond.json().get("overridable").asBoolean()).isFalse();
  }

  @Test
  void aDoseTightensReassessmentLikeBuprenorphine() {
    Ward.Episode episode = ward.admit("north");
    ward.chartCalmInWithdrawal(episode);
    UUID order = ward.order(episode, "METHADONE", "20", "ORAL");
    assertThat(ward.give(episode, order, "METHADONE", "20", "ORAL", ward.nurse(episode), null).status())
        .isEqualTo(201);
    JsonNode row = censusRow(episode);
    assertThat(Duration.between(clock.instant(), Instant.parse(row.get("cowsDueAt").asString())))
        .isLessThanOrEqualTo(Duration.ofHours(1));
    assertThat(Duration.between(clock.instant(), Instant.parse(row.get("vitalsDueAt").asString())))
        .isLessThanOrEqualTo(Duration.ofHours(1));
  }

  @Test
  void isRefusedAtASiteThatIsNotAnOpioidTreatmentProgram() throws SQLException {
    Ward.Episode episode = ward.admit("south");
    ApiResponse refused = ward.api.post("/v1/episodes/" + episode.id() + "/medication-orders",
        ward.physician(episode), Map.of("drug", "METHADONE", "doseMg", 20, "route", "ORAL"));
    assertUnsafe(refused, "OTP_REQUIRED");
    assertThat(Ward.count("medication_order", episode.id())).isZero();
  }

  @Test
  void aDoseJustAfterMidnightAtTheSiteIsTheNextTreatmentDay() {
    atNewYork(day1, "19:30");
    Ward.Episode episode = ward.admit("north");
    ward.chartCalmInWithdrawal(episode);
    UUID order = ward.prn(episode, "BUPRENORPHINE", "2", "8", "SUBLINGUAL");
    String nurse = ward.nurse(episode);
    assertThat(ward.give(episode, order, "BUPRENORPHINE", "4", "SUBLINGUAL", nurse, null).status()).isEqualTo(201);
    atNewYork(day1, "21:35");
    ward.chartCalmInWithdrawal(episode);
    assertThat(ward.give(episode, order, "BUPRENORPHINE", "4", "SUBLINGUAL", nurse, null).status()).isEqualTo(201);

    atNewYork(day1.plusDays(1), "00:10");
    ward.chartCalmInWithdrawal(episode);
    ApiResponse morning = ward.give(episode, order, "BUPRENORPHINE", "8", "SUBLINGUAL", nurse, null);
    assertThat(morning.status()).as("the day-1 total as the first dose of day 2: " + morning.body())
        .isEqualTo(201);
    assertThat(ward.api.get("/v1/episodes/" + episode.id(), nurse).json().get("day").asInt())
        .as("admitted at 18:30 yesterday in New York").isEqualTo(2);
  }

  @Test
  void twentyFourMilligramsIsTheHardMaximumEvenWithAPhysiciansOverride() throws SQLException {
    Ward.Episode episode = ward.admit("north");
    ward.chartCalmInWithdrawal(episode);
    UUID order = ward.prn(episode, "BUPRENORPHINE", "2", "4", "SUBLINGUAL");
    String physician = ward.physician(episode);
    assertThat(ward.give(episode, order, "BUPRENORPHINE", "4", "SUBLINGUAL", ward.nurse(episode), null).status())
        .isEqualTo(201);
    for (int dose = 2; dose <= 6; dose++) {
      ApiResponse overridden = ward.give(episode, order, "BUPRENORPHINE", "4", "SUBLINGUAL", physician,
          "Severe withdrawal persists despite doses, reviewed at bedside");
      assertThat(overridden.status()).as(overridden.body()).isEqualTo(201);
      assertThat(overridden.json().get("overriddenRule").asString()).contains("MINIMUM_INTERVAL");
    }
    ApiResponse beyond = ward.give(episode, order, "BUPRENORPHINE", "2", "SUBLINGUAL", physician,
        "Severe withdrawal persists despite doses, reviewed at bedside");
    assertUnsafe(beyond, "BUPRENORPHINE_HARD_MAXIMUM");
    assertThat(beyond.json().get("overridable").asBoolean()).isFalse();
    assertThat(Ward.count("medication_administration", episode.id())).isEqualTo(6);
    assertThat(alertsOf(episode, "DOSE_OVERRIDE")).hasSize(5);
  }

  @Test
  void aFentanylPositivePatientIsWarnedOfPrecipitatedWithdrawal() {
    Ward.Episode episode = ward.admit("north", java.util.Set.of(),
        java.util.Set.of(org.rehabnet.platform.events.clinical.UdsFlag.FENTANYL_NOT_TESTED));
    ward.chartCalmInWithdrawal(episode);
    UUID order = ward.order(episode, "BUPRENORPHINE", "2", "SUBLINGUAL");
    ApiResponse given = ward.give(episode, order, "BUPRENORPHINE", "2", "SUBLINGUAL", ward.nurse(episode), null);
    assertThat(given.status()).isEqualTo(201);
    assertThat(given.json().get("warnings").get(0).asString()).isEqualTo("PRECIPITATED_WITHDRAWAL_RISK");
    JsonNode mar = ward.api.get("/v1/episodes/" + episode.id() + "/administrations", ward.nurse(episode)).json();
    assertThat(mar.get(0).get("warnings").get(0).asString()).as("kept on the MAR line")
        .isEqualTo("PRECIPITATED_WITHDRAWAL_RISK");
  }

  @Test
  void aDoseWithNoVitalSignsChartedIsRefusedAndAnHourOldSetIsNotEnough() throws SQLException {
    Ward.Episode episode = ward.admit("north");
    ward.observe(episode, "1", false);
    ward.cows(episode, cowsOf(10));
    UUID order = ward.order(episode, "BUPRENORPHINE", "4", "SUBLINGUAL");
    String nurse = ward.nurse(episode);

    ApiResponse unobserved = ward.give(episode, order, "BUPRENORPHINE", "4", "SUBLINGUAL", nurse, null);
    assertUnsafe(unobserved, "OBSERVATIONS_NOT_CURRENT");
    assertThat(texts(unobserved.json().get("missingObservations"))).containsExactly("RESPIRATION_RATE", "SPO2");
    assertThat(Ward.count("medication_administration", episode.id())).isZero();

    ward.vitals(episode, vitalSigns(16, 97, 120, 72, "ALERT"));
    clock.advance(Duration.ofMinutes(61));
    ward.observe(episode, "1", false);
    ward.cows(episode, cowsOf(10));
    assertUnsafe(ward.give(episode, order, "BUPRENORPHINE", "4", "SUBLINGUAL", nurse, null),
        "OBSERVATIONS_NOT_CURRENT");

    ward.vitals(episode, vitalSigns(16, 97, 120, 72, "ALERT"));
    assertThat(ward.give(episode, order, "BUPRENORPHINE", "4", "SUBLINGUAL", nurse, null).status()).isEqualTo(201);
  }

  @Test
  void sedativesAreHeldLikeOpioidsAndClonidineBelowTheBloodPressureFloor() {
    Ward.Episode episode = ward.admit("north");
    ward.vitals(episode, vitalSigns(16, 97, 85, 72, "ALERT"));
    ward.observe(episode, "3", false);
    UUID zopiclone = ward.order(episode, "ZOPICLONE", "3.75", "ORAL");
    UUID clonidine = ward.order(episode, "CLONIDINE", "0.1", "ORAL");
    String nurse = ward.nurse(episode);
    assertUnsafe(ward.give(episode, zopiclone, "ZOPICLONE", "3.75", "ORAL", nurse, null), "HOLD_SEDATION");
    assertUnsafe(ward.give(episode, clonidine, "CLONIDINE", "0.1", "ORAL", nurse, null), "HOLD_BLOOD_PRESSURE");
  }

  @Test
  void onSpo2Scale2TheTargetIsNotHeldAndIsScoredOnItsOwnBands() {
    Ward.Episode episode = ward.admit("north");
    String path = "/v1/episodes/" + episode.id() + "/spo2-scale";
    Map<String, Object> scale2 = Map.of("scale", "SCALE_2",
        "reason", "Documented hypercapnic respiratory failure (COPD), target 88-92 %");
    assertThat(ward.api.send("PUT", path, ward.nurse(episode), ward.api.json(scale2), Map.of()).status())
        .isEqualTo(403);
    ApiResponse set = ward.api.send("PUT", path, ward.physician(episode), ward.api.json(scale2), Map.of());
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    assertThat(set.json().get("scale").asString()).isEqualTo("SCALE_2");
    assertThat(set.json().get("history").get(0).get("setBy").asString()).isEqualTo("dr-north");
    assertThat(set.json().get("history").get(0).get("setAt").asString()).isNotBlank();

    JsonNode charted = ward.vitals(episode, vitalSigns(16, 89, 120, 72, "ALERT")).json();
    assertThat(charted.get("news2").get("total").asInt()).as("89 % on air is on target").isZero();
    assertThat(charted.get("news2").get("spo2Scale").asString()).isEqualTo("SCALE_2");
    assertThat(alertsOf(episode, "RESPIRATORY_DEPRESSION")).isEmpty();
    ward.observe(episode, "1", false);
    ward.cows(episode, cowsOf(10));
    UUID order = ward.prn(episode, "BUPRENORPHINE", "2", "4", "SUBLINGUAL");
    assertThat(ward.give(episode, order, "BUPRENORPHINE", "2", "SUBLINGUAL", ward.nurse(episode), null).status())
        .isEqualTo(201);

    ward.vitals(episode, vitalSigns(16, 87, 120, 72, "ALERT"));
    clock.advance(Duration.ofHours(2));
    ward.vitals(episode, vitalSigns(16, 87, 120, 72, "ALERT"));
    ward.observe(episode, "1", false);
    ward.cows(episode, cowsOf(10));
    assertUnsafe(ward.give(episode, order, "BUPRENORPHINE", "2", "SUBLINGUAL", ward.nurse(episode), null),
        "HOLD_OXYGEN_SATURATION");
    assertThat(alertsOf(episode, "RESPIRATORY_DEPRESSION")).isNotEmpty();
  }

  @Test
  void mustBeWhatWasOrdered() throws SQLException {
    Ward.Episode episode = ward.admit("north");
    ward.chartCalmInWithdrawal(episode);
    UUID order = ward.order(episode, "BUPRENORPHINE", "4", "SUBLINGUAL");
    String nurse = ward.nurse(episode);
    String physician = ward.physician(episode);

    ApiResponse otherDose = ward.give(episode, order, "BUPRENORPHINE", "2", "SUBLINGUAL", physician,
        "The patient asked for less, documented");
    assertUnsafe(otherDose, "DOSE_NOT_AS_ORDERED");
    assertThat(otherDose.json().get("overridable").asBoolean()).isFalse();
    assertUnsafe(ward.give(episode, order, "BUPRENORPHINE", "4", "ORAL", nurse, null), "ROUTE_NOT_AS_ORDERED");
    assertUnsafe(ward.give(episode, order, "METHADONE", "4", "SUBLINGUAL", nurse, null), "DRUG_NOT_AS_ORDERED");

    Map<String, Object> firstVersion = Map.of("orderId", order, "doseMg", 4);
    assertValidation(ward.api.post("/v1/episodes/" + episode.id() + "/administrations", nurse, firstVersion),
        "drug", "route");
    Map<String, Object> finer = new LinkedHashMap<>(Map.of("orderId", order, "drug", "BUPRENORPHINE",
        "doseMg", new BigDecimal("3.999"), "route", "SUBLINGUAL"));
    assertValidation(ward.api.post("/v1/episodes/" + episode.id() + "/administrations", nurse, finer), "doseMg");
    Map<String, Object> nul = new LinkedHashMap<>(Map.of("orderId", order, "drug", "BUPRENORPHINE", "doseMg", 2,
        "route", "SUBLINGUAL", "overrideReason", "Reason with a \u0000 inside it"));
    assertValidation(ward.api.post("/v1/episodes/" + episode.id() + "/administrations", physician, nul),
        "overrideReason");

    long version = ward.api.get("/v1/episodes/" + episode.id() + "/medication-orders", nurse).json().get(0)
        .get("version").asLong();
    assertThat(ward.api.post("/v1/episodes/" + episode.id() + "/medication-orders/" + order + "/stop", physician,
        Map.of("expectedVersion", version)).status()).isEqualTo(200);
    assertUnsafe(ward.give(episode, order, "BUPRENORPHINE", "4", "SUBLINGUAL", nurse, null), "ORDER_NOT_ACTIVE");
    assertThat(Ward.count("medication_administration", episode.id())).isZero();

    UUID prn = ward.prn(episode, "BUPRENORPHINE", "2", "4", "SUBLINGUAL");
    assertThat(ward.give(episode, prn, "BUPRENORPHINE", "3", "SUBLINGUAL", nurse, null).status())
        .as("within the PRN range").isEqualTo(201);
  }

  @Test
  void anOrderIsAFixedDoseOrACompleteRange() {
    Ward.Episode episode = ward.admit("north");
    String path = "/v1/episodes/" + episode.id() + "/medication-orders";
    String physician = ward.physician(episode);
    assertValidation(ward.api.post(path, physician, Map.of("drug", "ONDANSETRON", "doseMg", 4, "doseMinMg", 2,
        "doseMaxMg", 4, "route", "ORAL")), "doseMinMg");
    assertValidation(ward.api.post(path, physician, Map.of("drug", "ONDANSETRON", "doseMinMg", 4, "doseMaxMg", 2,
        "route", "ORAL")), "doseMaxMg");
    assertValidation(ward.api.post(path, physician, Map.of("drug", "ONDANSETRON", "doseMinMg", 4, "route", "ORAL")),
        "doseMaxMg");
    assertValidation(ward.api.post(path, physician, Map.of("drug", "ONDANSETRON", "doseMg", 4, "route", "RECTAL")),
        "route");
    assertUnsafe(ward.api.post(path, physician, Map.of("drug", "BUPRENORPHINE", "doseMg", 32,
        "route", "SUBLINGUAL")), "BUPRENORPHINE_HARD_MAXIMUM");
    assertUnsafe(ward.api.post(path, physician, Map.of("drug", "BUPRENORPHINE", "doseMinMg", 2, "doseMaxMg", 4,
        "route", "SUBLINGUAL", "documentedDayOneMaxMg", 12, "documentation", "Heavy fentanyl use, documented")),
        "DOCUMENTED_DAY_ONE_MAXIMUM");
  }

  @Test
  void respiratoryDepressionAnHourAfterMethadoneIsAnEmergencyWhileAnOlderHighAlertIsOpen() {
    Ward.Episode episode = ward.admit("north");
    ward.vitals(episode, vitalSigns(9, 97, 120, 72, "ALERT"));
    assertThat(severities(alertsOf(episode, "RESPIRATORY_DEPRESSION"))).containsExactly("HIGH");
    clock.advance(Duration.ofMinutes(10));
    ward.chartCalmInWithdrawal(episode);
    UUID order = ward.order(episode, "METHADONE", "20", "ORAL");
    assertThat(ward.give(episode, order, "METHADONE", "20", "ORAL", ward.nurse(episode), null).status())
        .isEqualTo(201);

    clock.advance(Duration.ofHours(1));
    ward.vitals(episode, vitalSigns(8, 97, 120, 72, "ALERT"));
    List<JsonNode> respiratory = alertsOf(episode, "RESPIRATORY_DEPRESSION");
    assertThat(severities(respiratory)).containsExactly("EMERGENCY", "HIGH");
    assertThat(respiratory.get(0).get("reason").asString()).contains("within 4 h of an opioid dose");
    assertThat(respiratory.get(1).get("acknowledgedAt").isNull()).as("the older HIGH is still open").isTrue();
  }

  @Test
  void soonAfterADoseCowsAndObservationChartingRaiseTheEmergencyToo() {
    Ward.Episode overridden = ward.admit("north");
    ward.chartCalmInWithdrawal(overridden);
    ward.vitals(overridden, vitalSigns(9, 97, 120, 72, "ALERT"));
    UUID order = ward.order(overridden, "BUPRENORPHINE", "2", "SUBLINGUAL");
    assertThat(ward.give(overridden, order, "BUPRENORPHINE", "2", "SUBLINGUAL", ward.physician(overridden),
        "Slow breathing while asleep, rouses easily; reviewed").status()).isEqualTo(201);
    ward.cows(overridden, cowsOf(10));
    assertThat(severities(alertsOf(overridden, "RESPIRATORY_DEPRESSION")))
        .as("COWS charted with the slow breathing still current, within 4 h: the severity rises")
        .containsExactly("EMERGENCY", "HIGH");

    Ward.Episode sedated = ward.admit("north");
    ward.chartCalmInWithdrawal(sedated);
    UUID bup = ward.order(sedated, "BUPRENORPHINE", "4", "SUBLINGUAL");
    assertThat(ward.give(sedated, bup, "BUPRENORPHINE", "4", "SUBLINGUAL", ward.nurse(sedated), null).status())
        .isEqualTo(201);
    ward.observe(sedated, "3", false);
    assertThat(severities(alertsOf(sedated, "RESPIRATORY_DEPRESSION"))).containsExactly("EMERGENCY");
  }

  @Test
  void fourHoursAndAMinuteAfterADoseItIsHighAgain() {
    Ward.Episode episode = ward.admit("north");
    ward.chartCalmInWithdrawal(episode);
    UUID order = ward.order(episode, "METHADONE", "20", "ORAL");
    assertThat(ward.give(episode, order, "METHADONE", "20", "ORAL", ward.nurse(episode), null).status())
        .isEqualTo(201);
    clock.advance(Duration.ofHours(4).plusMinutes(1));
    ward.vitals(episode, vitalSigns(8, 97, 120, 72, "ALERT"));
    assertThat(severities(alertsOf(episode, "RESPIRATORY_DEPRESSION"))).containsExactly("HIGH");
  }

  @Test
  void anOpenAlertHidesARepeatOnlyForAnHourAndNeverARisingSeverity() {
    Ward.Episode episode = ward.admit("north");
    ward.vitals(episode, vitalSigns(9, 97, 120, 72, "ALERT"));
    clock.advance(Duration.ofMinutes(59));
    ward.vitals(episode, vitalSigns(9, 97, 120, 72, "ALERT"));
    assertThat(alertsOf(episode, "RESPIRATORY_DEPRESSION")).as("59 minutes: the open alert covers it").hasSize(1);
    clock.advance(Duration.ofMinutes(2));
    ward.vitals(episode, vitalSigns(9, 97, 120, 72, "ALERT"));
    assertThat(alertsOf(episode, "RESPIRATORY_DEPRESSION")).as("61 minutes: raised again").hasSize(2);
    ward.observe(episode, "4", false);
    assertThat(severities(alertsOf(episode, "RESPIRATORY_DEPRESSION")))
        .as("POSS 4 a minute later: the severity rises").containsExactly("EMERGENCY", "HIGH", "HIGH");
  }

  @Test
  void aspirationRiskIsRaisedFromVitalSignsAfterVomitingWithinFourHours() {
    Ward.Episode recent = ward.admit("north");
    ward.observe(recent, "1", true);
    assertThat(alertsOf(recent, "ASPIRATION_RISK")).isEmpty();
    clock.advance(Duration.ofHours(4).minusMinutes(1));
    ward.vitals(recent, vitalSigns(16, 97, 120, 72, "VOICE"));
    assertThat(alertsOf(recent, "ASPIRATION_RISK")).hasSize(1);

    Ward.Episode earlier = ward.admit("north");
    ward.observe(earlier, "1", true);
    clock.advance(Duration.ofHours(4).plusMinutes(1));
    ward.vitals(earlier, vitalSigns(16, 97, 120, 72, "VOICE"));
    assertThat(alertsOf(earlier, "ASPIRATION_RISK")).isEmpty();
    assertThat(alertsOf(earlier, "NEWS2_DETERIORATION")).isNotEmpty();
  }

  @Test
  void vitalSignsChartingConsidersTheLatestPoss() {
    Ward.Episode episode = ward.admit("north");
    ward.observe(episode, "3", false);
    ApiResponse acknowledged = ward.api.post("/v1/alerts/" + alertsOf(episode, "RESPIRATORY_DEPRESSION").get(0)
        .get("alertId").asString() + "/acknowledgement", ward.nurse(episode), "");
    assertThat(acknowledged.status()).isEqualTo(200);
    ward.vitals(episode, vitalSigns(16, 97, 120, 72, "ALERT"));
    assertThat(alertsOf(episode, "RESPIRATORY_DEPRESSION")).as("normal vitals, but POSS 3 ten seconds ago")
        .hasSize(2);
  }

  @Test
  void aPhq9ReScreenWithItemNineAboveZeroRaisesTheAlertAndTheTrendKeepsEveryScreen() throws SQLException {
    Ward.Episode episode = ward.admit("north");
    String path = "/v1/episodes/" + episode.id() + "/phq9-screenings";
    String nurse = ward.nurse(episode);
    ApiResponse first = ward.api.post(path, nurse, Map.of("items", List.of(2, 2, 1, 1, 1, 1, 1, 1, 0)));
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.json().get("total").asInt()).isEqualTo(10);
    assertThat(first.json().get("band").asString()).isEqualTo("MODERATE");
    assertThat(alertsOf(episode, "SELF_HARM_RISK")).isEmpty();

    ApiResponse second = ward.api.post(path, idpCounsellor(), Map.of("items", List.of(0, 0, 0, 0, 0, 0, 0, 0, 1)));
    assertThat(second.status()).as(second.body()).isEqualTo(201);
    assertThat(second.json().get("band").asString()).isEqualTo("MINIMAL");
    assertThat(texts(second.json().get("riskFlags"))).containsExactly("SELF_HARM_RISK");
    List<JsonNode> selfHarm = alertsOf(episode, "SELF_HARM_RISK");
    assertThat(selfHarm).hasSize(1);
    assertThat(selfHarm.get(0).get("reason").asString()).doesNotContain("intake");

    JsonNode trend = ward.api.get(path, ward.physician(episode)).json();
    assertThat(trend).hasSize(2);
    assertThat(trend.get(0).get("total").asInt()).isEqualTo(10);
    assertThat(trend.get(1).get("loinc").asString()).isEqualTo("44261-6");

    assertValidation(ward.api.post(path, nurse, Map.of("items", List.of(0, 0, 0, 0, 0, 0, 0, 0))), "items");
    assertValidation(ward.api.post(path, nurse, Map.of("items", List.of(0, 0, 0, 4, 0, 0, 0, 0, 0))), "items[3]");
    assertThat(ward.api.post(path, nurse, "{\"items\":[0,0,0,1.5,0,0,0,0,0]}").status()).isEqualTo(400);
    assertThat(Ward.count("phq9_screening", episode.id())).isEqualTo(2);
  }

  private String idpCounsellor() {
    return ward.idp.staff("counsellor-north", List.of("counsellor"), List.of("north"));
  }

  @Test
  void aCowsPupilSizeOfOneAndAHalfIsRefusedNotRounded() throws SQLException {
    Ward.Episode episode = ward.admit("north");
    String body = ward.api.json(cowsOf(10)).replace("\"pupilSize\":1", "\"pupilSize\":1.5");
    ApiResponse refused = ward.api.post("/v1/episodes/" + episode.id() + "/cows-assessments", ward.nurse(episode),
        body);
    assertValidation(refused, "pupilSize");
    assertThat(Ward.count("cows_assessment", episode.id())).isZero();
  }

  @Test
  void theNewestVersionWinsAndAnOlderOneArrivingLateIsIgnored() throws SQLException {
    String site = "west-" + UUID.randomUUID().toString().substring(0, 8);
    ward.announce(site, "America/Denver", true, SiteSettings.defaults(), 2);
    SiteConfigured stale = ward.publish(site, "America/Denver", false, SiteSettings.defaults(), 1);
    await().atMost(Duration.ofSeconds(20)).until(() -> Ward.processed(stale.metadata().eventId()));
    String lead = ward.idp.staff("lead", List.of("clinical-lead"), List.of());
    JsonNode kept = ward.api.get("/v1/sites/" + site + "/clinical-settings", lead).json();
    assertThat(kept.get("version").asLong()).isEqualTo(2);
    assertThat(kept.get("otpCertified").asBoolean()).isTrue();
    assertThat(kept.get("timeZone").asString()).isEqualTo("America/Denver");

    ward.announce(site, "America/Denver", false, SiteSettings.defaults(), 3);
    assertThat(ward.api.get("/v1/sites/" + site + "/clinical-settings", lead).json().get("otpCertified")
        .asBoolean()).isFalse();
  }

  @Test
  void settingsOutsideTheirBoundsGoToTheDeadLetterTopicAndTheSiteKeepsWhatItHad() throws SQLException {
    String site = "east-" + UUID.randomUUID().toString().substring(0, 8);
    ward.announce(site, "America/New_York", true, SiteSettings.defaults(), 1);
    ward.publish(site, "Mars/Olympus_Mons", false, SiteSettings.defaults(), 2);
    var dead = EventProbe.awaitRecord(Topics.deadLetterTopic(Topics.INTAKE_SITES, "monitoring-service"), site,
        Duration.ofSeconds(30));
    assertThat(EventProbe.header(dead, "kafka_dlt-exception-message")).contains("unknown time zone");
    assertThat(Ward.storedVersion(site)).isEqualTo(1);
  }

  @Test
  void aDoseAtASiteWhoseSettingsHaveNotArrivedIsRefusedWhoeverAsks() {
    String site = "new-" + UUID.randomUUID().toString().substring(0, 8);
    Ward.Episode episode = ward.admit(site);
    ward.chartCalmInWithdrawal(episode);
    UUID order = ward.order(episode, "BUPRENORPHINE", "4", "SUBLINGUAL");
    ApiResponse refused = ward.give(episode, order, "BUPRENORPHINE", "4", "SUBLINGUAL", ward.physician(episode),
        "Settings are on their way, documented");
    assertUnsafe(refused, "SITE_NOT_CONFIGURED");
    assertThat(refused.json().get("overridable").asBoolean()).isFalse();
    assertUnsafe(ward.api.post("/v1/episodes/" + episode.id() + "/medication-orders", ward.physician(episode),
        Map.of("drug", "METHADONE", "doseMg", 20, "route", "ORAL")), "SITE_NOT_CONFIGURED");
    assertThat(ward.api.get("/v1/sites/" + site + "/clinical-settings", ward.nurse(episode)).status())
        .isEqualTo(404);
    UUID naloxone = ward.order(episode, "NALOXONE", "0.4", "INTRAMUSCULAR");
    assertThat(ward.give(episode, naloxone, "NALOXONE", "0.4", "INTRAMUSCULAR", ward.nurse(episode), null)
        .status()).as("naloxone is never refused").isEqualTo(201);
  }

  private JsonNode censusRow(Ward.Episode episode) {
    for (JsonNode row : ward.api.get("/v1/sites/" + episode.site() + "/census", ward.nurse(episode)).json()) {
      if (row.get("episodeId").asString().equals(episode.id().toString())) {
        return row;
      }
    }
    throw new AssertionError("episode not on the census");
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asString()));
    return values;
  }
}
