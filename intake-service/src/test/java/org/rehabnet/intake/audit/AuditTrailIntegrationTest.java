package org.rehabnet.intake.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rehabnet.intake.IntakeFixtures;
import org.rehabnet.test.infra.DatabaseCoordinates;
import org.rehabnet.test.infra.RehabnetIntegrationTest;
import org.rehabnet.test.infra.SharedInfrastructure;
import org.rehabnet.test.tokens.TestIdentityProvider;
import org.springframework.boot.test.web.server.LocalServerPort;

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
