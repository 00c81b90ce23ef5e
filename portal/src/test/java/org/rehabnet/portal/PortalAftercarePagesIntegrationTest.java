package org.rehabnet.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rehabnet.portal.gateway.FixtureGateway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One person's aftercare pages as a browser receives them, with the gateway's answers fixed: what a
 * counsellor sees, a refusal shown in its form, the Idempotency-Key each form carries, what a nurse is
 * not offered, and no name in a URL or a title.
 */
@SpringBootTest(properties = {
    // A provider without an issuer: the portal starts without Keycloak's discovery document.
    "spring.security.oauth2.client.registration.keycloak.provider=keycloak-test",
    "spring.security.oauth2.client.provider.keycloak-test.authorization-uri=http://keycloak.test/realms/rehabnet/protocol/openid-connect/auth",
    "spring.security.oauth2.client.provider.keycloak-test.token-uri=http://keycloak.test/realms/rehabnet/protocol/openid-connect/token",
    "spring.security.oauth2.client.provider.keycloak-test.jwk-set-uri=http://keycloak.test/realms/rehabnet/protocol/openid-connect/certs",
    "spring.security.oauth2.client.provider.keycloak-test.user-info-uri=http://keycloak.test/realms/rehabnet/protocol/openid-connect/userinfo",
    "spring.security.oauth2.client.provider.keycloak-test.user-name-attribute=preferred_username",
    "spring.kafka.listener.auto-startup=false"})
@AutoConfigureMockMvc
@Import(PortalTestConfig.class)
class PortalAftercarePagesIntegrationTest {

  static final String PLAN = "00000000-0000-4000-a000-0000000000aa";
  static final String PATIENT = "00000000-0000-4000-b000-0000000000bb";
  static final String TASK = "00000000-0000-4000-c000-0000000000cc";

  @Autowired
  MockMvc mvc;

  @Autowired
  FixtureGateway gateway;

  @BeforeEach
  void plan() {
    gateway.clear();
    gateway.answer("/api/intake/v1/patients/" + PATIENT,
        Map.of("givenName", "Avery", "familyName", "Quill", "mrn", "N-000123", "dateOfBirth", "1990-01-01"));
    Map<String, Object> plan = Map.of("planId", PLAN, "patientId", PATIENT, "site", "north", "status", "OPEN",
        "counsellor", "counsellor-north", "medicationPlan", "BUPRENORPHINE", "naloxoneStatus", "PROVIDED",
        "recoverySince", "2026-10-01", "milestones", List.of(
            Map.of("days", 30, "on", "2026-10-31", "reached", true),
            Map.of("days", 90, "on", "2026-12-30", "reached", false)));
    gateway.answer("/api/aftercare/v1/plans/" + PLAN, plan);
    gateway.answer("/api/aftercare/v1/plans/" + PLAN + "/summary", plan);
    gateway.answer("/api/aftercare/v1/caseload?site=north", Map.of("today", "2026-12-02", "plans", 1,
        "openAlerts", 0, "entries", List.of(Map.of("planId", PLAN, "patientId", PATIENT,
            "patient", Map.of("familyName", "Quill", "givenName", "Avery", "mrn", "N-000123"),
            "openAlerts", List.of(), "checkInDue", false, "naloxoneOwed", List.of(), "milestonesReached", List.of(),
            "openOutreach", List.of(Map.of("taskId", TASK, "urgency", "URGENT", "dueAt", "2026-12-02T15:00:00Z",
                "overdue", true))))));
    gateway.answer("/api/aftercare/v1/groups?site=north", List.of());
    gateway.answer("/api/aftercare/v1/plans/" + PLAN + "/check-ins", List.of(Map.of("on", "2026-11-25",
        "cravings", 4, "usedSinceLastCheckIn", false, "mood", "LOW", "phq9Total", 11, "phq9Band", "MODERATE",
        "safetyAlert", false, "housing", "SOBER_LIVING", "employment", "UNEMPLOYED")));
    gateway.answer("/api/aftercare/v1/plans/" + PLAN + "/contingency", Map.of("streak", 2, "nextRewardCents", 750,
        "earnedCents", 1250, "redeemedCents", 500, "balanceCents", 750, "capCents", 50000, "entries", List.of(
            Map.of("occurredOn", "2026-11-20", "kind", "EARNED", "behaviour", "NEGATIVE_SCREEN", "amountCents", 500,
                "streakAfter", 1))));
    gateway.answer("/api/aftercare/v1/plans/" + PLAN + "/relapses", List.of(Map.of("occurredOn", "2026-11-29",
        "kind", "LAPSE", "substance", "FENTANYL", "urgency", "URGENT", "source", "STAFF_REPORT",
        "outreachDueAt", "2026-11-30T15:00:00Z")));
  }

  static OidcLoginRequestPostProcessor as(String username, String role, String... sites) {
    return oidcLogin().idToken(token -> token.claim("preferred_username", username).claim("site", List.of(sites))
        .claim("name", username)).authorities(new SimpleGrantedAuthority("ROLE_" + role));
  }

