package org.rehabnet.intake.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.rehabnet.intake.IntakeFixtures.rows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rehabnet.intake.IntakeFixtures;
import org.rehabnet.platform.events.CloudEventHeaders;
import org.rehabnet.platform.events.Topics;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import org.rehabnet.test.infra.EventProbe;
import org.rehabnet.test.infra.RehabnetIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@RehabnetIntegrationTest(database = "intake")
class ConsentIntegrationTest {

  private static final java.time.ZoneId NORTH = java.time.ZoneId.of("America/New_York");

  @LocalServerPort
  int port;

  IntakeFixtures intake;
  String patientId;
  String token;

  @BeforeEach
  void patient() {
    intake = new IntakeFixtures(port);
    patientId = intake.registerPatient("north");
    token = intake.staff("intake-coordinator", "north");
  }

  @Test
  void aGrantedAndThenRevokedConsentIsPublishedBothTimes() {
    ApiResponse granted = intake.api.post(path(), token, consent());

    assertThat(granted.status()).as(granted.body()).isEqualTo(201);
    assertThat(granted.json().get("active").asBoolean()).isTrue();
    String consentId = granted.json().get("consentId").asString();

    ApiResponse revoked = intake.api.post(path() + "/" + consentId + "/revocation", token, "");
    assertThat(revoked.status()).isEqualTo(200);
    assertThat(revoked.json().get("active").asBoolean()).isFalse();
    ApiResponse again = intake.api.post(path() + "/" + consentId + "/revocation", token, "");
    assertThat(again.status()).isEqualTo(409);

    var records = await().atMost(Duration.ofSeconds(20)).until(
        () -> EventProbe.read(Topics.INTAKE_CONSENTS, r -> r.key().equals(patientId)), list -> list.size() == 2);
    assertThat(records).extracting(r -> EventProbe.header(r, CloudEventHeaders.TYPE))
        .containsExactly("rehab.intake.ConsentGranted.v1", "rehab.intake.ConsentRevoked.v1");
    assertThat(records).allSatisfy(r -> {
      assertThat(EventProbe.header(r, CloudEventHeaders.ID)).isNotBlank();
      assertThat(EventProbe.header(r, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
    });
    assertThat(new String(records.getFirst().value())).contains("\"recipient\":\"harbour-house\"")
        .contains("AFTERCARE_PLAN").contains(consentId);

    var list = intake.api.get(path(), intake.staff("counsellor", "north"));
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().size()).isEqualTo(1);
    assertThat(intake.api.get(path(), intake.staff("counsellor", "south")).status()).isEqualTo(404);
  }

  @Test
  void aConsentMissingAnyRequiredElementIsRefusedNamingItAndLeavesNoRowOrEvent() {
    long before = rows();

    for (String element : List.of("recipientType", "recipient", "purpose", "dataCategories", "signedOn", "signedBy")) {
      Map<String, Object> incomplete = consent();
      incomplete.remove(element);
      assertField(intake.api.post(path(), token, incomplete), element);
    }
    Map<String, Object> noExpiry = consent();
    noExpiry.remove("expiresAt");
    assertField(intake.api.post(path(), token, noExpiry), "expiresAt");
    Map<String, Object> noCategories = consent();
    noCategories.put("dataCategories", List.of());
    assertField(intake.api.post(path(), token, noCategories), "dataCategories");
    Map<String, Object> signedTomorrow = consent();
    signedTomorrow.put("signedOn", LocalDate.now().plusDays(2).toString());
    assertField(intake.api.post(path(), token, signedTomorrow), "signedOn");
    // Tomorrow is counted in the site's calendar (north keeps New York time), not the server's.
    Map<String, Object> tomorrowAtNorth = consent();
    tomorrowAtNorth.put("signedOn", LocalDate.now(NORTH).plusDays(1).toString());
    assertField(intake.api.post(path(), token, tomorrowAtNorth), "signedOn");

    assertThat(rows()).isEqualTo(before);
    assertThat(EventProbe.read(Topics.INTAKE_CONSENTS, r -> r.key().equals(patientId))).isEmpty();
  }

  @Test
  void anExpiryEventStandsInForAnExpiryDate() {
    Map<String, Object> untilEndOfAftercare = consent();
    untilEndOfAftercare.remove("expiresAt");
    untilEndOfAftercare.put("expiryEvent", "END_OF_AFTERCARE");

    ApiResponse granted = intake.api.post(path(), token, untilEndOfAftercare);

    assertThat(granted.status()).as(granted.body()).isEqualTo(201);
    assertThat(granted.json().get("expiryEvent").asString()).isEqualTo("END_OF_AFTERCARE");
  }

  private String path() {
    return "/v1/patients/" + patientId + "/consents";
  }

  private static Map<String, Object> consent() {
    Map<String, Object> c = new HashMap<>();
    c.put("site", "north");
    c.put("recipientType", "PARTNER_ORGANISATION");
    c.put("recipient", "harbour-house");
    c.put("purpose", "RECOVERY_SUPPORT");
    c.put("dataCategories", List.of("AFTERCARE_PLAN", "ATTENDANCE"));
    c.put("expiresAt", Instant.now().plus(365, ChronoUnit.DAYS).toString());
    c.put("signedOn", LocalDate.now(NORTH).toString());
    c.put("signedBy", "PATIENT");
    return c;
  }

  private static void assertField(ApiResponse response, String field) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().get("type").asString()).endsWith("/validation");
    assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
        .as(response.body()).contains(field);
  }
}
