package org.rehabnet.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import org.rehabnet.test.infra.RehabnetIntegrationTest;
import org.rehabnet.test.infra.SharedInfrastructure;
import org.rehabnet.test.time.MutableClock;
import org.rehabnet.test.time.MutableClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/**
 * A ward tablet that times out and sends the same charting or dose again (issue #17): with one
 * Idempotency-Key it gets the first answer and the chart holds one entry. Never a second dose.
 */
@RehabnetIntegrationTest(database = "monitoring")
@Import(MutableClockConfiguration.class)
class IdempotentChartingIntegrationTest {

  @LocalServerPort
  int port;

  @Autowired
  JsonMapper json;

  @Autowired
  MutableClock clock;

  Ward ward;
  Ward.Episode episode;

  @BeforeEach
  void admitted() {
    // Doses depend on the treatment day at the site: chart on a New York morning, ahead of other tests.
    ZoneId newYork = ZoneId.of("America/New_York");
    clock.set(LocalDate.now(newYork).plusDays(5).atTime(LocalTime.of(8, 0)).atZone(newYork).toInstant());
    ward = new Ward(port, json, clock);
    ward.announceSeedSites();
    episode = ward.admit("north");
  }

  @AfterEach
  void backToRealTime() {
    clock.reset();
  }

  @Test
  void vitalSignsSentTwiceWithOneKeyAreChartedOnceAndAnsweredAlike() throws SQLException {
    assertChartedOnce("/vital-signs", ward.nurse(episode), json.writeValueAsString(
        Ward.vitalSigns(16, 97, 120, 72, "ALERT")), "vital_signs");
  }

