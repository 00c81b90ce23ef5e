package org.rehabnet.aftercare.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.rehabnet.aftercare.Fixtures.count;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rehabnet.aftercare.AftercareIntegrationTest;
import org.rehabnet.aftercare.Fixtures;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.Topics;
import org.rehabnet.platform.events.intake.ConsentGranted;
import org.rehabnet.platform.web.paging.Cursor;
import org.rehabnet.platform.web.paging.Position;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import org.rehabnet.test.tokens.TestIdentityProvider;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The partner API's searchsets in pages (issue #15): {@code _count}, {@code total} over every match and
 * {@code next} links that, followed to the end, give each match once, with each page's disclosure logged.
 */
@AftercareIntegrationTest
class PartnerPagingIntegrationTest {

  static final String HARBOR = "harbor-house";
  static final Map<String, String> RECOVERY = Map.of("X-Purpose-Of-Use", "RECOVERY_SUPPORT");

  @LocalServerPort
  int port;

  ApiClient api;
  final TestIdentityProvider idp = TestIdentityProvider.get();
  final String harbor = idp.partner("partner-harbor", HARBOR);
  final String counsellorNorth = idp.staff("counsellor-north", List.of("counsellor"), List.of("north"));

  @BeforeEach
  void client() {
    api = new ApiClient("http://localhost:" + port);
  }

  @Test
  void followingTheNextLinksOfAttendanceGivesEveryEncounterOnceNewestFirstAndLogsWhatEachPageDisclosed() {
    Member member = memberOfTwoGroups();
    // Ten sessions present: seven weekly in one group, three in the other on the same days (a tie on the
    // date that only the id breaks), and one missed, which is no Encounter.
    Set<String> present = new HashSet<>();
    for (int week = 0; week < 7; week++) {
      present.add(member.encounter(attend(member.firstGroup(), member.patientId(), lastTuesday().minusWeeks(week),
          "PRESENT")));
    }
    for (int week = 0; week < 3; week++) {
      present.add(member.encounter(attend(member.secondGroup(), member.patientId(), lastTuesday().minusWeeks(week),
          "PRESENT")));
    }
    attend(member.secondGroup(), member.patientId(), lastTuesday().minusWeeks(5), "ABSENT");
    grant(member.patientId(), HARBOR, Set.of("ATTENDANCE"));

    List<String> walked = new ArrayList<>();
    List<LocalDate> dates = new ArrayList<>();
    List<List<String>> pages = new ArrayList<>();
    @Nullable String next = "/partner/v1/Encounter?patient=Patient/" + member.patientId() + "&_count=3";
    while (next != null) {
      ApiResponse read = partnerGet(next, harbor);
      assertThat(read.status()).as(read.body()).isEqualTo(200);
      JsonNode bundle = read.json();
      assertThat(bundle.get("type").asString()).isEqualTo("searchset");
      assertThat(bundle.get("total").asInt()).isEqualTo(10);
      assertThat(securityLabels(bundle)).contains("R", "42CFRPart2", "NORDSCLCD");
      List<String> page = new ArrayList<>();
      bundle.get("entry").forEach(entry -> {
        page.add(entry.get("resource").get("id").asString());
        dates.add(LocalDate.parse(entry.get("resource").get("period").get("start").asString()));
      });
      assertThat(page).hasSizeBetween(1, 3);
      pages.add(page);
      walked.addAll(page);
      next = link(bundle, "next");
      if (next != null) {
        assertThat(next).contains("patient=Patient/" + member.patientId()).contains("_count=3");
        next = next.substring(next.indexOf("/partner/v1/"));
      }
    }

    assertThat(pages).extracting(List::size).containsExactly(3, 3, 3, 1);
    assertThat(walked).doesNotHaveDuplicates().hasSize(10);
    assertThat(dates).isSortedAccordingTo((a, b) -> b.compareTo(a)); // newest first
    assertThat(new HashSet<>(walked)).isEqualTo(present);

    // Each page read is one disclosure of exactly what it returned (the accounting is newest first).
    JsonNode log = api.get("/v1/patients/" + member.patientId() + "/disclosures", counsellorNorth).json();
    List<List<String>> disclosed = new ArrayList<>();
    log.forEach(d -> {
      List<String> ids = new ArrayList<>();
      d.get("resourceIds").forEach(id -> ids.add(id.asString()));
      disclosed.addFirst(ids);
      assertThat(d.get("resourceTypes").get(0).asString()).isEqualTo("Encounter");
    });
    assertThat(disclosed).isEqualTo(pages);
    assertThat(count("SELECT count(*) FROM audit_event WHERE patient_id = '" + member.patientId()
        + "' AND action = 'DISCLOSE' AND outcome = 'SUCCESS'")).isEqualTo(4);

    // Without _count the default page holds them all, and says no more follow.
    JsonNode whole = partnerGet("/partner/v1/Encounter?patient=" + member.patientId(), harbor).json();
    assertThat(whole.get("entry")).hasSize(10);
    assertThat(link(whole, "next")).isNull();
    assertThat(link(whole, "self")).isNotNull();
  }

