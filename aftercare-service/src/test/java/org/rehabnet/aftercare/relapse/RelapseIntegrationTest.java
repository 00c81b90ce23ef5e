package org.rehabnet.aftercare.relapse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rehabnet.aftercare.Fixtures.count;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rehabnet.aftercare.AftercareIntegrationTest;
import org.rehabnet.aftercare.Fixtures;
import org.rehabnet.platform.events.CloudEventHeaders;
import org.rehabnet.platform.events.Topics;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import org.rehabnet.test.infra.EventProbe;
import org.rehabnet.test.tokens.TestIdentityProvider;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

@AftercareIntegrationTest
class RelapseIntegrationTest {

  @LocalServerPort
  int port;

  ApiClient api;
  final TestIdentityProvider idp = TestIdentityProvider.get();
  final String counsellor = idp.staff("counsellor-north", List.of("counsellor"), List.of("north"));
  final String nurse = idp.staff("nurse-north", List.of("nurse"), List.of("north"));

  @BeforeEach
  void client() {
    api = new ApiClient("http://localhost:" + port);
  }

  @Test
  void aRetriedReportWithTheSameIdempotencyKeyRequestsReadmissionExactlyOnce() {
    UUID patientId = UUID.randomUUID();
    UUID planId = Fixtures.planFromDischarge(patientId, "north", Instant.now().minus(Duration.ofDays(20)));
    String key = UUID.randomUUID().toString();
    String body = report(true);

    ApiResponse first = post(planId, body, key);
    ApiResponse retry = post(planId, body, key);

    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(retry.json().get("reportId").asString()).isEqualTo(first.json().get("reportId").asString());
    assertThat(first.json().get("planStatus").asString()).isEqualTo("OPEN");
    assertThat(first.json().get("urgency").asString()).isEqualTo("EMERGENCY");
    Instant reportedAt = Instant.parse(first.json().get("reportedAt").asString());
    assertThat(Instant.parse(first.json().get("outreachDueAt").asString()))
        .isEqualTo(reportedAt.plus(Duration.ofHours(24)));

    assertThat(count("SELECT count(*) FROM relapse_report WHERE plan_id = '" + planId + "'")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM outreach_task WHERE plan_id = '" + planId + "'")).isEqualTo(1);
    assertThat(count("SELECT relapse_count FROM aftercare_plan WHERE id = '" + planId + "' AND status = 'OPEN'"))
        .isEqualTo(1);

    EventProbe.awaitRecord(Topics.AFTERCARE_ENGAGEMENT, patientId.toString(), Duration.ofSeconds(30));
    var readmissions = EventProbe.read(Topics.AFTERCARE_ENGAGEMENT, r -> patientId.toString().equals(r.key())
        && "rehab.aftercare.ReadmissionRequested.v1".equals(EventProbe.header(r, CloudEventHeaders.TYPE)));
    var relapses = EventProbe.read(Topics.AFTERCARE_ENGAGEMENT, r -> patientId.toString().equals(r.key())
        && "rehab.aftercare.RelapseReported.v1".equals(EventProbe.header(r, CloudEventHeaders.TYPE)));
    assertThat(readmissions).hasSize(1);
    assertThat(relapses).hasSize(1);
    assertThat(new String(readmissions.getFirst().value())).contains(first.json().get("reportId").asString())
        .contains("EMERGENCY");
  }

  @Test
  void aLapseWithoutWishForReadmissionRaisesOutreachButNoReadmission() {
    UUID patientId = UUID.randomUUID();
    UUID planId = Fixtures.planFromDischarge(patientId, "north", Instant.now());

    ApiResponse reported = post(planId, report(false), null);

    assertThat(reported.status()).isEqualTo(201);
    assertThat(reported.json().get("readmissionRequestId").isNull()).isTrue();
    String taskId = reported.json().get("outreachTaskId").asString();
    assertThat(api.post("/v1/plans/" + planId + "/relapses/outreach/" + taskId + "/done", counsellor, Map.of())
        .status()).isEqualTo(200);
    assertThat(count("SELECT count(*) FROM outreach_task WHERE id = '" + taskId + "' AND completed_at IS NOT NULL"))
        .isEqualTo(1);
    EventProbe.awaitRecord(Topics.AFTERCARE_ENGAGEMENT, patientId.toString(), Duration.ofSeconds(30));
    assertThat(EventProbe.read(Topics.AFTERCARE_ENGAGEMENT, r -> patientId.toString().equals(r.key())
        && "rehab.aftercare.ReadmissionRequested.v1".equals(EventProbe.header(r, CloudEventHeaders.TYPE)))).isEmpty();
  }

  @Test
  void theSameKeyForADifferentReportIsAConflictAndOnlyCounsellorsReport() {
    UUID planId = Fixtures.planFromDischarge(UUID.randomUUID(), "north", Instant.now());
    String key = UUID.randomUUID().toString();
    assertThat(post(planId, report(false), key).status()).isEqualTo(201);

    ApiResponse reused = post(planId, report(true), key);
    assertThat(reused.status()).isEqualTo(409);
    assertThat(reused.json().get("type").asString()).endsWith("/conflict");
    assertThat(api.send("POST", "/v1/plans/" + planId + "/relapses", nurse, report(false), Map.of()).status())
        .isEqualTo(403);
    assertThat(count("SELECT count(*) FROM relapse_report WHERE plan_id = '" + planId + "'")).isEqualTo(1);
  }

  private ApiResponse post(UUID planId, String body, String key) {
    return api.send("POST", "/v1/plans/" + planId + "/relapses", counsellor, body,
        key == null ? Map.of() : Map.of("Idempotency-Key", key));
  }

  private static String report(boolean wantsReadmission) {
    return JsonMapper.builder().build().writeValueAsString(Map.of("kind", "RELAPSE", "substance", "FENTANYL",
        "occurredOn", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString(), "overdose", wantsReadmission,
        "naloxoneUsed", wantsReadmission, "overdoseEducationGiven", true, "wantsReadmission", wantsReadmission));
  }
}