  @Test
  void observationsSentTwiceWithOneKeyAreChartedOnce() throws SQLException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("poss", "1");
    body.put("vomiting", false);
    body.put("insomnia", false);
    body.put("anxiety", false);
    body.put("breathingDifficulty", false);
    assertChartedOnce("/observations", ward.nurse(episode), json.writeValueAsString(body), "symptom_observation");
  }

  @Test
  void aCowsSentTwiceWithOneKeyIsChartedOnce() throws SQLException {
    assertChartedOnce("/cows-assessments", ward.nurse(episode), json.writeValueAsString(Ward.cowsOf(10)),
        "cows_assessment");
  }

  @Test
  void anOrderSentTwiceWithOneKeyIsOrderedOnce() throws SQLException {
    assertChartedOnce("/medication-orders", ward.physician(episode), json.writeValueAsString(
        Map.of("drug", "BUPRENORPHINE", "doseMg", new BigDecimal("4"), "route", "SUBLINGUAL")), "medication_order");
  }

  @Test
  void aDoseRetriedAfterATimeoutIsGivenOnceEvenWhenTheRetriesRace() throws Exception {
    ward.chartCalmInWithdrawal(episode);
    UUID order = ward.order(episode, "BUPRENORPHINE", "4", "SUBLINGUAL");
    String body = dose(order);
    String key = UUID.randomUUID().toString();
    ApiClient api = new ApiClient("http://localhost:" + port);

    List<ApiResponse> answers;
    try (var pool = Executors.newFixedThreadPool(4)) {
      List<CompletableFuture<ApiResponse>> sent = java.util.stream.IntStream.range(0, 4)
          .mapToObj(i -> CompletableFuture.supplyAsync(() -> api.send("POST", path("/administrations"),
              ward.nurse(episode), body, Map.of("Idempotency-Key", key)), pool))
          .toList();
      answers = sent.stream().map(CompletableFuture::join).toList();
    }

    assertThat(answers).extracting(ApiResponse::status).containsOnly(201);
    assertThat(answers).extracting(ApiResponse::body).as("every retry gets the first answer").containsOnly(
        answers.getFirst().body());
    assertThat(answers).filteredOn(a -> "true".equals(a.header("Idempotent-Replayed"))).hasSize(3);
    assertThat(count("medication_administration")).as("one dose given, whatever the tablet resent").isEqualTo(1);
  }

  @Test
  void aRefusedDoseIsNotRememberedSoItsRetryIsDecidedAfresh() throws SQLException {
    UUID order = ward.order(episode, "BUPRENORPHINE", "4", "SUBLINGUAL");
    String key = UUID.randomUUID().toString();
    ApiResponse refused = send("/administrations", ward.nurse(episode), dose(order), key);
    Ward.assertUnsafe(refused, "OBSERVATIONS_NOT_CURRENT");
    assertThat(count("medication_administration")).isZero();

    ward.chartCalmInWithdrawal(episode);
    ApiResponse given = send("/administrations", ward.nurse(episode), dose(order), key);
    assertThat(given.status()).as(given.body()).isEqualTo(201);
    assertThat(given.header("Idempotent-Replayed")).isNull();
    assertThat(count("medication_administration")).isEqualTo(1);
  }

  @Test
  void theSameKeyForAnotherDoseIsRefusedAndGivesNothing() throws SQLException {
    ward.chartCalmInWithdrawal(episode);
    UUID order = ward.prn(episode, "BUPRENORPHINE", "2", "4", "SUBLINGUAL");
    String key = UUID.randomUUID().toString();
    assertThat(send("/administrations", ward.nurse(episode), dose(order, "2"), key).status()).isEqualTo(201);

    ApiResponse reused = send("/administrations", ward.nurse(episode), dose(order, "4"), key);
    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.isProblem()).isTrue();
    assertThat(reused.json().get("rule").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    assertThat(count("medication_administration")).isEqualTo(1);
  }

  @Test
  void aKeyIsOneCallersNotAnotherNurses() throws SQLException {
    String body = json.writeValueAsString(Ward.vitalSigns(16, 97, 120, 72, "ALERT"));
    String key = UUID.randomUUID().toString();
    String otherNurse = ward.idp.staff("nurse-north-2", List.of("nurse"), List.of("north"));
    assertThat(send("/vital-signs", ward.nurse(episode), body, key).status()).isEqualTo(201);
    ApiResponse theirs = send("/vital-signs", otherNurse, body, key);
    assertThat(theirs.status()).isEqualTo(201);
    assertThat(theirs.header("Idempotent-Replayed")).isNull();
    assertThat(count("vital_signs")).isEqualTo(2);
  }

  @Test
  void aKeyThatIsEmptyTooLongOrHoldsControlCharactersIsRefusedNamingTheHeader() throws SQLException {
    String body = json.writeValueAsString(Ward.vitalSigns(16, 97, 120, 72, "ALERT"));
    for (String key : List.of("k".repeat(201), "a b", "a\tb")) {
      ApiResponse refused = send("/vital-signs", ward.nurse(episode), body, key);
      assertThat(refused.status()).as(key).isEqualTo(400);
      assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
    }
    assertThat(count("vital_signs")).isZero();
  }

  @Test
  void afterTwentyFourHoursTheKeyIsNewAgain() throws SQLException {
    String body = json.writeValueAsString(Ward.vitalSigns(16, 97, 120, 72, "ALERT"));
    String key = UUID.randomUUID().toString();
    assertThat(send("/vital-signs", ward.nurse(episode), body, key).status()).isEqualTo(201);
    clock.advance(Duration.ofHours(24).plusMinutes(1));
    ApiResponse later = send("/vital-signs", ward.nurse(episode), body, key);
    assertThat(later.status()).isEqualTo(201);
    assertThat(later.header("Idempotent-Replayed")).isNull();
    assertThat(count("vital_signs")).isEqualTo(2);
  }

  private void assertChartedOnce(String what, String token, String body, String table) throws SQLException {
    String key = UUID.randomUUID().toString();
    ApiResponse first = send(what, token, body, key);
    ApiResponse retry = send(what, token, body, key);

    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.body()).as("the first answer, byte for byte").isEqualTo(first.body());
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(first.header("Idempotent-Replayed")).isNull();
    assertThat(count(table)).isEqualTo(1);
  }

  private ApiResponse send(String what, String token, String body, String key) {
    return new ApiClient("http://localhost:" + port).send("POST", path(what), token, body,
        Map.of("Idempotency-Key", key));
  }

  private String path(String what) {
    return "/v1/episodes/" + episode.id() + what;
  }

  private String dose(UUID order) {
    return dose(order, "4");
  }

  private String dose(UUID order, String mg) {
    return json.writeValueAsString(Map.of("orderId", order, "drug", "BUPRENORPHINE", "doseMg", new BigDecimal(mg),
        "route", "SUBLINGUAL"));
  }

  private long count(String table) throws SQLException {
    try (var connection = SharedInfrastructure.get().postgres().superUserConnection("monitoring");
        var rs = connection.createStatement()
            .executeQuery("SELECT count(*) FROM " + table + " WHERE episode_id = '" + episode.id() + "'")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