  static final OidcLoginRequestPostProcessor COUNSELLOR = as("counsellor-north", "counsellor", "north");

  String page(String path, OidcLoginRequestPostProcessor who) throws Exception {
    return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
  }

  /** Neither a link, a form's action nor the title carries the person's name. */
  static void noNameInUrlsOrTitle(String page) {
    var urls = Pattern.compile("(?:href|action)=\"([^\"]*)\"").matcher(page);
    while (urls.find()) {
      assertThat(urls.group(1)).doesNotContainIgnoringCase("quill").doesNotContainIgnoringCase("avery")
          .doesNotContain("N-000123");
    }
    var title = Pattern.compile("<title>([^<]*)</title>").matcher(page);
    assertThat(title.find()).isTrue();
    assertThat(title.group(1)).doesNotContainIgnoringCase("quill").doesNotContain("N-000123");
  }

  @Test
  void theCaseloadRowLeadsByIdToThePlanWithItsMilestonesAndOpenOutreach() throws Exception {
    String site = page("/aftercare/sites/north", COUNSELLOR);
    assertThat(site).contains("href=\"/aftercare/plans/" + PLAN + "\"");
    noNameInUrlsOrTitle(site);

    String plan = page("/aftercare/plans/" + PLAN, COUNSELLOR);
    assertThat(plan).contains("<title>Aftercare plan · RehabNet</title>").contains("Avery Quill").contains("N-000123")
        .contains("BUPRENORPHINE").contains("2026-10-01");
    assertThat(plan).containsPattern("<td>30</td><td>2026-10-31</td>\\s*<td>reached</td>")
        .containsPattern("<td>90</td><td>2026-12-30</td>\\s*<td>not yet</td>");
    assertThat(plan).contains("action=\"/aftercare/plans/" + PLAN + "/outreach/" + TASK + "/done\"")
        .contains("overdue").contains("Mark done");
    noNameInUrlsOrTitle(plan);
  }

  @Test
  void markingOutreachDoneSendsTheTaskWithTheFormsKey() throws Exception {
    String plan = page("/aftercare/plans/" + PLAN, COUNSELLOR);
    String key = hiddenKey(plan);
    mvc.perform(post("/aftercare/plans/" + PLAN + "/outreach/" + TASK + "/done").param("idempotencyKey", key)
        .with(csrf()).with(COUNSELLOR)).andExpect(redirectedUrl("/aftercare/plans/" + PLAN + "?outreachDone"));
    assertThat(gateway.posted).containsExactly("/api/aftercare/v1/plans/" + PLAN + "/relapses/outreach/" + TASK + "/done");
    assertThat(gateway.idempotencyKeys).containsExactly(key);
  }

  @Test
  void checkInsListWhatWasRecordedAndANewOneGoesWithItsKey() throws Exception {
    String page = page("/aftercare/plans/" + PLAN + "/check-ins", COUNSELLOR);
    assertThat(page).contains("<title>Check-ins · RehabNet</title>").contains("2026-11-25").contains("11 (MODERATE)")
        .contains("SOBER_LIVING").contains("<label for=\"cravings\">").contains("<label for=\"phq9_9\">");
    noNameInUrlsOrTitle(page);
    String key = hiddenKey(page);
    mvc.perform(post("/aftercare/plans/" + PLAN + "/check-ins").with(csrf()).with(COUNSELLOR)
        .param("idempotencyKey", key).param("on", "2026-12-02").param("cravings", "3").param("mood", "OK")
        .param("housing", "STABLE").param("employment", "EMPLOYED"))
        .andExpect(redirectedUrl("/aftercare/plans/" + PLAN + "/check-ins?saved"));
    assertThat(gateway.idempotencyKeys).containsExactly(key);
    assertThat(gateway.bodies.getFirst()).isEqualTo(Map.of("on", "2026-12-02", "cravings", 3,
        "usedSinceLastCheckIn", false, "mood", "OK", "housing", "STABLE", "employment", "EMPLOYED"));
  }

  @Test
  void aRefusedCheckInShowsTheProblemInTheFormAndKeepsWhatWasTyped() throws Exception {
    gateway.refuse("POST /api/aftercare/v1/plans/" + PLAN + "/check-ins", 400, Map.of("title", "Invalid request",
        "detail", "substanceUsed is required when use is reported"));
    String page = mvc.perform(post("/aftercare/plans/" + PLAN + "/check-ins").with(csrf()).with(COUNSELLOR)
        .param("idempotencyKey", "3f0e7c4e-5d0a-4a4b-9d7e-2a9b1c1d2e3f").param("on", "2026-12-02")
        .param("cravings", "7").param("usedSinceLastCheckIn", "true").param("mood", "LOW")
        .param("housing", "STABLE").param("employment", "EMPLOYED"))
        .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("substanceUsed is required when use is reported").contains("id=\"record-check-in\"")
        .contains("value=\"7\"");
    // The corrected form is a new request, with a new key.
    assertThat(hiddenKey(page)).isNotEqualTo("3f0e7c4e-5d0a-4a4b-9d7e-2a9b1c1d2e3f");
  }

