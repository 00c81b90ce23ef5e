package org.rehabnet.intake.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.rehabnet.intake.IntakeFixtures;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import org.rehabnet.test.infra.DatabaseCoordinates;
import org.rehabnet.test.infra.RehabnetIntegrationTest;
import org.rehabnet.test.infra.SharedInfrastructure;
import org.rehabnet.test.tokens.TestIdentityProvider;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Every access to patient data leaves a row, refusals included, and no row can be changed. */
@RehabnetIntegrationTest(database = "intake")
class AuditTrailIntegrationTest {

  @LocalServerPort
  int port;

  final TestIdentityProvider idp = TestIdentityProvider.get();

  @Test
  void writesReadsAndRefusalsAreAuditedWithWhoAndRequestId() throws SQLException {
    var intake = new IntakeFixtures(port);
    String site = IntakeFixtures.newSite(1);
    var created = intake.admit(intake.acceptedAndAssessedReferral(site), intake.staff("intake-coordinator", site));
    String admissionId = created.json().get("admissionId").asString();
    String patientId = created.json().get("patientId").asString();
    intake.api.get("/v1/admissions/" + admissionId, intake.staff("nurse", site));
    var refused = intake.api.get("/v1/admissions/" + admissionId, intake.staff("nurse", "south"));

    List<String> rows = auditRows("SELECT actor || ' ' || action || ' ' || outcome FROM audit_event"
        + " WHERE resource_id = '" + admissionId + "' OR resource_id LIKE '%" + admissionId + "' ORDER BY occurred_at");
    assertThat(rows).containsExactly("intake-coordinator-" + site + " CREATE SUCCESS", "nurse-" + site
        + " READ SUCCESS", "nurse-south ACCESS NOT_FOUND");
    assertThat(auditRows("SELECT request_id FROM audit_event WHERE actor = 'nurse-south' AND resource_id LIKE '%"
        + admissionId + "'")).containsExactly(refused.header("x-request-id"));
    assertThat(auditRows("SELECT DISTINCT resource_type FROM audit_event WHERE patient_id = '" + patientId + "'"))
        .contains("Patient", "Referral", "Assessment", "Admission");
  }

  /**
   * The test pool has 5 connections and waits 2 s for one. Each read holds one for its read-only
   * transaction; its audit row must not need a second while it does, or 24 parallel readers starve
   * the pool and are answered 500.
   */
  @Test
  void parallelReadsBeyondThePoolAreAllAnsweredAndAllAudited() throws Exception {
    var intake = new IntakeFixtures(port);
    String site = IntakeFixtures.newSite(1);
    String admissionId = intake.admit(intake.acceptedAndAssessedReferral(site),
        intake.staff("intake-coordinator", site)).json().get("admissionId").asString();
    String nurse = intake.staff("nurse", site);
    int readers = 24;

    List<Integer> statuses;
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(readers)) {
      var start = new java.util.concurrent.CountDownLatch(1);
      var answers = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
      for (int i = 0; i < readers * 3; i++) {
        answers.add(pool.submit(() -> {
          start.await();
          return intake.api.get("/v1/admissions/" + admissionId, nurse).status();
        }));
      }
      start.countDown();
      statuses = new java.util.ArrayList<>();
      for (var answer : answers) {
        statuses.add(answer.get());
      }
    }