  @Test
  void aCountOutsideOneTo200OrACursorThisApiDidNotGiveIsABadRequestNamingItAndDisclosesNothing() {
    Member member = memberOfTwoGroups();
    attend(member.firstGroup(), member.patientId(), lastTuesday(), "PRESENT");
    grant(member.patientId(), HARBOR, Set.of("ATTENDANCE", "DEMOGRAPHICS"));
    String encounters = "/partner/v1/Encounter?patient=" + member.patientId();

    for (String count : List.of("0", "201", "abc", "-1", "1.5")) {
      ApiResponse bad = partnerGet(encounters + "&_count=" + count, harbor);
      assertThat(bad.status()).as(count).isEqualTo(400);
      assertThat(bad.isProblem()).isTrue();
      assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("_count");
    }
    // The last is well formed, checksum and all, but names a time PostgreSQL could not even compare with.
    String outOfTime = Cursor.encode(new Position(Instant.parse("-200000-01-01T00:00:00Z"), UUID.randomUUID()));
    for (String cursor : List.of("garbage", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "%25%25", outOfTime)) {
      for (String search : List.of(encounters, "/partner/v1/Patient?_count=5")) {
        ApiResponse bad = partnerGet(search + "&cursor=" + cursor, harbor);
        assertThat(bad.status()).as(search + " " + cursor).isEqualTo(400);
        assertThat(bad.isProblem()).isTrue();
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("cursor");
      }
    }
    assertThat(partnerGet("/partner/v1/Patient?_count=201", harbor).status()).isEqualTo(400);
    assertThat(partnerGet(encounters + "&_count=200", harbor).status()).isEqualTo(200);
    assertThat(count("SELECT count(*) FROM disclosure WHERE patient_id = '" + member.patientId() + "'"))
        .isEqualTo(1);
  }