  @Test
  void theLedgerShowsBalanceAndEntriesAndARefusedEntryShowsItsRule() throws Exception {
    String page = page("/aftercare/plans/" + PLAN + "/contingency", COUNSELLOR);
    assertThat(gateway.windows).as("the ledger read whole, page by page")
        .containsEntry("/api/aftercare/v1/plans/" + PLAN + "/contingency", "default");
    assertThat(page).contains("Balance 7.50 (earned 12.50, redeemed 5.00); streak 2, next reward 7.50")
        .contains("2026-11-20").contains("NEGATIVE_SCREEN").contains("<label for=\"behaviour\">");
    noNameInUrlsOrTitle(page);
    gateway.refuse("/api/aftercare/v1/plans/" + PLAN + "/contingency/behaviours", 409, Map.of("title",
        "Conflict", "detail", "One entry per screen: this screen is already in the ledger."));
    String refused = mvc.perform(post("/aftercare/plans/" + PLAN + "/contingency").with(csrf()).with(COUNSELLOR)
        .param("idempotencyKey", hiddenKey(page)).param("behaviour", "NEGATIVE_SCREEN").param("on", "2026-11-20"))
        .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
    assertThat(refused).contains("One entry per screen: this screen is already in the ledger.")
        .contains("id=\"record-behaviour\"");
  }

  @Test
  void aRelapseReportGoesWithItsKeyAndTheFlagsAsBooleans() throws Exception {
    String page = page("/aftercare/plans/" + PLAN + "/relapses", COUNSELLOR);
    assertThat(page).contains("<title>Lapse or relapse · RehabNet</title>").contains("FENTANYL")
        .contains("STAFF_REPORT").contains("<label for=\"naloxoneUsed\">");
    noNameInUrlsOrTitle(page);
    String key = hiddenKey(page);
    mvc.perform(post("/aftercare/plans/" + PLAN + "/relapses").with(csrf()).with(COUNSELLOR)
        .param("idempotencyKey", key).param("kind", "RELAPSE").param("substance", "FENTANYL")
        .param("occurredOn", "2026-12-01").param("overdose", "true").param("naloxoneUsed", "true"))
        .andExpect(redirectedUrl("/aftercare/plans/" + PLAN + "/relapses?saved"));
    assertThat(gateway.idempotencyKeys).containsExactly(key);
    assertThat(gateway.bodies.getFirst()).isEqualTo(Map.of("kind", "RELAPSE", "substance", "FENTANYL",
        "occurredOn", "2026-12-01", "overdose", true, "naloxoneUsed", true, "overdoseEducationGiven", false,
        "wantsReadmission", false));
  }

  @Test
  void aNurseSeesThePlanSummaryWithoutTheCounsellorsFormsAndCannotPostThem() throws Exception {
    var nurse = as("nurse-north", "nurse", "north");
    String plan = page("/aftercare/plans/" + PLAN, nurse);
    assertThat(plan).contains("2026-10-31").doesNotContain("Mark done").doesNotContain("/outreach/");
    assertThat(gateway.posted).isEmpty();
    // A clinical lead reads the check-ins but is not offered the form either.
    String lead = page("/aftercare/plans/" + PLAN + "/check-ins", as("lead", "clinical-lead", "north"));
    assertThat(lead).contains("2026-11-25").doesNotContain("id=\"record-check-in\"");
    mvc.perform(post("/aftercare/plans/" + PLAN + "/relapses").with(csrf()).with(nurse)
        .param("idempotencyKey", "3f0e7c4e-5d0a-4a4b-9d7e-2a9b1c1d2e3f").param("kind", "LAPSE"))
        .andExpect(status().isForbidden());
    assertThat(gateway.posted).isEmpty();
  }

  @Test
  void aFormWithoutAWellFormedKeyIsA400AndReachesNoService() throws Exception {
    mvc.perform(post("/aftercare/plans/" + PLAN + "/relapses").with(csrf()).with(COUNSELLOR)
        .param("idempotencyKey", "not-a-key").param("kind", "LAPSE")).andExpect(status().isBadRequest());
    mvc.perform(post("/aftercare/plans/" + PLAN + "/check-ins").with(csrf()).with(COUNSELLOR)
        .param("on", "2026-12-02")).andExpect(status().isBadRequest());
    assertThat(gateway.posted).isEmpty();
  }

  static String hiddenKey(String page) {
    var key = Pattern.compile("name=\"idempotencyKey\" value=\"([0-9a-f-]{36})\"").matcher(page);
    assertThat(key.find()).as("the form's Idempotency-Key").isTrue();
    return key.group(1);
  }
}
