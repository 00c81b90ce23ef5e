package org.rehabnet.aftercare;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import org.rehabnet.test.infra.SharedInfrastructure;
import org.rehabnet.test.tokens.TestIdentityProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plan's histories read a window and a page at a time against the real database, as monitoring's
 * chart lists do: the default window, every row of it exactly once when a client follows Link
 * rel=next to the end, the window's total, a 400 for a bad cursor or window, and another site's plan
 * still a 404.
 */
@AftercareIntegrationTest
class BoundedReadsIntegrationTest {

  private static final Pattern NEXT = Pattern.compile("<([^>]*)>;\\s*rel=\"next\"");

  @LocalServerPort
  int port;

  @Autowired
  TestClock clock;

  ApiClient api;
  Instant now;
  final TestIdentityProvider idp = TestIdentityProvider.get();
  final String counsellor = idp.staff("counsellor-north", List.of("counsellor"), List.of("north"));
  final String counsellorSouth = idp.staff("counsellor-south", List.of("counsellor"), List.of("south"));

  @BeforeEach
  void client() {
    // A still clock: the default window ends at "now", and the test counts what falls inside it.
    now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    clock.set(now);
    api = new ApiClient("http://localhost:" + port);
  }

  @AfterEach
  void realTime() {
    clock.reset();
  }

  @Test
  void checkInsReadTheLastYearAndPagingToTheEndGivesEveryOneOnceInOrder() throws SQLException {
    UUID planId = Fixtures.planFromDischarge(UUID.randomUUID(), "north", now.minus(Duration.ofDays(500)));
    // 300 instants 36 hours apart back from a minute ago, two check-ins at each (the id breaks the tie):
    // 244 instants, 488 check-ins, fall in the last 365 days.
    seed("""
        INSERT INTO check_in (id, plan_id, patient_id, site, checked_in_on, covers_due_on, cravings, used_since_last,
                              mood, housing, employment, recorded_by, recorded_at, version)
        SELECT gen_random_uuid(), p.id, p.patient_id, 'north', (?::timestamptz - i * interval '36 hours')::date,
               (?::timestamptz - i * interval '36 hours')::date, 3, false, 'OK', 'STABLE', 'EMPLOYED',
               'counsellor-north', ?::timestamptz - i * interval '36 hours', 0
          FROM aftercare_plan p, generate_series(0, 299) AS i, generate_series(1, 2) AS copy
         WHERE p.id = ?""", planId, 3);

    ApiResponse first = get("/v1/plans/" + planId + "/check-ins", "");
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.header("X-Total-Count")).isEqualTo("488");
    assertThat(first.json().size()).isEqualTo(100);
    assertThat(next(first)).startsWith("?from=").doesNotContain("http", "/v1/");

    List<JsonNode> walked = walk("/v1/plans/" + planId + "/check-ins", "");
    assertThat(walked).extracting(c -> c.get("checkInId").asString()).hasSize(488).doesNotHaveDuplicates();
    assertThat(walked).extracting(c -> c.get("on").asString()).isSorted();

