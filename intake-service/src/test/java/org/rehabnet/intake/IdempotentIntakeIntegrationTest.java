package org.rehabnet.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import org.rehabnet.test.infra.RehabnetIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An intake desk whose request timed out sends it again (issue #17): with one Idempotency-Key the
 * same patient, referral, consent or admission is answered and nothing is created twice.
 */
@RehabnetIntegrationTest(database = "intake")
class IdempotentIntakeIntegrationTest {

  @LocalServerPort
  int port;

  IntakeFixtures intake;
  String site;
  String coordinator;

  @BeforeEach
  void desk() {
    intake = new IntakeFixtures(port);
    site = IntakeFixtures.newSite(3);
    coordinator = intake.staff("intake-coordinator", site);
  }

  @Test
  void aRegistrationSentTwiceWithOneKeyRegistersOnePatientAndAnswersAlike() {
    Map<String, Object> person = IntakeFixtures.person(site);
    String body = ApiClient.json(person);
    String key = UUID.randomUUID().toString();

    ApiResponse first = send("/v1/patients", body, key);
    ApiResponse retry = send("/v1/patients", body, key);

    assertReplayed(first, retry);
    assertThat(IntakeFixtures.count("SELECT count(*) FROM patient WHERE given_name = '" + person.get("givenName") + "'"))
        .isEqualTo(1);
  }

  @Test
  void aReferralSentTwiceWithOneKeyOpensOneReferral() {
    String patientId = intake.registerPatient(site);
    String body = ApiClient.json(Map.of("patientId", patientId, "site", site, "source", "SELF", "urgency", "URGENT"));
    String key = UUID.randomUUID().toString();

    assertReplayed(send("/v1/referrals", body, key), send("/v1/referrals", body, key));
    assertThat(IntakeFixtures.count("SELECT count(*) FROM referral WHERE patient_id = '" + patientId + "'"))
        .isEqualTo(1);
  }

  @Test
  void aConsentSentTwiceWithOneKeyIsRecordedOnce() {
    String patientId = intake.registerPatient(site);
    Map<String, Object> consent = new HashMap<>();
    consent.put("site", site);
    consent.put("recipientType", "PARTNER_ORGANISATION");
    consent.put("recipient", "harbour-house");
    consent.put("purpose", "RECOVERY_SUPPORT");
    consent.put("dataCategories", List.of("AFTERCARE_PLAN"));
    consent.put("expiresAt", Instant.now().plus(365, ChronoUnit.DAYS).toString());
    // The site is on UTC (IntakeFixtures.newSite): "today" there is today in UTC.
    consent.put("signedOn", LocalDate.now(ZoneId.of("UTC")).toString());
    consent.put("signedBy", "PATIENT");
    String body = ApiClient.json(consent);
    String key = UUID.randomUUID().toString();
    String path = "/v1/patients/" + patientId + "/consents";

    assertReplayed(send(path, body, key), send(path, body, key));
    assertThat(IntakeFixtures.count("SELECT count(*) FROM consent WHERE patient_id = '" + patientId + "'"))
        .isEqualTo(1);
  }

  @Test
  void anAdmissionRetriedInParallelTakesOneBedOnce() {
    String referralId = intake.acceptedAndAssessedReferral(site);
    String body = ApiClient.json(Map.of("referralId", referralId));
    String key = UUID.randomUUID().toString();

    List<ApiResponse> answers;
    try (var pool = Executors.newFixedThreadPool(3)) {
      answers = IntStream.range(0, 3)
          .mapToObj(i -> CompletableFuture.supplyAsync(() -> send("/v1/admissions", body, key), pool))
          .toList().stream().map(CompletableFuture::join).toList();
    }

    assertThat(answers).extracting(ApiResponse::status).containsOnly(201);
    assertThat(answers).extracting(ApiResponse::body).containsOnly(answers.getFirst().body());
    assertThat(answers).filteredOn(a -> "true".equals(a.header("Idempotent-Replayed"))).hasSize(2);
    assertThat(IntakeFixtures.count("SELECT count(*) FROM admission WHERE referral_id = '" + referralId + "'"))
        .isEqualTo(1);
    assertThat(IntakeFixtures.count("SELECT count(*) FROM bed WHERE site = '" + site + "' AND status = 'OCCUPIED'"))
        .isEqualTo(1);
  }

  @Test
  void theSameKeyForAnotherPatientIsRefusedAndRegistersNothing() {
    String key = UUID.randomUUID().toString();
    assertThat(send("/v1/patients", ApiClient.json(IntakeFixtures.person(site)), key).status()).isEqualTo(201);
    Map<String, Object> another = IntakeFixtures.person(site);

    ApiResponse reused = send("/v1/patients", ApiClient.json(another), key);

    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.json().get("rule").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    assertThat(IntakeFixtures.count("SELECT count(*) FROM patient WHERE given_name = '" + another.get("givenName")
        + "'")).isZero();
  }

  private static void assertReplayed(ApiResponse first, ApiResponse retry) {
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.body()).as("the first answer, byte for byte").isEqualTo(first.body());
    assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
  }

  private ApiResponse send(String path, String body, String key) {
    return intake.api.send("POST", path, coordinator, body, Map.of("Idempotency-Key", key));
  }
}
