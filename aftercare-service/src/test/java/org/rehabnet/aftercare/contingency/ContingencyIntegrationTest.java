package org.rehabnet.aftercare.contingency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rehabnet.aftercare.Fixtures.count;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@AftercareIntegrationTest
class ContingencyIntegrationTest {

  @LocalServerPort
  int port;

  ApiClient api;
  final String counsellor = TestIdentityProvider.get().staff("counsellor-north", List.of("counsellor"),
      List.of("north"));
  final LocalDate today = Fixtures.today("north");

  @BeforeEach
  void client() {
    api = new ApiClient("http://localhost:" + port);
  }

  @Test
  void theLedgerEscalatesResetsAndRefusesToRedeemMoreThanTheBalance() {
    UUID planId = Fixtures.planFromDischarge(UUID.randomUUID(), "north", Instant.now().minus(Duration.ofDays(10)));

    // One screen a day: the same day's second screen would be a duplicate (issue #12, item 18).
    behaviour(planId, "NEGATIVE_SCREEN", today.minusDays(2));
    behaviour(planId, "ATTENDED_SESSION", today.minusDays(1));
    ApiResponse afterReset = behaviour(planId, Map.of("behaviour", "POSITIVE_SCREEN", "on", today.toString(),
        "substance", "FENTANYL"));
    assertThat(afterReset.json().get("earnedCents").asInt()).isEqualTo(250 + 375);
    assertThat(afterReset.json().get("streak").asInt()).isZero();
    assertThat(afterReset.json().get("nextRewardCents").asInt()).isEqualTo(250);

    ApiResponse tooMuch = api.post("/v1/plans/" + planId + "/contingency/redemptions", counsellor,
        Map.of("amountCents", 626));
    assertThat(tooMuch.status()).isEqualTo(422);
    assertThat(tooMuch.json().get("rule").asString()).isEqualTo("redeem-within-balance");
    ApiResponse redeemed = api.post("/v1/plans/" + planId + "/contingency/redemptions", counsellor,
        Map.of("amountCents", 625));
    assertThat(redeemed.status()).isEqualTo(200);
    assertThat(redeemed.json().get("balanceCents").asInt()).isZero();
    assertThat(count("SELECT count(*) FROM contingency_entry WHERE contingency_ledger = '" + planId + "'"))
        .isEqualTo(4);
  }

  @Test
  void aSecondEntryForTheSameScreenIsAConflictAndChangesNothing() {
    UUID planId = Fixtures.planFromDischarge(UUID.randomUUID(), "north", Instant.now().minus(Duration.ofDays(10)));
    behaviour(planId, Map.of("behaviour", "NEGATIVE_SCREEN", "on", today.minusDays(3).toString(),
        "screenId", "UDS-1001"));
    long before = entries(planId);

    ApiResponse sameDay = post(planId, Map.of("behaviour", "POSITIVE_SCREEN", "on", today.minusDays(3).toString(),
        "substance", "HEROIN"));
    ApiResponse sameSpecimen = post(planId, Map.of("behaviour", "NEGATIVE_SCREEN", "on", today.toString(),
        "screenId", "UDS-1001"));

    for (ApiResponse refused : List.of(sameDay, sameSpecimen)) {
      assertThat(refused.status()).as(refused.body()).isEqualTo(409);
      assertThat(refused.json().get("type").asString()).endsWith("/conflict");
      assertThat(refused.json().get("rule").asString()).isEqualTo("one-entry-per-screen");
    }
    assertThat(entries(planId)).isEqualTo(before);
    assertThat(count("SELECT count(*) FROM relapse_report WHERE plan_id = '" + planId + "'")).isZero();
    assertThat(ledger(planId).get("earnedCents").asInt()).isEqualTo(250);
  }

  @Test
  void anEntryDatedBeforeTheNewestIsRefusedWithItsOwnRuleAndAFutureOneIsInvalid() {
    UUID planId = Fixtures.planFromDischarge(UUID.randomUUID(), "north", Instant.now().minus(Duration.ofDays(10)));
    behaviour(planId, "ATTENDED_SESSION", today.minusDays(1));

    ApiResponse backDated = post(planId, Map.of("behaviour", "NEGATIVE_SCREEN", "on", today.minusDays(2).toString()));
    assertThat(backDated.status()).as(backDated.body()).isEqualTo(422);
    assertThat(backDated.json().get("rule").asString()).isEqualTo("contingency-entries-in-date-order");
    assertThat(backDated.json().get("newestOn").asString()).isEqualTo(today.minusDays(1).toString());

    ApiResponse future = post(planId, Map.of("behaviour", "NEGATIVE_SCREEN", "on", today.plusDays(1).toString()));
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.json().get("errors").get(0).get("field").asString()).isEqualTo("on");