  @Test
  void aPageOfAPatientWithoutConsentIsStillNotFoundWhateverTheCursor() {
    Member consenting = memberOfTwoGroups();
    Member unconsented = memberOfTwoGroups();
    for (int week = 0; week < 3; week++) {
      attend(consenting.firstGroup(), consenting.patientId(), lastTuesday().minusWeeks(week), "PRESENT");
      attend(unconsented.firstGroup(), unconsented.patientId(), lastTuesday().minusWeeks(week), "PRESENT");
    }
    grant(consenting.patientId(), HARBOR, Set.of("ATTENDANCE"));
    grant(unconsented.patientId(), HARBOR, Set.of("AFTERCARE_PLAN"));
    String next = link(partnerGet("/partner/v1/Encounter?patient=" + consenting.patientId() + "&_count=1", harbor)
        .json(), "next");
    assertThat(next).isNotNull();
    String cursor = next.substring(next.indexOf("cursor=") + "cursor=".length());

    ApiResponse first = partnerGet("/partner/v1/Encounter?patient=" + unconsented.patientId() + "&_count=1", harbor);
    ApiResponse resumed = partnerGet("/partner/v1/Encounter?patient=" + unconsented.patientId() + "&_count=1&cursor="
        + cursor, harbor);
    ApiResponse unknown = partnerGet("/partner/v1/Encounter?patient=" + UUID.randomUUID() + "&_count=1&cursor="
        + cursor, harbor);

    assertThat(List.of(first.status(), resumed.status(), unknown.status())).containsOnly(404);
    assertThat(resumed.isProblem()).isTrue();
    assertThat(resumed.json().get("type").asString()).isEqualTo(unknown.json().get("type").asString());
    assertThat(count("SELECT count(*) FROM disclosure WHERE patient_id = '" + unconsented.patientId() + "'"))
        .isZero();
    awaitAudit(unconsented.patientId(), "no consent names category ATTENDANCE");
  }

  @Test
  void thePatientSearchOfAPartnerWithManyMembersIsPagedAndLeavesOutAndAuditsThoseNotConsentingNow() {
    // An organisation of this test alone, so that its member list is exactly what the test granted.
    String org = "tidewater-" + UUID.randomUUID().toString().substring(0, 8);
    String tidewater = idp.partner("partner-tidewater", org);
    Set<String> consenting = new LinkedHashSet<>();
    for (int i = 0; i < 5; i++) {
      UUID patientId = Fixtures.registeredPatient("north");
      grant(patientId, org, Set.of("DEMOGRAPHICS"));
      consenting.add(patientId.toString());
    }
    // Named by a consent of the organisation, but not for demographics: not a match, and audited as refused.
    UUID attendanceOnly = Fixtures.registeredPatient("north");
    grant(attendanceOnly, org, Set.of("ATTENDANCE"));

    List<String> walked = new ArrayList<>();
    int pages = 0;
    @Nullable String next = "/partner/v1/Patient?_count=2";
    while (next != null) {
      ApiResponse read = partnerGet(next, tidewater);
      assertThat(read.status()).as(read.body()).isEqualTo(200);
      JsonNode bundle = read.json();
      assertThat(bundle.get("total").asInt()).isEqualTo(5);
      assertThat(securityLabels(bundle)).contains("R", "42CFRPart2", "NORDSCLCD");
      JsonNode entries = bundle.get("entry");
      if (entries != null) {
        assertThat(entries.size()).isLessThanOrEqualTo(2);
        entries.forEach(entry -> walked.add(entry.get("resource").get("id").asString()));
      }
      pages++;
      next = link(bundle, "next");
      next = next == null ? null : next.substring(next.indexOf("/partner/v1/"));
    }

    assertThat(pages).isEqualTo(3); // six people named, two to a page
    assertThat(walked).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(consenting);
    for (String patientId : consenting) {
      assertThat(count("SELECT count(*) FROM disclosure WHERE patient_id = '" + patientId + "' AND partner_org = '"
          + org + "'")).isEqualTo(1);
    }
    assertThat(count("SELECT count(*) FROM disclosure WHERE patient_id = '" + attendanceOnly + "'")).isZero();
    awaitAudit(attendanceOnly, "no consent names category DEMOGRAPHICS");
  }

  @Test
  void theCapabilityStatementDeclaresCount() {
    JsonNode metadata = partnerGet("/partner/v1/metadata", harbor).json();

    metadata.get("rest").get(0).get("resource").forEach(resource -> {
      List<String> params = new ArrayList<>();
      resource.get("searchParam").forEach(param -> params.add(param.get("name").asString()));
      assertThat(params).as(resource.get("type").asString()).contains("_count");
    });
  }

  /** A person enrolled in two groups the partner runs at the north site. */
  record Member(UUID patientId, String firstGroup, String secondGroup) {

