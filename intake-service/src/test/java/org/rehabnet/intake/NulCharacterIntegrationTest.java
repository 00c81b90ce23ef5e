package org.rehabnet.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rehabnet.intake.IntakeFixtures.rows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import org.rehabnet.test.infra.RehabnetIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * PostgreSQL refuses U+0000 in text: every free-text field of intake refuses it as a 400 naming the
 * field, before the database could turn it into a 500, and changes nothing.
 */
@RehabnetIntegrationTest(database = "intake")
class NulCharacterIntegrationTest {

  private static final String NUL = "a\u0000b";

  @LocalServerPort
  int port;

  @Test
  void aNulCharacterInAnyFreeTextFieldIsRefusedNamingTheField() {
    var intake = new IntakeFixtures(port);
    String site = IntakeFixtures.newSite(1);
    String coordinator = intake.staff("intake-coordinator", site);
    String patientId = intake.registerPatient(site);
    String referralId = intake.openReferral(patientId, site, "URGENT");
    intake.api.post("/v1/referrals/" + referralId + "/screening", coordinator, "");
    long before = rows();

    Map<String, Object> person = IntakeFixtures.person(site);
    person.put("genderIdentity", NUL);
    assertField(intake.api.post("/v1/patients", coordinator, person), "genderIdentity");
    Map<String, Object> contact = IntakeFixtures.person(site);
    contact.put("emergencyContact", Map.of("name", NUL, "phone", "+1 555 0101"));
    assertField(intake.api.post("/v1/patients", coordinator, contact), "emergencyContact.name");
    assertField(intake.api.post("/v1/referrals", coordinator, Map.of("patientId", patientId, "site", site,
        "source", "FAMILY", "urgency", "URGENT", "referrer", Map.of("organisation", NUL))), "referrer.organisation");
    assertField(intake.api.post("/v1/referrals/" + referralId + "/decline", coordinator, Map.of("reason", NUL)),
        "reason");
    Map<String, Object> assessment = IntakeFixtures.assessment();
    Map<String, Object> substance = new HashMap<>(IntakeFixtures.substance("HEROIN", "SMOKED", "DAILY", 2,
        java.time.Instant.now().minusSeconds(3600)));
    substance.put("amount", NUL);
    assessment.put("substances", List.of(substance));
    assertField(intake.put("/v1/referrals/" + referralId + "/assessment", coordinator, assessment),
        "substances[0].amount");
    assertField(intake.api.post("/v1/patients/" + patientId + "/consents", coordinator, Map.of("site", site,
        "recipientType", "PARTNER_ORGANISATION", "recipient", NUL, "purpose", "RECOVERY_SUPPORT",
        "dataCategories", List.of("ATTENDANCE"), "expiryEvent", "END_OF_AFTERCARE", "signedOn", "2026-01-05",
        "signedBy", "PATIENT")), "recipient");

    assertThat(rows()).isEqualTo(before);
  }

  @Test
  void aNoteKeepsItsLineBreaks() {
    var intake = new IntakeFixtures(port);
    String site = IntakeFixtures.newSite(1);
    String referralId = intake.openReferral(intake.registerPatient(site), site, "URGENT");
    String coordinator = intake.staff("intake-coordinator", site);
    intake.api.post("/v1/referrals/" + referralId + "/screening", coordinator, "");

    ApiResponse declined = intake.api.post("/v1/referrals/" + referralId + "/decline", coordinator,
        Map.of("reason", "needs a hospital bed first;\nre-refer after discharge"));

    assertThat(declined.status()).as(declined.body()).isEqualTo(200);
  }

  private static void assertField(ApiResponse response, String field) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
        .as(response.body()).contains(field);
  }
}