    ApiResponse positiveWithoutSubstance = post(planId, Map.of("behaviour", "POSITIVE_SCREEN", "on",
        today.toString()));
    assertThat(positiveWithoutSubstance.status()).isEqualTo(400);
    assertThat(positiveWithoutSubstance.json().get("errors").get(0).get("field").asString()).isEqualTo("substance");
    assertThat(entries(planId)).isEqualTo(1);
  }

  @Test
  void aMissedScreenResetsTheRewardLikeAPositiveOneButIsNotCalledARelapse() {
    UUID planId = Fixtures.planFromDischarge(UUID.randomUUID(), "north", Instant.now().minus(Duration.ofDays(10)));
    behaviour(planId, "NEGATIVE_SCREEN", today.minusDays(3));
    behaviour(planId, "NEGATIVE_SCREEN", today.minusDays(2));

    ApiResponse missed = behaviour(planId, "MISSED_SCREEN", today.minusDays(1));

    assertThat(missed.json().get("streak").asInt()).isZero();
    assertThat(missed.json().get("nextRewardCents").asInt()).isEqualTo(250);
    assertThat(missed.json().get("relapseReportId").isNull()).isTrue();
    assertThat(count("SELECT count(*) FROM relapse_report WHERE plan_id = '" + planId + "'")).isZero();
  }

  @Test
  void aPositiveScreenStartsReengagementOnceAndTheMilestonesCountFromIt() {
    UUID patientId = UUID.randomUUID();
    UUID planId = Fixtures.planFromDischarge(patientId, "north", Instant.now().minus(Duration.ofDays(40)));
    assertThat(plan(planId).get("milestones").get(0).get("reached").asBoolean()).isTrue();

    ApiResponse positive = behaviour(planId, Map.of("behaviour", "POSITIVE_SCREEN", "on", today.minusDays(1).toString(),
        "substance", "FENTANYL", "screenId", "UDS-2002"));

    String reportId = positive.json().get("relapseReportId").asString();
    String entryId = positive.json().get("recordedEntryId").asString();
    assertThat(count("SELECT count(*) FROM relapse_report WHERE id = '" + reportId + "' AND source = "
        + "'CONTINGENCY_SCREEN' AND source_record_id = '" + entryId + "' AND substance = 'FENTANYL'")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM outreach_task WHERE report_id = '" + reportId + "'")).isEqualTo(1);
    JsonNode relapses = api.get("/v1/plans/" + planId + "/relapses", counsellor).json();
    assertThat(relapses).hasSize(1);
    assertThat(relapses.get(0).get("source").asString()).isEqualTo("CONTINGENCY_SCREEN");
    assertThat(relapses.get(0).get("kind").asString()).isEqualTo("LAPSE");
    JsonNode plan = plan(planId);
    assertThat(plan.get("relapseCount").asInt()).isEqualTo(1);
    assertThat(plan.get("recoverySince").asString()).isEqualTo(today.toString());
    assertThat(plan.get("milestones").get(0).get("on").asString()).isEqualTo(today.plusDays(30).toString());
    assertThat(plan.get("milestones").get(0).get("reached").asBoolean()).isFalse();

    EventProbe.awaitRecord(Topics.AFTERCARE_ENGAGEMENT, patientId.toString(), Duration.ofSeconds(30));
    var reported = EventProbe.read(Topics.AFTERCARE_ENGAGEMENT, r -> patientId.toString().equals(r.key())
        && "rehab.aftercare.RelapseReported.v1".equals(EventProbe.header(r, CloudEventHeaders.TYPE)));
    assertThat(reported).hasSize(1);
    assertThat(JsonMapper.builder().build().readTree(reported.getFirst().value()).get("source").asString())
        .isEqualTo("CONTINGENCY_SCREEN");
  }

  private long entries(UUID planId) {
    return count("SELECT count(*) FROM contingency_entry WHERE contingency_ledger = '" + planId + "'");
  }

  private JsonNode ledger(UUID planId) {
    return api.get("/v1/plans/" + planId + "/contingency", counsellor).json();
  }

  private JsonNode plan(UUID planId) {
    return api.get("/v1/plans/" + planId, counsellor).json();
  }

  private ApiResponse behaviour(UUID planId, String behaviour, LocalDate on) {
    return behaviour(planId, Map.of("behaviour", behaviour, "on", on.toString()));
  }

  private ApiResponse behaviour(UUID planId, Map<String, Object> body) {
    ApiResponse response = post(planId, body);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response;
  }

  private ApiResponse post(UUID planId, Map<String, Object> body) {
    return api.post("/v1/plans/" + planId + "/contingency/behaviours", counsellor, new HashMap<>(body));
  }
}
