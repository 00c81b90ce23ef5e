package org.rehabnet.intake.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rehabnet.intake.IntakeFixtures.count;
import static org.rehabnet.intake.IntakeFixtures.strings;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
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
import tools.jackson.databind.node.ObjectNode;

/** A site admin changes the site's clinical policy: history, audit and SiteConfigured, or nothing at all. */
@RehabnetIntegrationTest(database = "intake")
class SiteSettingsIntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort
  int port;

  IntakeFixtures intake;
  final TestIdentityProvider idp = TestIdentityProvider.get();
  String site;
  String admin;

  @BeforeEach
  void site() {
    intake = new IntakeFixtures(port);
    site = IntakeFixtures.newSite(1);
    admin = intake.staff("site-admin", site);
  }

  @Test
  void aChangeIsKeptWithOldAndNewValuesAuditedAndAnnouncedWithTheVersionAsSequence() {
    ApiResponse read = intake.api.get(path(), admin);
    assertThat(read.status()).as(read.body()).isEqualTo(200);
    assertThat(read.header("etag")).isEqualTo("\"1\"");
    assertThat(read.json().get("version").asLong()).isEqualTo(1);
    assertThat(read.json().get("timeZone").asString()).isEqualTo("UTC");
    ObjectNode settings = (ObjectNode) read.json().get("settings");
    ((ObjectNode) settings.get("holds")).put("spo2Below", 92);
    ((ObjectNode) settings.get("detoxLength")).put("extendedDays", 12);

    ApiResponse changed = intake.put(path(), admin, Map.of("timeZone", "America/Chicago", "settings", settings),
        "\"1\"");

    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.header("etag")).isEqualTo("\"2\"");
    assertThat(changed.json().get("version").asLong()).isEqualTo(2);
    assertThat(changed.json().get("changedBy").asString()).isEqualTo("site-admin-" + site);
    assertThat(changed.json().get("settings").get("holds").get("spo2Below").asInt()).isEqualTo(92);

    JsonNode history = intake.api.get(path() + "/history", intake.staff("nurse", site)).json();
    JsonNode latest = history.get(0);
    assertThat(latest.get("version").asLong()).isEqualTo(2);
    assertThat(latest.get("kind").asString()).isEqualTo("CHANGE");
    assertThat(latest.get("changedBy").asString()).isEqualTo("site-admin-" + site);
    assertThat(latest.get("changedAt").asString()).isNotBlank();
    assertThat(latest.get("changes").valueStream().map(c -> c.get("path").asString() + ":"
        + c.get("oldValue").asString() + ">" + c.get("newValue").asString()).toList())
        .containsExactly("timeZone:UTC>America/Chicago", "settings.detoxLength.extendedDays:10>12",
            "settings.holds.spo2Below:90>92");
    assertThat(history.get(1).get("kind").asString()).isEqualTo("INITIAL");
    assertThat(history.get(1).get("version").asLong()).isEqualTo(1);
    assertThat(history.get(1).get("changedBy").asString()).isEqualTo("system");
    assertThat(strings("SELECT reason FROM audit_event WHERE resource_type = 'SiteSettings' AND action = 'UPDATE'"
        + " AND site = '" + site + "'")).containsExactly(
            "version 2: timeZone,settings.detoxLength.extendedDays,settings.holds.spo2Below");

    ConsumerRecord<String, byte[]> record = awaitAnnouncement(2);
    assertThat(EventProbe.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/rehabnet/intake-service");
    assertThat(EventProbe.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
    assertThat(EventProbe.header(record, CloudEventHeaders.ID)).isNotBlank();
    JsonNode event = JSON.readTree(record.value());
    assertThat(event.get("timeZone").asString()).isEqualTo("America/Chicago");
    assertThat(event.get("settings").get("holds").get("spo2Below").asInt()).isEqualTo(92);
    assertThat(event.get("changedBy").asString()).isEqualTo("site-admin-" + site);
  }

  @Test
  void theAdmittingSitesLengthsDecideTheExpectedDetoxLength() {
    ObjectNode settings = (ObjectNode) intake.api.get(path(), admin).json().get("settings");
    ((ObjectNode) settings.get("detoxLength")).put("extendedDays", 14);
    assertThat(intake.put(path(), admin, Map.of("timeZone", "UTC", "settings", settings), "\"1\"").status())
        .isEqualTo(200);

    String referralId = intake.openReferral(intake.registerPatient(site), site, "URGENT");
    intake.assess(referralId, site);

    JsonNode assessment = intake.api.get("/v1/referrals/" + referralId + "/assessment", intake.staff("nurse", site))
        .json();
    assertThat(assessment.get("expectedLength").get("computedDays").asInt())
        .as("severe, fentanyl-positive: the site's extended length").isEqualTo(14);
  }

  @Test
  void aStaleVersionIsRefusedWith412AndChangesNothing() {
    ObjectNode settings = (ObjectNode) intake.api.get(path(), admin).json().get("settings");
    ((ObjectNode) settings.get("holds")).put("spo2Below", 91);
    assertThat(intake.put(path(), admin, Map.of("timeZone", "UTC", "settings", settings), "\"1\"").status())
        .isEqualTo(200);
    long before = changes();

    ((ObjectNode) settings.get("holds")).put("spo2Below", 93);
    ApiResponse stale = intake.put(path(), admin, Map.of("timeZone", "UTC", "settings", settings), "\"1\"");
    ApiResponse staleInBody = intake.put(path(), admin,
        Map.of("timeZone", "UTC", "settings", settings, "expectedVersion", 1));

    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.json().get("type").asString()).isEqualTo("https://rehabnet.example/problems/stale-version");
    assertThat(stale.json().get("currentVersion").asLong()).isEqualTo(2);
    assertThat(staleInBody.status()).isEqualTo(412);
    assertThat(changes()).isEqualTo(before);
    assertThat(intake.api.get(path(), admin).json().get("settings").get("holds").get("spo2Below").asInt())
        .isEqualTo(91);
  }

  @Test
  void outOfBoundsMissingOrUnknownSettingsAndBadZonesAreRefusedNamingTheFieldAndChangeNothing() {
    JsonNode read = intake.api.get(path(), admin).json();
    long before = changes();

    assertFields(put(read, "holds", "spo2Below", 80, "UTC"), "settings.holds.spo2Below");
    assertFields(put(read, "buprenorphine", "dailyMaxMg", 32, "UTC"), "settings.buprenorphine.dailyMaxMg");
    assertFields(put(read, "methadone", "dayOneMaxMg", 60, "UTC"), "settings.methadone.dayOneMaxMg");
    assertFields(put(read, "holds", "possAtLeast", 2.5, "UTC"), "settings.holds.possAtLeast");
    assertFields(put(read, "holds", "observationsValidFor", "PT8H", "UTC"), "settings.holds.observationsValidFor");
    assertFields(put(read, "holds", "spo2Below", 92, "Mars/Olympus"), "timeZone");
    assertFields(put(read, "holds", "spo2Below", 92, "+02:00"), "timeZone");
    assertFields(put(read, "holds", "spo2Beloww", 92, "UTC"), "settings.holds.spo2Beloww");
    ObjectNode missing = (ObjectNode) read.get("settings").deepCopy();
    ((ObjectNode) missing.get("detoxLength")).remove("mildDays");
    assertFields(intake.put(path(), admin, Map.of("timeZone", "UTC", "settings", missing), "\"1\""),
        "settings.detoxLength.mildDays");
    assertFields(intake.put(path(), admin, Map.of("timeZone", "UTC"), "\"1\""), "settings");
    assertFields(intake.put(path(), admin, Map.of("timeZone", "UTC", "settings", read.get("settings"))),
        "expectedVersion");

    assertThat(changes()).isEqualTo(before);
    assertThat(intake.api.get(path(), admin).json().get("version").asLong()).isEqualTo(1);
  }

  @Test
  void siteAdminsChangeOnlyTheirOwnSiteTheLeadAnySiteAndOtherRolesNone() {
    JsonNode settings = intake.api.get(path(), admin).json().get("settings");
    Map<String, Object> body = Map.of("timeZone", "UTC", "settings", settings);

    ApiResponse nurse = intake.put(path(), intake.staff("nurse", site), body, "\"1\"");
    ApiResponse physician = intake.put(path(), intake.staff("physician", site), body, "\"1\"");
    ApiResponse otherAdmin = intake.put(path(), intake.staff("site-admin", "south"), body, "\"1\"");
    ApiResponse otherRead = intake.api.get(path(), intake.staff("nurse", "south"));
    ApiResponse otherHistory = intake.api.get(path() + "/history", intake.staff("site-admin", "south"));
    ApiResponse unknown = intake.api.get("/v1/sites/nowhere/settings", idp.staff("lead", List.of("clinical-lead"),
        List.of()));

    assertThat(nurse.status()).isEqualTo(403);
    assertThat(physician.status()).isEqualTo(403);
    assertThat(otherAdmin.status()).isEqualTo(404);
    assertThat(otherRead.status()).isEqualTo(404);
    assertThat(otherHistory.status()).isEqualTo(404);
    assertThat(unknown.status()).isEqualTo(404);

    ObjectNode changed = (ObjectNode) settings.deepCopy();
    ((ObjectNode) changed.get("alerts")).put("repeatSuppressionWindow", "PT30M");
    ApiResponse lead = intake.put(path(), idp.staff("lead", List.of("clinical-lead"), List.of()),
        Map.of("timeZone", "UTC", "settings", changed), "\"1\"");
    assertThat(lead.status()).as(lead.body()).isEqualTo(200);
    assertThat(lead.json().get("changedBy").asString()).isEqualTo("lead");
  }

  @Test
  void theSameSettingsAgainMakeNoNewVersion() {
    JsonNode settings = intake.api.get(path(), admin).json().get("settings");
    long before = changes();

    ApiResponse same = intake.put(path(), admin, Map.of("timeZone", "UTC", "settings", settings), "\"1\"");

    assertThat(same.status()).isEqualTo(200);
    assertThat(same.header("etag")).isEqualTo("\"1\"");
    assertThat(changes()).isEqualTo(before);
  }

  private ApiResponse put(JsonNode read, String section, String field, Object value, String zone) {
    ObjectNode settings = (ObjectNode) read.get("settings").deepCopy();
    ObjectNode part = (ObjectNode) settings.get(section);
    switch (value) {
      case Integer i -> part.put(field, i);
      case Double d -> part.put(field, d);
      default -> part.put(field, value.toString());
    }
    return intake.put(path(), admin, Map.of("timeZone", zone, "settings", settings), "\"1\"");
  }

  private ConsumerRecord<String, byte[]> awaitAnnouncement(long sequence) {
    return Awaitility.await("SiteConfigured " + sequence + " of " + site).atMost(Duration.ofSeconds(20))
        .until(() -> EventProbe.read(Topics.INTAKE_SITES, r -> site.equals(r.key())
                && "rehab.intake.SiteConfigured.v1".equals(EventProbe.header(r, CloudEventHeaders.TYPE))
                && JSON.readTree(r.value()).get("metadata").get("sequence").asLong() == sequence),
            list -> !list.isEmpty())
        .getFirst();
  }

  private long changes() {
    return count("SELECT (SELECT count(*) FROM site_settings_change WHERE site = '" + site + "')"
        + " + (SELECT count(*) FROM site_settings_change_field WHERE site = '" + site + "')"
        + " + (SELECT count(*) FROM event_publication WHERE event_type LIKE '%SiteConfigured'"
        + " AND serialized_event LIKE '%\"" + site + "\"%')");
  }

  private String path() {
    return "/v1/sites/" + site + "/settings";
  }

  private static void assertFields(ApiResponse response, String field) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().get("type").asString()).isEqualTo("https://rehabnet.example/problems/validation");
    assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
        .as(response.body()).contains(field);
  }
}
