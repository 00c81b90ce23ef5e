package org.rehabnet.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import org.rehabnet.test.infra.RehabnetIntegrationTest;
import org.rehabnet.test.infra.SharedInfrastructure;
import org.rehabnet.test.time.MutableClock;
import org.rehabnet.test.time.MutableClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chart's lists read a window and a page at a time against the real database: the default window,
 * every row of it exactly once when a client follows Link rel=next to the end, the window's total, and
 * the 400s a bad window, limit or cursor gets (never a 500); another site's chart stays a 404.
 */
@RehabnetIntegrationTest(database = "monitoring")
@Import(MutableClockConfiguration.class)
class BoundedReadsIntegrationTest {

  private static final Pattern NEXT = Pattern.compile("<([^>]*)>;\\s*rel=\"next\"");

  @LocalServerPort
  int port;

  @Autowired
  JsonMapper json;

  @Autowired
  MutableClock clock;

  Ward ward;
  Instant now;

  @BeforeEach
  void ward() {
    // A still clock: the default window ends at "now", and the test counts what falls inside it.
    now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    clock.set(now);
    ward = new Ward(port, json, clock);
    ward.announceSeedSites();
  }

  @AfterEach
  void backToRealTime() {
    clock.reset();
  }

  @Test
  void aChartReadsTheLast72HoursAndPagingToTheEndGivesEveryRowOnceInOrder() throws SQLException {
    Ward.Episode episode = ward.admit("north");
    // 500 instants half an hour apart back from a minute ago, two sets at each (the id breaks the tie):
    // 144 instants, 288 sets, fall in the last 72 hours.
    seedVitals(episode.id(), 500, Duration.ofMinutes(30), 2);

    ApiResponse first = get(episode, "/vital-signs", "");
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.header("X-Total-Count")).isEqualTo("288");
    assertThat(first.json().size()).isEqualTo(100);
    assertThat(Instant.parse(first.json().get(0).get("takenAt").asString()))
        .isAfterOrEqualTo(now.minus(Duration.ofHours(72)));
    assertThat(first.json().get(0).get("observations").size()).as("the coded observations come with each set")
        .isEqualTo(6);
    assertThat(next(first)).startsWith("?from=").doesNotContain("http", "/v1/");

