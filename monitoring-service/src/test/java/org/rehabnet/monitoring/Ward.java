package org.rehabnet.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.CloudEventHeaders;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.Topics;
import org.rehabnet.platform.events.clinical.DependenceSeverity;
import org.rehabnet.platform.events.clinical.RiskFlag;
import org.rehabnet.platform.events.clinical.RouteOfUse;
import org.rehabnet.platform.events.clinical.Substance;
import org.rehabnet.platform.events.clinical.UdsFlag;
import org.rehabnet.platform.events.intake.AdmissionRecorded;
import org.rehabnet.platform.events.intake.SiteConfigured;
import org.rehabnet.platform.events.intake.SiteSettings;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import org.rehabnet.test.infra.EventProbe;
import org.rehabnet.test.infra.SharedInfrastructure;
import org.rehabnet.test.tokens.TestIdentityProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ward as the service tests meet it: sites announced by real SiteConfigured events (north, an OTP
 * in New York; south, not an OTP, in Chicago, as intake seeds them), patients admitted by real
 * AdmissionRecorded events, and the charting and dosing a nurse does over HTTP.
 */
final class Ward {

  final ApiClient api;
  final JsonMapper json;
  final Clock clock;
  final TestIdentityProvider idp = TestIdentityProvider.get();
  final String nurseNorth = idp.staff("nurse-north", List.of("nurse"), List.of("north"));
  final String physicianNorth = idp.staff("dr-north", List.of("physician"), List.of("north"));
  final String nurseSouth = idp.staff("nurse-south", List.of("nurse"), List.of("south"));
  final String physicianSouth = idp.staff("dr-south", List.of("physician"), List.of("south"));

  Ward(int port, JsonMapper json, Clock clock) {
    this.api = new ApiClient("http://localhost:" + port);
    this.json = json;
    this.clock = clock;
  }

  record Episode(UUID id, UUID admissionId, UUID patientId, String site) {}

  /** North and south as intake announces them at its first start (version 1, the defaults). */
  void announceSeedSites() {
    announce("north", "America/New_York", true, SiteSettings.defaults(), 1);
    announce("south", "America/Chicago", false, SiteSettings.defaults(), 1);
  }

  /** Publishes the site's SiteConfigured and waits until monitoring keeps that version (or a newer one). */
  void announce(String site, String zone, boolean otp, SiteSettings settings, long version) {
    publish(site, zone, otp, settings, version);
    await("site " + site + " at version " + version).atMost(Duration.ofSeconds(20))
        .until(() -> storedVersion(site) >= version);
  }

  SiteConfigured publish(String site, String zone, boolean otp, SiteSettings settings, long version) {
    Instant now = clock.instant();
    SiteConfigured event = new SiteConfigured(EventMetadata.next(now, version), site, "Site " + site, zone, otp,
        settings, "admin-" + site, now);
    EventProbe.publish(Topics.INTAKE_SITES, event.key(), CloudEventHeaders.of(event, "/rehabnet/intake-service"),
        json.writeValueAsBytes(event));
    return event;
  }