    assertThat(statuses).hasSize(readers * 3).containsOnly(200);
    assertThat(auditRows("SELECT count(*) FROM audit_event WHERE action = 'READ' AND resource_id = '"
        + admissionId + "'")).containsExactly(String.valueOf(readers * 3));
  }

  @Test
  void theServicesOwnLoginCannotChangeOrRemoveAuditRows() throws SQLException {
    DatabaseCoordinates db = SharedInfrastructure.get().postgres().database("intake");
    try (Connection service = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
        var sql = service.createStatement()) {
      sql.execute("INSERT INTO audit_event (id, occurred_at, actor, actor_roles, actor_sites, action, resource_type,"
          + " outcome) VALUES ('" + UUID.randomUUID() + "', now(), 'test', '', '', 'READ', 'Test', 'SUCCESS')");

      assertThatThrownBy(() -> sql.execute("UPDATE audit_event SET actor = 'someone-else'"))
          .isInstanceOf(SQLException.class).hasMessageContaining("audit_event");
      assertThatThrownBy(() -> sql.execute("DELETE FROM audit_event"))
          .isInstanceOf(SQLException.class).hasMessageContaining("audit_event");
      assertThatThrownBy(() -> sql.execute("TRUNCATE audit_event"))
          .isInstanceOf(SQLException.class);
    }
  }

  @Test
  void theAuditorReadsTheLastWeekNewestFirstAndPagingToTheEndGivesEveryRowOnce() throws SQLException {
    var api = new ApiClient("http://localhost:" + port);
    String auditor = idp.staff("auditor", List.of("auditor"), List.of());
    UUID patientId = UUID.randomUUID();
    Instant seeded = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    // 250 rows a minute apart up to a second ago, and 3 from ten days ago that the default week leaves out.
    seedAudit(patientId, seeded.minusSeconds(1), 250, Duration.ofMinutes(1));
    seedAudit(patientId, seeded.minus(Duration.ofDays(10)), 3, Duration.ofMinutes(1));

    ApiResponse first = api.get("/v1/audit/events?patientId=" + patientId, auditor);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.header("X-Total-Count")).isEqualTo("250");
    assertThat(first.json().size()).isEqualTo(100);

    // A window pinned before the reads: each page read is itself audited, after the window's end.
    String window = "?patientId=" + patientId + "&from=" + encode(seeded.minus(Duration.ofDays(11))) + "&to="
        + encode(seeded) + "&limit=60";
    List<JsonNode> rows = new ArrayList<>();
    Set<String> links = new HashSet<>();
    String query = window;
    while (query != null) {
      assertThat(links.add(query)).as("a next link never repeats").isTrue();
      ApiResponse page = api.get("/v1/audit/events" + query, auditor);
      assertThat(page.status()).as(page.body()).isEqualTo(200);
      assertThat(page.header("X-Total-Count")).isEqualTo("253");
      page.json().forEach(rows::add);
      query = next(page);
    }
    assertThat(rows).extracting(row -> row.get("id").asString()).hasSize(253).doesNotHaveDuplicates();
    assertThat(rows).extracting(row -> Instant.parse(row.get("occurredAt").asString()))
        .isSortedAccordingTo(Comparator.reverseOrder());

    for (String bad : List.of("cursor=not-a-cursor", "limit=0", "limit=5000",
        "from=" + encode(seeded.minus(Duration.ofDays(400))))) {
      ApiResponse refused = api.get("/v1/audit/events?patientId=" + patientId + "&" + bad, auditor);
      assertThat(refused.status()).as(bad).isEqualTo(400);
      assertThat(refused.isProblem()).isTrue();
      assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo(bad.split("=")[0]);
    }
    assertThat(api.get("/v1/audit/events?patientId=" + patientId, idp.staff("nurse", List.of("nurse"),
        List.of("north"))).status()).isEqualTo(403);
  }

  private static @Nullable String next(ApiResponse page) {
    String link = page.header("Link");
    if (link == null) {
      return null;
    }
    Matcher matcher = Pattern.compile("<([^>]*)>;\\s*rel=\"next\"").matcher(link);
    assertThat(matcher.find()).as(link).isTrue();
    return matcher.group(1);
  }

  private static String encode(Instant at) {
    return URLEncoder.encode(at.toString(), StandardCharsets.UTF_8);
  }

  private static void seedAudit(UUID patientId, Instant newest, int rows, Duration apart) throws SQLException {
    try (var connection = SharedInfrastructure.get().postgres().superUserConnection("intake");
        var insert = connection.prepareStatement("""
            INSERT INTO audit_event (id, occurred_at, actor, actor_roles, actor_sites, action, resource_type,
                                     patient_id, outcome)
            SELECT gen_random_uuid(), ? - (i * ?::interval), 'nurse-north', 'nurse', 'north', 'READ', 'Patient', ?,
                   'SUCCESS'
              FROM generate_series(0, ? - 1) AS i""")) {
      insert.setObject(1, OffsetDateTime.ofInstant(newest, ZoneOffset.UTC));
      insert.setString(2, apart.toSeconds() + " seconds");
      insert.setObject(3, patientId);
      insert.setInt(4, rows);
      insert.executeUpdate();
    }
  }

  private static List<String> auditRows(String query) throws SQLException {
    try (var connection = SharedInfrastructure.get().postgres().superUserConnection("intake");
        var rs = connection.createStatement().executeQuery(query)) {
      var rows = new java.util.ArrayList<String>();
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
      return rows;
    }
  }
}