    List<JsonNode> walked = walk(episode, "/vital-signs", "");
    List<UUID> ids = walked.stream().map(set -> UUID.fromString(set.get("vitalSignsId").asString())).toList();
    assertThat(ids).hasSize(288).doesNotHaveDuplicates();
    assertThat(Set.copyOf(ids)).isEqualTo(Set.copyOf(idsInWindow(episode.id(), now.minus(Duration.ofHours(72)), now)));
    assertThat(walked).extracting(set -> Instant.parse(set.get("takenAt").asString())).isSorted();
  }

  @Test
  void aWiderWindowPagesAtUpTo500AndTheTotalCountsTheWholeWindow() throws SQLException {
    Ward.Episode episode = ward.admit("north");
    seedVitals(episode.id(), 500, Duration.ofMinutes(30), 2);
    String everything = "from=" + encode(now.minus(Duration.ofDays(11))) + "&limit=500";

    ApiResponse first = get(episode, "/vital-signs", "?" + everything);
    assertThat(first.header("X-Total-Count")).isEqualTo("1000");
    assertThat(first.json().size()).isEqualTo(500);
    List<JsonNode> walked = walk(episode, "/vital-signs", "?" + everything);
    assertThat(walked).extracting(set -> set.get("vitalSignsId").asString()).hasSize(1000).doesNotHaveDuplicates();
  }

  @Test
  void sixtyMinutesOfAlertsPageNewestFirstAndCowsOldestFirst() throws SQLException {
    Ward.Episode episode = ward.admit("north");
    seedAlertsAndCows(episode, 60);

    List<JsonNode> alerts = walk(episode, "/alerts", "?limit=7");
    assertThat(alerts).extracting(alert -> alert.get("alertId").asString()).hasSize(60).doesNotHaveDuplicates();
    assertThat(alerts).extracting(alert -> Instant.parse(alert.get("raisedAt").asString()))
        .isSortedAccordingTo(java.util.Comparator.reverseOrder());

    ApiResponse cows = get(episode, "/cows-assessments", "?limit=50");
    assertThat(cows.header("X-Total-Count")).isEqualTo("60");
    List<JsonNode> walkedCows = walk(episode, "/cows-assessments", "?limit=50");
    assertThat(walkedCows).extracting(a -> a.get("assessmentId").asString()).hasSize(60).doesNotHaveDuplicates();
    assertThat(walkedCows).extracting(a -> Instant.parse(a.get("assessedAt").asString())).isSorted();

    JsonNode trend = get(episode, "/withdrawal-trend", "?from=" + encode(now.minus(Duration.ofMinutes(30)))).json();
    assertThat(trend.get("cows").size()).as("the trend holds its window only").isEqualTo(30);
  }

  @Test
  void aLongTrendComesInClockHoursFromTheDatabaseWithCountLowestHighestAndMean() throws SQLException {
    Ward.Episode episode = ward.admit("north");
    // Every 15 minutes for the ten days before this clock hour, totals 0..7 in turn: 960 assessments,
    // four in each of 240 hours.
    try (var connection = SharedInfrastructure.get().postgres().superUserConnection("monitoring");
        var cows = connection.prepareStatement("""
            INSERT INTO cows_assessment (id, episode_id, assessed_at, assessed_by, resting_pulse, sweating,
                                         restlessness, pupil_size, bone_joint_aches, runny_nose, gi_upset, tremor,
                                         yawning, anxiety, gooseflesh, total, band, version)
            SELECT gen_random_uuid(), ?, date_trunc('hour', ?::timestamptz) - ((i + 1) * interval '15 minutes'),
                   'nurse-north', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, i % 8, 'NONE', 0
            FROM generate_series(0, 959) AS i""")) {
      cows.setObject(1, episode.id());
      cows.setObject(2, java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC));
      cows.executeUpdate();
    }

    ApiResponse week = get(episode, "/withdrawal-trend/hourly", "");
    assertThat(week.status()).as(week.body()).isEqualTo(200);
    JsonNode hours = week.json().get("cows");
    assertThat(hours.size()).as("7 days of hours, not every assessment").isBetween(167, 168);
    long counted = 0;
    for (JsonNode hour : hours) {
      counted += hour.get("assessments").asInt();
      assertThat(Instant.parse(hour.get("hour").asString()).getEpochSecond() % 3600).isZero();
      double mean = hour.get("mean").asDouble();
      assertThat(mean).isBetween(hour.get("lowest").asDouble(), hour.get("highest").asDouble());
    }
    assertThat(counted).isEqualTo(countCows(episode.id(), now.minus(Duration.ofDays(7)), now));
    JsonNode latest = hours.get(hours.size() - 1);
    assertThat(latest.get("assessments").asInt()).isEqualTo(4);
    assertThat(latest.get("highest").asInt() - latest.get("lowest").asInt()).isEqualTo(3);
    assertThat(latest.get("mean").asDouble()).isIn(1.5, 5.5);

    ApiResponse longer = get(episode, "/withdrawal-trend/hourly", "?from=" + encode(now.minus(Duration.ofDays(30))));
    assertThat(longer.status()).as(longer.body()).isEqualTo(200);
    JsonNode month = longer.json().get("cows");
    assertThat(month.size()).isEqualTo(240);
    Ward.assertValidation(get(episode, "/withdrawal-trend/hourly", "?from=" + encode(now.minus(Duration.ofDays(32)))),
        "from");
    ApiResponse foreign = ward.api.get("/v1/episodes/" + episode.id() + "/withdrawal-trend/hourly", ward.nurseSouth);
    assertThat(foreign.status()).isEqualTo(404);
  }

  @Test
  void theMarAndObservationsAnswerTheirWindowWithATotal() {
    Ward.Episode episode = ward.admit("north");
    ward.chartCalmInWithdrawal(episode);

    ApiResponse mar = get(episode, "/administrations", "");
    assertThat(mar.status()).isEqualTo(200);
    assertThat(mar.header("X-Total-Count")).isEqualTo("0");
    ApiResponse observations = get(episode, "/observations", "");
    assertThat(observations.header("X-Total-Count")).isEqualTo("1");
    assertThat(observations.json().get(0).get("poss").asString()).isEqualTo("1");
  }

  @Test
  void aBadWindowLimitOrCursorIsA400NamingTheParameter() {
    Ward.Episode episode = ward.admit("north");
    ward.chartCalmInWithdrawal(episode);
    clock.advance(Duration.ofSeconds(1));
    ward.chartCalmInWithdrawal(episode);
    String cursor = cursorOf(get(episode, "/vital-signs", "?limit=1"));

    for (String list : List.of("/vital-signs", "/alerts", "/administrations", "/cows-assessments", "/observations")) {
      Ward.assertValidation(get(episode, list, "?limit=0"), "limit");
      Ward.assertValidation(get(episode, list, "?limit=501"), "limit");
      Ward.assertValidation(get(episode, list, "?limit=ten"), "limit");
      Ward.assertValidation(get(episode, list, "?from=" + encode(now.plusSeconds(1)) + "&to=" + encode(now)),
          "from");
      Ward.assertValidation(get(episode, list, "?from=" + encode(now.minus(Duration.ofDays(32)))), "from");
      Ward.assertValidation(get(episode, list, "?to=yesterday"), "to");
      Ward.assertValidation(get(episode, list, "?cursor=not-a-cursor"), "cursor");
      Ward.assertValidation(get(episode, list, "?cursor=" + tamper(cursor)), "cursor");
      assertThat(get(episode, list, "?limit=1").status()).isEqualTo(200);
      assertThat(get(episode, list, "?limit=500").status()).isEqualTo(200);
    }
    Ward.assertValidation(get(episode, "/withdrawal-trend", "?from=" + encode(now.minus(Duration.ofDays(40)))),
        "from");
  }

  @Test
  void anotherSitesChartIsNotFoundWithOrWithoutAWindowAndEveryPageReadIsAudited() throws SQLException {
    Ward.Episode episode = ward.admit("north");
    seedVitals(episode.id(), 150, Duration.ofMinutes(10), 1);
    String south = ward.nurseSouth;
    for (String query : List.of("", "?limit=5", "?from=" + encode(now.minus(Duration.ofDays(2))))) {
      ApiResponse foreign = ward.api.get("/v1/episodes/" + episode.id() + "/vital-signs" + query, south);
      ApiResponse unknown = ward.api.get("/v1/episodes/" + UUID.randomUUID() + "/vital-signs" + query, south);
      assertThat(foreign.status()).isEqualTo(404);
      assertThat(foreign.json().get("type")).isEqualTo(unknown.json().get("type"));
      assertThat(foreign.json().get("detail").asString()).isEqualTo(
          unknown.json().get("detail").asString().replace(unknownId(unknown), episode.id().toString()));
    }

    long before = audited(episode.id());
    int pages = 0;
    String query = "?limit=40";
    while (query != null) {
      ApiResponse page = get(episode, "/vital-signs", query);
      pages++;
      query = next(page);
    }
    assertThat(pages).isEqualTo(4);
    assertThat(audited(episode.id()) - before).as("one audit row per page read").isEqualTo(pages);
  }

  private ApiResponse get(Ward.Episode episode, String list, String query) {
    return ward.api.get("/v1/episodes/" + episode.id() + list + query, ward.nurse(episode));
  }

  private List<JsonNode> walk(Ward.Episode episode, String list, String query) {
    List<JsonNode> rows = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    String next = query;
    while (next != null) {
      assertThat(seen.add(next)).as("a next link never repeats").isTrue();
      ApiResponse page = get(episode, list, next);
      assertThat(page.status()).as(page.body()).isEqualTo(200);
      page.json().forEach(rows::add);
      next = next(page);
    }
    return rows;
  }

  private static @Nullable String next(ApiResponse page) {
    String link = page.header("Link");
    if (link == null) {
      return null;
    }
    Matcher matcher = NEXT.matcher(link);
    assertThat(matcher.find()).as(link).isTrue();
    return matcher.group(1);
  }

  private static String cursorOf(ApiResponse page) {
    String next = next(page);
    assertThat(next).isNotNull();
    return next.substring(next.indexOf("cursor=") + "cursor=".length());
  }

  private static String tamper(String cursor) {
    byte[] raw = Base64.getUrlDecoder().decode(cursor);
    raw[3] ^= 0x10;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  private static String unknownId(ApiResponse unknown) {
    Matcher id = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
        .matcher(unknown.json().get("detail").asString());
    return id.find() ? id.group() : "";
  }

  private static String encode(Instant at) {
    return URLEncoder.encode(at.toString(), StandardCharsets.UTF_8);
  }

  private void seedVitals(UUID episodeId, int instants, Duration apart, int perInstant) throws SQLException {
    try (var connection = SharedInfrastructure.get().postgres().superUserConnection("monitoring");
        var insert = connection.prepareStatement("""
            WITH sets AS (
              INSERT INTO vital_signs (id, episode_id, taken_at, recorded_by, respiration_rate, spo2, on_oxygen,
                                       systolic, diastolic, pulse, consciousness, temperature, news2_total,
                                       news2_single_three, news2_response, spo2_scale)
              SELECT gen_random_uuid(), ?, ? - (i * ?::interval), 'nurse-north', 16, 97, false, 120, 80, 72,
                     'ALERT', 37.0, 0, false, 'ROUTINE', 'SCALE_1'
              FROM generate_series(0, ? - 1) AS i, generate_series(1, ?) AS copy
              RETURNING id)
            INSERT INTO vital_observation (vital_signs_id, loinc, value, unit)
            SELECT id, code.loinc, code.value, code.unit FROM sets,
              (VALUES ('9279-1', 16, '/min'), ('59408-5', 97, '%'), ('8480-6', 120, 'mm[Hg]'),
                      ('8462-4', 80, 'mm[Hg]'), ('8867-4', 72, '/min'), ('8310-5', 37.0, 'Cel'))
                AS code (loinc, value, unit)
            """)) {
      insert.setObject(1, episodeId);
      insert.setObject(2, java.time.OffsetDateTime.ofInstant(now.minusSeconds(60), java.time.ZoneOffset.UTC));
      insert.setString(3, apart.toSeconds() + " seconds");
      insert.setInt(4, instants);
      insert.setInt(5, perInstant);
      insert.executeUpdate();
    }
  }

  private void seedAlertsAndCows(Ward.Episode episode, int minutes) throws SQLException {
    try (var connection = SharedInfrastructure.get().postgres().superUserConnection("monitoring");
        var alerts = connection.prepareStatement("""
            INSERT INTO clinical_alert (id, episode_id, patient_id, site, kind, severity, reason, raised_at, version)
            SELECT gen_random_uuid(), ?, ?, 'north', 'OVERDUE_ASSESSMENT', 'LOW', 'COWS overdue',
                   ? - (i * interval '1 minute'), 0
            FROM generate_series(0, ? - 1) AS i""");
        var cows = connection.prepareStatement("""
            INSERT INTO cows_assessment (id, episode_id, assessed_at, assessed_by, resting_pulse, sweating,
                                         restlessness, pupil_size, bone_joint_aches, runny_nose, gi_upset, tremor,
                                         yawning, anxiety, gooseflesh, total, band, version)
            SELECT gen_random_uuid(), ?, ? - (i * interval '1 minute') + interval '30 seconds', 'nurse-north',
                   0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 'NONE', 0
            FROM generate_series(0, ? - 1) AS i""")) {
      var at = java.time.OffsetDateTime.ofInstant(now.minusSeconds(60), java.time.ZoneOffset.UTC);
      alerts.setObject(1, episode.id());
      alerts.setObject(2, episode.patientId());
      alerts.setObject(3, at);
      alerts.setInt(4, minutes);
      alerts.executeUpdate();
      cows.setObject(1, episode.id());
      cows.setObject(2, at);
      cows.setInt(3, minutes);
      cows.executeUpdate();
    }
  }

  private static List<UUID> idsInWindow(UUID episodeId, Instant from, Instant to) throws SQLException {
    try (var connection = SharedInfrastructure.get().postgres().superUserConnection("monitoring");
        var query = connection.prepareStatement(
            "SELECT id FROM vital_signs WHERE episode_id = ? AND taken_at BETWEEN ? AND ?")) {
      query.setObject(1, episodeId);
      query.setObject(2, java.time.OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC));
      query.setObject(3, java.time.OffsetDateTime.ofInstant(to, java.time.ZoneOffset.UTC));
      List<UUID> ids = new ArrayList<>();
      try (var rs = query.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getObject(1, UUID.class));
        }
      }
      return ids;
    }
  }

  private static long countCows(UUID episodeId, Instant from, Instant to) throws SQLException {
    try (var connection = SharedInfrastructure.get().postgres().superUserConnection("monitoring");
        var query = connection.prepareStatement(
            "SELECT count(*) FROM cows_assessment WHERE episode_id = ? AND assessed_at BETWEEN ? AND ?")) {
      query.setObject(1, episodeId);
      query.setObject(2, java.time.OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC));
      query.setObject(3, java.time.OffsetDateTime.ofInstant(to, java.time.ZoneOffset.UTC));
      try (var rs = query.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static long audited(UUID episodeId) throws SQLException {
    try (var connection = SharedInfrastructure.get().postgres().superUserConnection("monitoring");
        var query = connection.prepareStatement(
            "SELECT count(*) FROM audit_event WHERE resource_type = 'VitalSigns' AND resource_id = ?")) {
      query.setString(1, episodeId.toString());
      try (var rs = query.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