    ApiResponse everything = get("/v1/plans/" + planId + "/check-ins",
        "?from=" + encode(now.minus(Duration.ofDays(500))) + "&limit=500");
    assertThat(everything.header("X-Total-Count")).isEqualTo("600");
    assertThat(walk("/v1/plans/" + planId + "/check-ins", "?from=" + encode(now.minus(Duration.ofDays(500)))
        + "&limit=500")).hasSize(600);
  }

  @Test
  void relapseReportsCounsellingNotesAndDisclosuresPageToTheEndWithoutDuplicatesOrGaps() throws SQLException {
    UUID patientId = Fixtures.registeredPatient("north");
    UUID planId = Fixtures.planFromDischarge(patientId, "north", now.minus(Duration.ofDays(30)));
    for (int i = 0; i < 5; i++) {
      clock.set(now.minus(Duration.ofMinutes(10 - i)));
      ApiResponse reported = api.send("POST", "/v1/plans/" + planId + "/relapses", counsellor,
          relapse("LAPSE"), Map.of());
      assertThat(reported.status()).as(reported.body()).isEqualTo(201);
    }
    clock.set(now);
    seed("""
        INSERT INTO counselling_note (id, plan_id, patient_id, site, text, written_by, written_at, version)
        SELECT gen_random_uuid(), p.id, p.patient_id, 'north', 'session ' || i, 'counsellor-north',
               ?::timestamptz - (i / 2) * interval '1 day', 0
          FROM aftercare_plan p, generate_series(0, 29) AS i
         WHERE p.id = ?""", planId, 1);
    // 25 disclosures a week apart, and one four years ago that the three-year accounting leaves out.
    seed("""
        INSERT INTO disclosure (id, disclosed_at, patient_id, site, partner_org, client_id, resource_types,
                                resource_ids, data_categories, consent_ids, purpose)
        SELECT gen_random_uuid(), ?::timestamptz - i * interval '7 days', p.patient_id, 'north', 'harbor-house',
               'partner-harbor', ARRAY['CarePlan'], ARRAY[p.id::text], ARRAY['AFTERCARE_PLAN'],
               ARRAY[gen_random_uuid()], 'TREAT'
          FROM aftercare_plan p, generate_series(0, 24) AS i
         WHERE p.id = ?
        UNION ALL
        SELECT gen_random_uuid(), ?::timestamptz - interval '1461 days', p.patient_id, 'north', 'harbor-house',
               'partner-harbor', ARRAY['CarePlan'], ARRAY[p.id::text], ARRAY['AFTERCARE_PLAN'],
               ARRAY[gen_random_uuid()], 'TREAT'
          FROM aftercare_plan p WHERE p.id = ?""", planId, 1, planId);

    List<JsonNode> relapses = walk("/v1/plans/" + planId + "/relapses", "?limit=2");
    assertThat(relapses).extracting(r -> r.get("reportId").asString()).hasSize(5).doesNotHaveDuplicates();
    assertThat(get("/v1/plans/" + planId + "/relapses", "?limit=2").header("X-Total-Count")).isEqualTo("5");

    List<JsonNode> notes = walk("/v1/plans/" + planId + "/counselling-notes", "?limit=7");
    assertThat(notes).extracting(n -> n.get("noteId").asString()).hasSize(30).doesNotHaveDuplicates();
    assertThat(notes).extracting(n -> Instant.parse(n.get("writtenAt").asString())).isSorted();

    ApiResponse firstDisclosures = get("/v1/patients/" + patientId + "/disclosures", "?limit=10");
    assertThat(firstDisclosures.header("X-Total-Count")).isEqualTo("25");
    List<JsonNode> disclosures = walk("/v1/patients/" + patientId + "/disclosures", "?limit=10");
    assertThat(disclosures).extracting(d -> d.get("id").asString()).hasSize(25).doesNotHaveDuplicates();
    assertThat(disclosures).extracting(d -> Instant.parse(d.get("disclosedAt").asString()))
        .isSortedAccordingTo(Comparator.reverseOrder());
  }

  @Test
  void aBadCursorLimitOrWindowIsA400NamingTheParameterAndAnotherSitesPlanStaysA404() {
    UUID patientId = Fixtures.registeredPatient("north");
    UUID planId = Fixtures.planFromDischarge(patientId, "north", now.minus(Duration.ofDays(30)));
    for (int i = 0; i < 2; i++) {
      clock.set(now.minus(Duration.ofMinutes(5 - i)));
      assertThat(api.send("POST", "/v1/plans/" + planId + "/relapses", counsellor, relapse("LAPSE"), Map.of())
          .status()).isEqualTo(201);
    }
    clock.set(now);
    String cursor = cursorOf(get("/v1/plans/" + planId + "/relapses", "?limit=1"));

    for (String list : List.of("/v1/plans/" + planId + "/check-ins", "/v1/plans/" + planId + "/relapses",
        "/v1/plans/" + planId + "/counselling-notes", "/v1/patients/" + patientId + "/disclosures")) {
      assertValidation(get(list, "?cursor=not-a-cursor"), "cursor");
      assertValidation(get(list, "?cursor=" + tamper(cursor)), "cursor");
      assertValidation(get(list, "?limit=0"), "limit");
      assertValidation(get(list, "?limit=501"), "limit");
      assertValidation(get(list, "?from=" + encode(now.plusSeconds(1)) + "&to=" + encode(now)), "from");
      assertValidation(get(list, "?from=" + encode(now.minus(Duration.ofDays(1100)))), "from");
      assertThat(get(list, "?limit=500").status()).isEqualTo(200);

      String unknown = list.replace(list.contains("/plans/") ? planId.toString() : patientId.toString(),
          UUID.randomUUID().toString());
      for (String query : List.of("", "?limit=5")) {
        ApiResponse foreign = api.get(list + query, counsellorSouth);
        ApiResponse none = api.get(unknown + query, counsellorSouth);
        assertThat(foreign.status()).as(list).isEqualTo(404);
        assertThat(foreign.json().get("type")).isEqualTo(none.json().get("type"));
      }
    }
    assertThat(api.get("/v1/plans/" + planId + "/check-in-schedule", counsellor).json().get("status")).isNotNull();
  }

  @Test
  void aContingencyLedgerReadsItsSumsWithTheLastYearsEntriesAPageAtATimeInTheOrderRecorded()
      throws SQLException {
    UUID planId = Fixtures.planFromDischarge(UUID.randomUUID(), "north", now.minus(Duration.ofDays(500)));
    seed("""
        INSERT INTO contingency_ledger (plan_id, patient_id, site, streak, earned_cents, redeemed_cents, cap_cents,
                                        version)
        SELECT p.id, p.patient_id, 'north', 3, 5000, 1000, 10000, 0 FROM aftercare_plan p WHERE p.id = ?""",
        planId, 0);
    // 300 instants 36 hours apart back from a minute ago, two entries at each (the id breaks the tie):
    // 244 instants, 488 entries, fall in the last 365 days.
    seed("""
        INSERT INTO contingency_entry (contingency_ledger, contingency_ledger_key, entry_id, kind, behaviour,
                                       occurred_on, amount_cents, streak_after, recorded_by, recorded_at)
        SELECT p.id, (299 - i) * 2 + copy, gen_random_uuid(), 'EARNED', 'NEGATIVE_SCREEN',
               (?::timestamptz - i * interval '36 hours')::date, 250, 1, 'counsellor-north',
               ?::timestamptz - i * interval '36 hours'
          FROM aftercare_plan p, generate_series(0, 299) AS i, generate_series(0, 1) AS copy
         WHERE p.id = ?""", planId, 2);
    String ledger = "/v1/plans/" + planId + "/contingency";

    ApiResponse first = get(ledger, "");
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.header("X-Total-Count")).isEqualTo("488");
    assertThat(first.json().get("entries").size()).isEqualTo(100);
    // The sums are the whole ledger's on every page, not the page's.
    assertThat(first.json().get("balanceCents").asInt()).isEqualTo(4000);
    assertThat(first.json().get("streak").asInt()).isEqualTo(3);
    assertThat(next(first)).startsWith("?from=").doesNotContain("http", "/v1/");
    ApiResponse second = get(ledger, next(first));
    assertThat(second.json().get("earnedCents").asInt()).isEqualTo(5000);
    assertThat(second.header("X-Total-Count")).isEqualTo("488");

    List<JsonNode> walked = walk(ledger, "", "entries");
    assertThat(walked).extracting(e -> e.get("entryId").asString()).hasSize(488).doesNotHaveDuplicates();
    assertThat(walked).extracting(e -> Instant.parse(e.get("recordedAt").asString())).isSorted();
    assertThat(Instant.parse(walked.getFirst().get("recordedAt").asString()))
        .isAfterOrEqualTo(now.minus(Duration.ofDays(365)));

    String wholeProgramme = "?from=" + encode(now.minus(Duration.ofDays(500))) + "&limit=500";
    assertThat(get(ledger, wholeProgramme).header("X-Total-Count")).isEqualTo("600");
    assertThat(walk(ledger, wholeProgramme, "entries")).extracting(e -> e.get("entryId").asString()).hasSize(600)
        .doesNotHaveDuplicates();

    UUID none = Fixtures.planFromDischarge(UUID.randomUUID(), "north", now.minus(Duration.ofDays(5)));
    ApiResponse empty = get("/v1/plans/" + none + "/contingency", "");
    assertThat(empty.json().get("entries").isEmpty()).isTrue();
    assertThat(empty.header("X-Total-Count")).isEqualTo("0");
    assertThat(empty.header("Link")).isNull();
  }

  @Test
  void aSessionsGroupNotesPageToTheEndWithoutDuplicatesOrGapsOldestFirst() throws SQLException {
    LocalDate today = Fixtures.today("north");
    LocalDate lastTuesday = today.minusDays(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY));
    ApiResponse group = api.post("/v1/groups", counsellor, Map.of("name", "Tuesday SMART", "type",
        "SMART_RECOVERY", "site", "north", "facilitator", "F. Acilitator", "capacity", 12,
        "schedule", Map.of("dayOfWeek", "TUESDAY", "startsAt", "18:00", "durationMinutes", 90, "everyWeeks", 1,
            "firstSessionOn", today.minusWeeks(10).toString())));
    assertThat(group.status()).as(group.body()).isEqualTo(201);
    String groupId = group.json().get("groupId").asString();
    ApiResponse session = api.post("/v1/groups/" + groupId + "/sessions", counsellor,
        Map.of("date", lastTuesday.toString()));
    assertThat(session.status()).as(session.body()).isEqualTo(200);
    UUID sessionId = UUID.fromString(session.json().get("sessionId").asString());
    // 130 instants three days apart, two notes at each: 122 instants, 244 notes, in the last 365 days.
    seed("""
        INSERT INTO group_note (id, session_id, group_id, text, written_by, written_at, version)
        SELECT gen_random_uuid(), s.id, s.group_id, 'note ' || i || '.' || copy, 'counsellor-north',
               ?::timestamptz - i * interval '3 days', 0
          FROM group_session s, generate_series(0, 129) AS i, generate_series(1, 2) AS copy
         WHERE s.id = ?""", sessionId, 1);
    String notes = "/v1/groups/" + groupId + "/sessions/" + sessionId + "/notes";

    ApiResponse first = get(notes, "");
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.header("X-Total-Count")).isEqualTo("244");
    assertThat(first.json().size()).isEqualTo(100);

    List<JsonNode> walked = walk(notes, "");
    assertThat(walked).extracting(n -> n.get("noteId").asString()).hasSize(244).doesNotHaveDuplicates();
    assertThat(walked).extracting(n -> Instant.parse(n.get("writtenAt").asString())).isSorted();

    String older = "?from=" + encode(now.minus(Duration.ofDays(500))) + "&limit=7";
    assertThat(get(notes, older).header("X-Total-Count")).isEqualTo("260");
    assertThat(walk(notes, older)).extracting(n -> n.get("noteId").asString()).hasSize(260).doesNotHaveDuplicates();
    assertThat(api.get(notes, counsellorSouth).status()).isEqualTo(404);
  }

  @Test
  void theAlertWorklistHasEveryOpenAlertMostUrgentFirstThenTheLastMonthsAcknowledgedOnesAPageAtATime()
      throws SQLException {
    String site = "paged-" + UUID.randomUUID().toString().substring(0, 8);
    String counsellorThere = idp.staff("counsellor-paged", List.of("counsellor"), List.of(site));
    UUID planId = Fixtures.planFromDischarge(UUID.randomUUID(), site, now.minus(Duration.ofDays(90)));
    // Open alerts due from two hours ago to eight hours on (due in hours from a minute ago); one is
    // addressed to another counsellor.
    seed("""
        INSERT INTO aftercare_alert (id, site, plan_id, patient_id, reason, severity, cause_id, counsellor,
                                     respond_by, raised_at, version)
        SELECT gen_random_uuid(), p.site, p.id, p.patient_id, r.reason, r.severity, gen_random_uuid(), r.counsellor,
               ?::timestamptz + r.due * interval '1 hour', ?::timestamptz - interval '3 hours', 0
          FROM aftercare_plan p,
               (VALUES ('SELF_HARM_RISK', 'HIGH', -1, NULL), ('OVERDOSE', 'EMERGENCY', 3, NULL),
                       ('SELF_HARM_RISK', 'HIGH', 5, NULL), ('EMERGENCY_RELAPSE', 'EMERGENCY', -2, NULL),
                       ('OVERDOSE', 'EMERGENCY', 1, NULL), ('SELF_HARM_RISK', 'HIGH', 2, NULL),
                       ('EMERGENCY_RELAPSE', 'EMERGENCY', 8, NULL), ('OVERDOSE', 'EMERGENCY', 4, 'counsellor-other'))
               AS r(reason, severity, due, counsellor)
         WHERE p.id = ?""", planId, 2);
    // 120 instants twelve hours apart, two alerts acknowledged at each: 62 instants, 124 alerts, in the
    // last 31 days.
    seed("""
        INSERT INTO aftercare_alert (id, site, plan_id, patient_id, reason, severity, cause_id, counsellor,
                                     respond_by, raised_at, acknowledged_at, acknowledged_by, version)
        SELECT gen_random_uuid(), p.site, p.id, p.patient_id, 'SELF_HARM_RISK', 'HIGH', gen_random_uuid(), NULL,
               ?::timestamptz - i * interval '12 hours', ?::timestamptz - i * interval '12 hours' - interval '1 hour',
               ?::timestamptz - i * interval '12 hours', 'counsellor-paged', 0
          FROM aftercare_plan p, generate_series(0, 119) AS i, generate_series(1, 2) AS copy
         WHERE p.id = ?""", planId, 3);

    ApiResponse first = api.get("/v1/alerts?site=" + site + "&state=ALL", counsellorThere);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.header("X-Total-Count")).isEqualTo("132");
    assertThat(first.json().get("open").asInt()).isEqualTo(8);
    assertThat(first.json().get("overdue").asInt()).isEqualTo(2);
    JsonNode alerts = first.json().get("alerts");
    assertThat(alerts.size()).isEqualTo(8 + 100);
    List<JsonNode> open = alerts.valueStream().limit(8).map(e -> e.get("alert")).toList();
    assertThat(open).allSatisfy(alert -> assertThat(alert.get("acknowledgedAt").isNull()).isTrue());
    assertThat(open).extracting(alert -> alert.get("severity").asString())
        .containsExactly("EMERGENCY", "EMERGENCY", "EMERGENCY", "EMERGENCY", "EMERGENCY", "HIGH", "HIGH", "HIGH");
    assertThat(open.subList(0, 5)).extracting(alert -> Instant.parse(alert.get("respondBy").asString())).isSorted();
    assertThat(open.subList(5, 8)).extracting(alert -> Instant.parse(alert.get("respondBy").asString())).isSorted();
    String next = next(first);
    assertThat(next).contains("site=" + site, "state=ALL").doesNotContain("http", "/v1/");
    ApiResponse second = api.get("/v1/alerts" + next, counsellorThere);
    assertThat(second.json().get("open").asInt()).as("the counts on every page").isEqualTo(8);
    assertThat(second.json().get("alerts").valueStream())
        .as("the open alerts come once, on the first page").allSatisfy(e ->
            assertThat(e.get("alert").get("acknowledgedAt").isNull()).isFalse());

    List<JsonNode> walked = walkAs(counsellorThere, "/v1/alerts", "?site=" + site + "&state=ALL");
    assertThat(walked).extracting(e -> e.get("alert").get("alertId").asString()).hasSize(132)
        .doesNotHaveDuplicates();
    assertThat(walked.subList(8, 132)).extracting(e -> Instant.parse(e.get("alert").get("acknowledgedAt").asString()))
        .isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(walkAs(counsellorThere, "/v1/alerts", "?site=" + site + "&state=ALL&limit=9&counsellor="
        + "counsellor-paged")).extracting(e -> e.get("alert").get("alertId").asString()).hasSize(131)
        .doesNotHaveDuplicates();

    ApiResponse openOnly = api.get("/v1/alerts?site=" + site, counsellorThere);
    assertThat(openOnly.json().get("alerts").size()).isEqualTo(8);
    assertThat(openOnly.header("X-Total-Count")).isEqualTo("8");
    assertThat(openOnly.header("Link")).isNull();
    String twoMonths = "?site=" + site + "&state=ALL&limit=500&from=" + encode(now.minus(Duration.ofDays(62)));
    assertThat(api.get("/v1/alerts" + twoMonths, counsellorThere).header("X-Total-Count")).isEqualTo("248");
    assertValidation(api.get("/v1/alerts?site=" + site + "&state=ALL&cursor=not-a-cursor", counsellorThere),
        "cursor");
    assertValidation(api.get("/v1/alerts?site=" + site + "&limit=501", counsellorThere), "limit");
    assertThat(api.get("/v1/alerts?site=" + site + "&state=ALL", counsellorSouth).status()).isEqualTo(404);
  }

  @Test
  void theLedgerAndGroupNotesRefuseABadCursorLimitOrWindowNamingTheParameter() {
    UUID planId = Fixtures.planFromDischarge(UUID.randomUUID(), "north", now.minus(Duration.ofDays(30)));
    for (String list : List.of("/v1/plans/" + planId + "/contingency",
        "/v1/groups/" + UUID.randomUUID() + "/sessions/" + UUID.randomUUID() + "/notes")) {
      assertValidation(get(list, "?cursor=not-a-cursor"), "cursor");
      assertValidation(get(list, "?limit=0"), "limit");
      assertValidation(get(list, "?limit=501"), "limit");
      assertValidation(get(list, "?from=" + encode(now.plusSeconds(1)) + "&to=" + encode(now)), "from");
      assertValidation(get(list, "?from=" + encode(now.minus(Duration.ofDays(1100)))), "from");
    }
    assertThat(api.get("/v1/plans/" + planId + "/contingency", counsellorSouth).status()).isEqualTo(404);
  }

  private ApiResponse get(String list, String query) {
    return api.get(list + query, counsellor);
  }

  private List<JsonNode> walk(String list, String query) {
    return walk(list, query, null);
  }

  /** Follows Link to the end; the rows are the body, or the list under {@code field} of an object body. */
  private List<JsonNode> walk(String list, String query, @Nullable String field) {
    List<JsonNode> rows = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    String next = query;
    while (next != null) {
      assertThat(seen.add(next)).as("a next link never repeats").isTrue();
      ApiResponse page = get(list, next);
      assertThat(page.status()).as(page.body()).isEqualTo(200);
      (field == null ? page.json() : page.json().get(field)).forEach(rows::add);
      next = next(page);
    }
    return rows;
  }

  /** Follows the worklist's Link to the end as the given caller: its rows are under alerts. */
  private List<JsonNode> walkAs(String token, String list, String query) {
    List<JsonNode> rows = new ArrayList<>();
    String next = query;
    for (int pages = 0; next != null; pages++) {
      assertThat(pages).as("the worklist ends").isLessThan(100);
      ApiResponse page = api.get(list + next, token);
      assertThat(page.status()).as(page.body()).isEqualTo(200);
      page.json().get("alerts").forEach(rows::add);
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

  private static void assertValidation(ApiResponse response, String field) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.isProblem()).as("problem+json").isTrue();
    assertThat(response.json().get("type").asString()).isEqualTo("https://rehabnet.example/problems/validation");
    assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
  }

  private static String encode(Instant at) {
    return URLEncoder.encode(at.toString(), StandardCharsets.UTF_8);
  }

  private static String relapse(String kind) {
    Map<String, Object> body = new HashMap<>(Map.of("kind", kind, "substance", "FENTANYL",
        "occurredOn", Fixtures.today("north").minusDays(1).toString(), "overdose", false, "naloxoneUsed", false,
        "overdoseEducationGiven", true, "wantsReadmission", false));
    return JsonMapper.builder().build().writeValueAsString(body);
  }

  /**
   * Runs a seeding statement: its timestamp parameters (the first {@code instants}) are a minute
   * before now, each other parameter the plan's id (the session's, for group notes).
   */
  private void seed(String sql, UUID planId, int instants, UUID... morePlans) throws SQLException {
    try (var connection = SharedInfrastructure.get().postgres().superUserConnection("aftercare");
        var insert = connection.prepareStatement(sql)) {
      OffsetDateTime at = OffsetDateTime.ofInstant(now.minusSeconds(60), ZoneOffset.UTC);
      int index = 1;
      for (int i = 0; i < instants; i++) {
        insert.setObject(index++, at);
      }
      insert.setObject(index++, planId);
      for (UUID more : morePlans) {
        insert.setObject(index++, at);
        insert.setObject(index++, more);
      }
      insert.executeUpdate();
    }
  }
}
