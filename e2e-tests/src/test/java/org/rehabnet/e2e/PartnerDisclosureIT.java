package org.rehabnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import tools.jackson.databind.JsonNode;

/**
 * 42 CFR Part 2 at the moment of disclosure, through the gateway with real Keycloak tokens: a partner
 * reads what an active consent names for it, with the redisclosure notice and security labels, and
 * nothing else: not another patient, not another category, not after revocation or expiry, not
 * another partner's patient. Allowed reads land in the disclosure log, refusals in the audit trail.
 */
class PartnerDisclosureIT {

  static final String NOTICE = "42 CFR part 2 prohibits unauthorized use or disclosure of these records.";
  static PlatformUnderTest platform;
  static ApiClient gateway;

  @BeforeAll
  static void platform() {
    platform = PlatformUnderTest.get();
    gateway = platform.gateway;
  }

  @Test
  void aPartnerReadsOnlyWhatAnActiveConsentNamesForIt() {
    Instant started = Instant.now();
    String consenting = patientWithPlan();
    String notConsenting = patientWithPlan();
    String consentId = grant(consenting, "harbor-house", List.of("DEMOGRAPHICS", "AFTERCARE_PLAN"), null);
    String harbor = platform.keycloak.clientCredentialsToken("partner-harbor", "harbor-dev-secret");
    String lighthouse = platform.keycloak.clientCredentialsToken("partner-lighthouse", "lighthouse-dev-secret");

    ApiResponse plan = await("the consent reaches aftercare").atMost(Duration.ofSeconds(30))
        .until(() -> read(harbor, "/partner/v1/CarePlan?patient=" + consenting), r -> r.status() == 200);
    assertThat(plan.header("content-type")).startsWith("application/fhir+json");
    assertThat(plan.header("x-redisclosure-notice")).contains(NOTICE);
    JsonNode carePlan = plan.json().get("entry").get(0).get("resource");
    assertThat(carePlan.get("resourceType").asString()).isEqualTo("CarePlan");
    List<String> labels = new ArrayList<>();
    carePlan.get("meta").get("security").forEach(label -> labels.add(label.get("code").asString()));
    assertThat(labels).contains("R", "OPIOIDUD", "ETH", "42CFRPart2", "NORDSCLCD");
    assertThat(carePlan.toString()).contains(NOTICE);

    assertThat(read(harbor, "/partner/v1/Patient/" + consenting).status()).isEqualTo(200);
    assertThat(read(harbor, "/partner/v1/CarePlan?patient=" + notConsenting).status())
        .as("a patient without consent").isEqualTo(404);
    assertThat(read(harbor, "/partner/v1/MedicationStatement?patient=" + consenting).status())
        .as("a category the consent does not name").isEqualTo(404);
    assertThat(read(lighthouse, "/partner/v1/CarePlan?patient=" + consenting).status())
        .as("another partner").isEqualTo(404);
    assertThat(gateway.get("/partner/v1/CarePlan?patient=" + consenting, harbor).status())
        .as("no stated purpose of use").isEqualTo(400);

    ApiResponse revoked = gateway.post("/api/intake/v1/patients/" + consenting + "/consents/" + consentId
        + "/revocation", platform.token("intake-north"), "");
    assertThat(revoked.status()).as(revoked.body()).isIn(200, 201, 204);
    long revokedAt = System.nanoTime();
    await("revocation takes effect").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
        .until(() -> read(harbor, "/partner/v1/CarePlan?patient=" + consenting).status() == 404);
    System.out.printf("Revocation through the gateway: first refused read %d ms after intake accepted it%n",
        (System.nanoTime() - revokedAt) / 1_000_000);

    JsonNode disclosures = gateway.get("/api/aftercare/v1/patients/" + consenting + "/disclosures",
        platform.token("counsellor-north")).json();
    assertThat(disclosures.size()).isGreaterThanOrEqualTo(2);
    assertThat(disclosures.toString()).contains("harbor-house").contains(consentId);

    JsonNode audit = gateway.get("/api/aftercare/v1/audit/events?patientId=" + consenting + "&from="
        + started.minusSeconds(5) + "&to=" + Instant.now().plusSeconds(5), platform.token("auditor")).json();
    List<String> refusals = new ArrayList<>();
    audit.forEach(row -> {
      if ("DISCLOSE".equals(row.get("action").asString()) && !"SUCCESS".equals(row.get("outcome").asString())) {
        refusals.add(row.get("partnerOrg").asString());
      }
    });
    assertThat(refusals).as("category, other partner and revocation refusals").hasSizeGreaterThanOrEqualTo(3)
        .contains("harbor-house", "lighthouse-recovery");
  }

  @Test
  void aConsentEndsAtItsExpiryWithoutAnyEvent() {
    String patient = patientWithPlan();
    grant(patient, "harbor-house", List.of("AFTERCARE_PLAN"), Instant.now().plusSeconds(8));
    String harbor = platform.keycloak.clientCredentialsToken("partner-harbor", "harbor-dev-secret");

    await("the consent reaches aftercare").atMost(Duration.ofSeconds(30))
        .until(() -> read(harbor, "/partner/v1/CarePlan?patient=" + patient).status() == 200);
    await("the consent expires").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
        .until(() -> read(harbor, "/partner/v1/CarePlan?patient=" + patient).status() == 404);
  }

  private static ApiResponse read(String partnerToken, String path) {
    return gateway.send("GET", path, partnerToken, null, Map.of("X-Purpose-Of-Use", "RECOVERY_SUPPORT"));
  }

  /** A person registered at intake with an aftercare plan opened by their counsellor. */
  private static String patientWithPlan() {
    ApiResponse registered = gateway.post("/api/intake/v1/patients", platform.token("intake-north"), Map.of(
        "givenName", "Pat" + UUID.randomUUID().toString().substring(0, 8), "familyName", "Partner",
        "dateOfBirth", "1985-03-03", "site", "north"));
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    String patientId = registered.json().get("patientId").asString();
    String counsellor = platform.token("counsellor-north");
    await("aftercare knows the patient").atMost(Duration.ofSeconds(30))
        .until(() -> gateway.post("/api/aftercare/v1/plans", counsellor, Map.of("patientId", patientId,
            "site", "north", "medicationPlan", "NONE", "naloxoneStatus", "PROVIDED", "overdoseEducation", true,
            "goals", List.of("Return to work"))).status(), status -> status == 201);
    return patientId;
  }

  private static String grant(String patientId, String partner, List<String> categories, Instant expiresAt) {
    Map<String, Object> consent = new java.util.LinkedHashMap<>(Map.of("site", "north",
        "recipientType", "PARTNER_ORGANISATION", "recipient", partner, "purpose", "RECOVERY_SUPPORT",
        "dataCategories", categories, "signedOn", LocalDate.now(ZoneId.of("America/New_York")).toString(), "signedBy", "PATIENT"));
    consent.put("expiresAt", (expiresAt == null ? Instant.now().plus(365, ChronoUnit.DAYS) : expiresAt).toString());
    ApiResponse granted = gateway.post("/api/intake/v1/patients/" + patientId + "/consents",
        platform.token("intake-north"), consent);
    assertThat(granted.status()).as(granted.body()).isEqualTo(201);
    return granted.json().get("consentId").asString();
  }
}