    /** The id of the Encounter that discloses the person's presence at the session. */
    String encounter(String sessionId) {
      return UUID.nameUUIDFromBytes((sessionId + "/" + patientId).getBytes(StandardCharsets.UTF_8)).toString();
    }
  }

  private Member memberOfTwoGroups() {
    UUID planId = Fixtures.planFromDischarge(Fixtures.registeredPatient("north"), "north",
        Instant.now().minus(120, ChronoUnit.DAYS));
    String first = group("Harbor House SMART");
    String second = group("Harbor House Refuge");
    UUID patientId = null;
    for (String group : List.of(first, second)) {
      ApiResponse enrolled = api.post("/v1/groups/" + group + "/enrolments", counsellorNorth, Map.of("planId", planId));
      assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(200);
      patientId = UUID.fromString(enrolled.json().get("patientId").asString());
    }
    return new Member(patientId, first, second);
  }

  private String group(String name) {
    ApiResponse group = api.post("/v1/groups", counsellorNorth, Map.of("name", name, "type", "SMART_RECOVERY",
        "site", "north", "partnerOrg", HARBOR, "facilitator", "F. Acilitator", "capacity", 12,
        "schedule", Map.of("dayOfWeek", "TUESDAY", "startsAt", "18:00", "durationMinutes", 90, "everyWeeks", 1,
            "firstSessionOn", lastTuesday().minusWeeks(10).toString())));
    assertThat(group.status()).as(group.body()).isEqualTo(201);
    return group.json().get("groupId").asString();
  }

  /** Records the person's attendance at the group's session of that day; returns the session. */
  private String attend(String groupId, UUID patientId, LocalDate on, String status) {
    String sessionId = api.post("/v1/groups/" + groupId + "/sessions", counsellorNorth, Map.of("date", on.toString()))
        .json().get("sessionId").asString();
    ApiResponse recorded = api.post("/v1/groups/" + groupId + "/sessions/" + sessionId + "/attendance",
        counsellorNorth, Map.of("attendance", List.of(Map.of("patientId", patientId, "status", status))));
    assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
    return sessionId;
  }

  private static LocalDate lastTuesday() {
    return Fixtures.today("north").minusDays(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY));
  }

  private ApiResponse partnerGet(String path, String token) {
    return api.send("GET", path, token, null, RECOVERY);
  }

  private static @Nullable String link(JsonNode bundle, String relation) {
    for (JsonNode link : bundle.get("link")) {
      if (link.get("relation").asString().equals(relation)) {
        return link.get("url").asString();
      }
    }
    return null;
  }

  private static List<String> securityLabels(JsonNode resource) {
    List<String> labels = new ArrayList<>();
    resource.get("meta").get("security").forEach(label -> labels.add(label.get("code").asString()));
    return labels;
  }

  /** Intake records a consent for recovery support; returns once aftercare holds it. */
  private static void grant(UUID patientId, String recipient, Set<String> categories) {
    UUID consentId = UUID.randomUUID();
    Fixtures.publish(Topics.INTAKE_CONSENTS, new ConsentGranted(EventMetadata.next(Instant.now(), 1), consentId,
        patientId, "north", "PARTNER_ORGANISATION", recipient, "RECOVERY_SUPPORT", categories, LocalDate.now(), null,
        Instant.now().minusSeconds(60)), "/rehabnet/intake-service");
    await().atMost(Duration.ofSeconds(20)).until(() ->
        count("SELECT count(*) FROM consent WHERE consent_id = '" + consentId + "'") == 1);
  }

  private static void awaitAudit(UUID patientId, String reason) {
    await().atMost(Duration.ofSeconds(10)).until(() -> count("SELECT count(*) FROM audit_event WHERE patient_id = '"
        + patientId + "' AND action = 'DISCLOSE' AND outcome = 'REFUSED' AND reason = '" + reason + "'") >= 1);
  }
}
