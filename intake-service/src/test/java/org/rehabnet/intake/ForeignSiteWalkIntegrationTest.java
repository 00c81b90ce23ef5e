package org.rehabnet.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.infra.RehabnetIntegrationTest;
import org.rehabnet.test.scoping.ForeignSiteWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Every id-bearing staff route of intake, read from its own request mappings, called by a south
 * user holding every staff role: a home-site record answers exactly like an unknown id (404
 * problem+json, same type and detail), and a partner token is refused on every /v1 route.
 */
@RehabnetIntegrationTest(database = "intake")
class ForeignSiteWalkIntegrationTest {

  private static final Logger log = LoggerFactory.getLogger(ForeignSiteWalkIntegrationTest.class);

  @LocalServerPort
  int port;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mapping;

  @Test
  void anotherSitesRecordsAnswerExactlyAsUnknownOnesOnEveryRouteAndPartnersReachNone() {
    IntakeFixtures intake = new IntakeFixtures(port);
    // A home site of its own in New York (so its beds are free whatever other tests admitted at north).
    String home = IntakeFixtures.newSite(2, "America/New_York");
    String coordinator = intake.staff("intake-coordinator", home);
    String patientId = intake.registerPatient(home);
    // The fixture's assessment screens positive on PHQ-9 item 9: the referral also raises a safety alert.
    String referralId = intake.openReferral(patientId, home, "URGENT");
    intake.accept(referralId, home);
    intake.assess(referralId, home);
    ApiClient.ApiResponse admitted = intake.admit(referralId, coordinator);
    assertThat(admitted.status()).as(admitted.body()).isEqualTo(201);
    String admissionId = admitted.json().get("admissionId").asString();
    ApiClient.ApiResponse consent = intake.api.post("/v1/patients/" + patientId + "/consents", coordinator,
        consent(home));
    assertThat(consent.status()).as(consent.body()).isEqualTo(201);
    JsonNode alerts = intake.api.get("/v1/sites/" + home + "/safety-alerts", intake.staff("nurse", home)).json();
    String alertId = alerts.get("items").get(0).get("alertId").asString();
    String settings = intake.api.get("/v1/sites/" + home + "/settings", intake.staff("site-admin", home)).json()
        .get("settings").toString();

    ForeignSiteWalk walk = ForeignSiteWalk.of(mapping, Set.of())
        .id("site", home, "nowhere")
        .id("patientId", patientId, UUID.randomUUID())
        .id("referralId", referralId, UUID.randomUUID())
        .id("admissionId", admissionId, UUID.randomUUID())
        .id("consentId", consent.json().get("consentId").asString(), UUID.randomUUID())
        .id("alertId", alertId, UUID.randomUUID())
        .id("bedCode", "W-2", "W-404")
        .body("PUT /v1/patients/{patientId}", ApiClient.json(Map.of("givenName", "Other", "familyName", "Family",
            "dateOfBirth", "1988-05-17")))
        .body("POST /v1/patients/{patientId}/consents", ApiClient.json(consent(home)))
        .body("PUT /v1/referrals/{referralId}/assessment", ApiClient.json(IntakeFixtures.assessment()))
        .body("POST /v1/referrals/{referralId}/assessment/preview", ApiClient.json(IntakeFixtures.assessment()))
        .body("POST /v1/referrals/{referralId}/assessment/length-override",
            ApiClient.json(Map.of("days", 10, "reason", "Slow taper agreed with the patient")))
        .body("POST /v1/referrals/{referralId}/decline", ApiClient.json(Map.of("reason", "No bed for weeks")))
        .body("POST /v1/sites/{site}/beds/{bedCode}/out-of-service", ApiClient.json(Map.of("reason", "Deep clean")))
        .id("ward", "W", "Z")
        .body("POST /v1/sites/{site}/wards", ApiClient.json(Map.of("code", "N", "name", "New ward")))
        .body("PUT /v1/sites/{site}/wards/{ward}", ApiClient.json(Map.of("name", "Renamed ward")))
        .body("POST /v1/sites/{site}/wards/{ward}/beds", ApiClient.json(Map.of("code", "W-77")))
        .body("POST /v1/sites/{site}/beds/{bedCode}/rename", ApiClient.json(Map.of("code", "W-78")))
        .body("PUT /v1/sites/{site}/settings", "{\"timeZone\":\"America/New_York\",\"settings\":" + settings + "}")
        .exclude("POST /v1/patients/{patientId}/site-links", "records-officer only, network-wide: no site is"
            + " foreign to the records team, and every other role is refused 403 before the id is looked at;"
            + " unknown id 404 in PatientRegistrationIntegrationTest");

    ForeignSiteWalk.Report report = walk.walk(intake.api,
        intake.idp.staff("everyone-south", List.of("intake-coordinator", "nurse", "physician", "counsellor",
            "site-admin"), List.of("south")),
        intake.idp.partner("partner-harbor", "harbor-house"),
        intake.idp.staff("everyone-home", List.of("intake-coordinator", "nurse", "physician", "counsellor",
            "site-admin"), List.of(home)));

    log.info("intake walk: {} id-bearing routes, {} cases (foreign and unknown, all 404 alike, plus the home"
        + " control on GETs); partner refused on {} /v1 routes; excluded {}", report.idRoutes(), report.idCases(),
        report.partnerRoutes(), report.excluded());
    assertThat(report.idRoutes()).isGreaterThanOrEqualTo(20);
    // Nothing the foreign user sent reached the home site's records.
    assertThat(intake.api.get("/v1/patients/" + patientId, coordinator).json().get("givenName").asString())
        .startsWith("Given");
    assertThat(IntakeFixtures.count("SELECT count(*) FROM consent WHERE patient_id = '" + patientId + "'"))
        .isEqualTo(1);
  }

  private static Map<String, Object> consent(String site) {
    return Map.of("site", site, "recipientType", "PARTNER_ORGANISATION", "recipient", "harbour-house",
        "purpose", "RECOVERY_SUPPORT", "dataCategories", List.of("AFTERCARE_PLAN"),
        "expiresAt", Instant.now().plus(365, ChronoUnit.DAYS).toString(),
        "signedOn", LocalDate.now(ZoneId.of("America/New_York")).toString(), "signedBy", "PATIENT");
  }
}