  static boolean processed(UUID eventId) throws SQLException {
    try (var connection = SharedInfrastructure.get().postgres().superUserConnection("monitoring");
        var statement = connection.prepareStatement("SELECT count(*) FROM processed_event WHERE event_id = ?")) {
      statement.setObject(1, eventId);
      try (var rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1) > 0;
      }
    }
  }

  static long storedVersion(String site) throws SQLException {
    try (var connection = SharedInfrastructure.get().postgres().superUserConnection("monitoring");
        var statement = connection.prepareStatement("SELECT sequence FROM site_settings WHERE site = ?")) {
      statement.setString(1, site);
      try (var rs = statement.executeQuery()) {
        return rs.next() ? rs.getLong(1) : -1;
      }
    }
  }

  Episode admit(String site) {
    return admit(site, Set.of(), Set.of());
  }

  /** A patient admitted an hour ago, last heroin 13 h ago. */
  Episode admit(String site, Set<RiskFlag> mentalHealthFlags, Set<UdsFlag> udsFlags) {
    Instant now = clock.instant();
    AdmissionRecorded admission = new AdmissionRecorded(EventMetadata.next(now, 1), UUID.randomUUID(),
        UUID.randomUUID(), site, "B-" + (int) (Math.random() * 100), now.minus(Duration.ofHours(1)), 7,
        DependenceSeverity.SEVERE, List.of(new AdmissionRecorded.SubstanceUse(Substance.HEROIN, RouteOfUse.INJECTED,
            now.minus(Duration.ofHours(13)))), udsFlags, mentalHealthFlags, null);
    EventProbe.publish(Topics.INTAKE_ADMISSIONS, admission.key(),
        CloudEventHeaders.of(admission, "/rehabnet/intake-service"), json.writeValueAsBytes(admission));
    String token = idp.staff("nurse-" + site, List.of("nurse"), List.of(site));
    JsonNode episode = await().atMost(Duration.ofSeconds(20))
        .until(() -> api.get("/v1/admissions/" + admission.admissionId() + "/episode", token),
            response -> response.status() == 200)
        .json();
    return new Episode(UUID.fromString(episode.get("episodeId").asString()), admission.admissionId(),
        admission.patientId(), site);
  }

  String nurse(Episode episode) {
    return idp.staff("nurse-" + episode.site(), List.of("nurse"), List.of(episode.site()));
  }

  String physician(Episode episode) {
    return idp.staff("dr-" + episode.site(), List.of("physician"), List.of(episode.site()));
  }

  /** A calm patient in withdrawal charted now: vital signs, POSS 1 and COWS 10. */
  void chartCalmInWithdrawal(Episode episode) {
    vitals(episode, vitalSigns(16, 97, 120, 72, "ALERT"));
    observe(episode, "1", false);
    cows(episode, cowsOf(10));
  }

  ApiResponse vitals(Episode episode, Map<String, Object> body) {
    ApiResponse response = api.post("/v1/episodes/" + episode.id() + "/vital-signs", nurse(episode), body);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response;
  }

  ApiResponse observe(Episode episode, @Nullable String poss, boolean vomiting) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("poss", poss);
    body.put("vomiting", vomiting);
    body.put("insomnia", false);
    body.put("anxiety", false);
    body.put("breathingDifficulty", false);
    ApiResponse response = api.post("/v1/episodes/" + episode.id() + "/observations", nurse(episode), body);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response;
  }

  ApiResponse cows(Episode episode, Map<String, Object> items) {
    ApiResponse response = api.post("/v1/episodes/" + episode.id() + "/cows-assessments", nurse(episode), items);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response;
  }

  /** A fixed-dose order. */
  UUID order(Episode episode, String drug, String mg, String route) {
    return order(episode, Map.of("drug", drug, "doseMg", new BigDecimal(mg), "route", route));
  }

  /** A PRN order for doses from min to max mg. */
  UUID prn(Episode episode, String drug, String minMg, String maxMg, String route) {
    return order(episode, Map.of("drug", drug, "doseMinMg", new BigDecimal(minMg), "doseMaxMg",
        new BigDecimal(maxMg), "route", route));
  }

  UUID order(Episode episode, Map<String, Object> body) {
    ApiResponse response = api.post("/v1/episodes/" + episode.id() + "/medication-orders", physician(episode), body);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return UUID.fromString(response.json().get("orderId").asString());
  }

  ApiResponse give(Episode episode, UUID order, String drug, String mg, String route, String token,
      @Nullable String overrideReason) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("orderId", order);
    body.put("drug", drug);
    body.put("doseMg", new BigDecimal(mg));
    body.put("route", route);
    if (overrideReason != null) {
      body.put("overrideReason", overrideReason);
    }
    return api.post("/v1/episodes/" + episode.id() + "/administrations", token, body);
  }

  List<JsonNode> alerts(Episode episode) {
    List<JsonNode> alerts = new ArrayList<>();
    api.get("/v1/episodes/" + episode.id() + "/alerts", nurse(episode)).json().forEach(alerts::add);
    return alerts;
  }

  List<String> alertKinds(Episode episode) {
    return alerts(episode).stream().map(alert -> alert.get("kind").asString()).toList();
  }

  /** Ten items at 1 and gooseflesh at 0 make 10; zero makes 0. */
  static Map<String, Object> cowsOf(int total) {
    int item = total == 0 ? 0 : 1;
    Map<String, Object> body = new LinkedHashMap<>();
    for (String name : List.of("restingPulse", "sweating", "restlessness", "pupilSize", "boneJointAches", "runnyNose",
        "giUpset", "tremor", "yawning", "anxiety")) {
      body.put(name, item);
    }
    body.put("gooseflesh", 0);
    return body;
  }

  static Map<String, Object> vitalSigns(int respirationRate, int spo2, int systolic, int pulse, String consciousness) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("respirationRate", respirationRate);
    body.put("spo2", spo2);
    body.put("onOxygen", false);
    body.put("systolic", systolic);
    body.put("diastolic", Math.min(80, systolic - 20));
    body.put("pulse", pulse);
    body.put("consciousness", consciousness);
    body.put("temperature", 37.0);
    return body;
  }

  static void assertUnsafe(ApiResponse response, String rule) {
    assertThat(response.status()).as(response.body()).isEqualTo(422);
    assertThat(response.isProblem()).isTrue();
    assertThat(response.json().get("type").asString()).isEqualTo("https://rehabnet.example/problems/unsafe-dose");
    assertThat(response.json().get("rule").asString()).isEqualTo(rule);
  }

  static void assertValidation(ApiResponse response, String... fields) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.isProblem()).isTrue();
    assertThat(response.json().get("type").asString()).isEqualTo("https://rehabnet.example/problems/validation");
    List<String> named = new ArrayList<>();
    response.json().get("errors").forEach(error -> named.add(error.get("field").asString()));
    assertThat(named).containsExactlyInAnyOrder(fields);
  }

  static long count(String table, UUID episodeId) throws SQLException {
    try (var connection = SharedInfrastructure.get().postgres().superUserConnection("monitoring");
        var rs = connection.createStatement()
            .executeQuery("SELECT count(*) FROM " + table + " WHERE episode_id = '" + episodeId + "'")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
