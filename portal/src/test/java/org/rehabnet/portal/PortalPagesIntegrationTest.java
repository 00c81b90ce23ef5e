package org.rehabnet.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rehabnet.portal.gateway.FixtureGateway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The portal's pages as a browser receives them, with the gateway's answers fixed: what each role
 * sees, the strict CSP and CSRF, the census's 204 when nothing changed, the refused dose in its cell,
 * and the idle logoff that background polls do not hold off.
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
class PortalPagesIntegrationTest {

  @Autowired
  MockMvc mvc;

  @Autowired
  FixtureGateway gateway;

  @Autowired
  PortalTestConfig.MovableClock clock;

  @BeforeEach
  void ward() {
    gateway.clear();
    Ward.census(gateway, 12, clock.instant());
    Ward.chart(gateway, 3, 2, clock.instant());
  }

  static OidcLoginRequestPostProcessor as(String username, String role, String... sites) {
    return oidcLogin().idToken(token -> token.claim("preferred_username", username).claim("site", List.of(sites))
        .claim("name", username)).authorities(new SimpleGrantedAuthority("ROLE_" + role));
  }

  @Test
  void theCensusListsEveryBedWithItsPatientAndBandsAndAnswers204WhenNothingChanged() throws Exception {
    MockHttpSession session = new MockHttpSession();
    String page = mvc.perform(get("/ward/north").with(as("nurse-north", "nurse", "north")).session(session))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("Family7", "RN-1007", "band-mild", "news2-emergency", "Record round",
        "hx-trigger=\"every 30s, sse:census\"", "sse-connect=\"/ward/north/signals\"");
    assertThat(page).containsPattern("<title>Ward census · RehabNet</title>");

    mvc.perform(get("/ward/north/census").header("HX-Request", "true").header("X-Rehabnet-Background", "census")
        .with(as("nurse-north", "nurse", "north")).session(session)).andExpect(status().isNoContent());

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> census = new java.util.ArrayList<>(
        (List<Map<String, Object>>) (List<?>) gateway.listAs("", "/api/monitoring/v1/sites/north/census"));
    Map<String, Object> changed = new java.util.HashMap<>(census.getFirst());
    changed.put("openAlerts", 2);
    census.set(0, changed);
    gateway.answer("/api/monitoring/v1/sites/north/census", census);
    String rows = mvc.perform(get("/ward/north/census").header("HX-Request", "true")
        .header("X-Rehabnet-Background", "census").with(as("nurse-north", "nurse", "north")).session(session))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(rows).startsWith("<tbody").contains("has-alerts");
  }

  @Test
  void aPhysicianSeesNoRoundButtonAndAnotherSitesWardIsNotFound() throws Exception {
    String page = mvc.perform(get("/ward/north").with(as("physician-north", "physician", "north")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(page).doesNotContain("Record round");

    gateway.refuse("/api/monitoring/v1/sites/south/census", 404, Map.of("title", "Not found"));
    String refused = mvc.perform(get("/ward/south").with(as("nurse-north", "nurse", "north")))
        .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
    assertThat(refused).contains("<h1>Not found</h1>").doesNotContain("Family");
  }

  @Test
  void aGatewayOutOfReachIsAPageSaying503WithWhatToDoNotAnErrorPage() throws Exception {
    gateway.refuse("/api/monitoring/v1/sites/north/census", 503, Map.of("title",
        "The platform cannot be reached right now", "detail", "Nothing was sent. Try again in a moment."));

    var answer = mvc.perform(get("/ward/north").with(as("nurse-north", "nurse", "north")))
        .andExpect(status().isServiceUnavailable()).andReturn().getResponse();

    assertThat(answer.getHeader("Retry-After")).isEqualTo("5");
    assertThat(answer.getContentAsString()).contains("<h1>The platform cannot be reached right now</h1>",
        "Nothing was sent. Try again in a moment.");
  }

  @Test
  void theChartDrawsNews2CellsBySubScoreTheCowsBandsAndEachDoseOnOneScreen() throws Exception {
    String chart = mvc.perform(get("/chart/" + Ward.episode(3)).with(as("nurse-north", "nurse", "north")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(chart).contains("<title>Detox chart · RehabNet</title>", "Family3");
    assertThat(chart).contains("class=\"news2-chart\"", "fill=\"#ffc98a\"", "Respirations /min", "NEWS2 total");
    assertThat(chart).contains("class=\"cows-chart\"", "mild 5-12", "moderate 13-24", "mod. severe 25-36",
        "severe &gt;36", "Dose: buprenorphine 4 mg");
    assertThat(chart).contains("class=\"vitals-chart\"", "Medication record", "name=\"doseMg\"");
    assertThat(chart).doesNotContain("<script>").doesNotContain("style=\"");
    String sevenDays = clock.instant().minus(java.time.Duration.ofDays(7)).toString();
    String episode = "/api/monitoring/v1/episodes/" + Ward.episode(3);
    assertThat(gateway.windows).as("the chart asks for the seven days it shows").containsEntry(
        episode + "/vital-signs", sevenDays).containsEntry(episode + "/withdrawal-trend", sevenDays)
        .containsEntry(episode + "/administrations", sevenDays).containsEntry(episode + "/alerts", "default");
  }

  @Test
  void aRefusedDoseStaysInItsCellWithItsRuleAndOnlyAPhysicianIsOfferedTheOverride() throws Exception {
    String path = "/api/monitoring/v1/episodes/" + Ward.episode(3) + "/administrations";
    gateway.refuse(path, 422, Map.of("type", "https://rehabnet.example/problems/unsafe-dose", "title", "Unsafe dose",
        "detail", "The minimum interval between doses has not passed", "rule", "MINIMUM_INTERVAL",
        "rules", List.of("MINIMUM_INTERVAL"), "overridable", true));
    var give = post("/chart/" + Ward.episode(3) + "/doses").param("orderId", "00000000-0000-4000-d000-000000000001")
        .param("drug", "BUPRENORPHINE").param("route", "SUBLINGUAL").param("doseMg", "4")
        .header("HX-Request", "true").with(csrf());

    String nurse = mvc.perform(give.with(as("nurse-north", "nurse", "north"))).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(nurse).contains("Refused", "MINIMUM_INTERVAL", "minimum interval").doesNotContain("overrideReason");

    String physician = mvc.perform(give.with(as("physician-north", "physician", "north"))).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(physician).contains("MINIMUM_INTERVAL", "name=\"overrideReason\"", "Give with override");
  }

  @Test
  void aDoseSentAgainFromTheSameCellGoesWithTheSameKeySoTheWardChartsOneAdministration() throws Exception {
    String chart = mvc.perform(get("/chart/" + Ward.episode(3)).with(as("physician-north", "physician", "north")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    List<String> keys = hiddenKeys(chart);
    assertThat(keys).as("the dose cell, the new order and the discharge each carry a key").hasSizeGreaterThanOrEqualTo(3)
        .doesNotHaveDuplicates();
    var give = post("/chart/" + Ward.episode(3) + "/doses").param("orderId", "00000000-0000-4000-d000-000000000001")
        .param("drug", "BUPRENORPHINE").param("route", "SUBLINGUAL").param("doseMg", "4")
        .param("idempotencyKey", keys.getFirst()).header("HX-Request", "true").with(csrf())
        .with(as("nurse-north", "nurse", "north"));

    mvc.perform(give).andExpect(status().isOk());
    mvc.perform(give).andExpect(status().isOk());

    // The service answers the second with the first administration (IdempotentChartingIntegrationTest).
    assertThat(gateway.idempotencyKeys).containsExactly(keys.getFirst(), keys.getFirst());
    assertThat(gateway.bodies.get(0)).isEqualTo(gateway.bodies.get(1));
  }

  @Test
  void aRoundSendsEachOfItsPartsWithItsOwnKeyAndARefusedRoundKeepsTheKeySoNothingIsChartedTwice() throws Exception {
    String form = mvc.perform(get("/chart/" + Ward.episode(3) + "/round").with(as("nurse-north", "nurse", "north")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    String key = hiddenKeys(form).getFirst();
    gateway.refuse("POST /api/monitoring/v1/episodes/" + Ward.episode(3) + "/cows-assessments", 400,
        Map.of("title", "Invalid request", "detail", "the COWS was refused"));

    String refused = mvc.perform(validRound(key)).andExpect(status().isBadRequest()).andReturn().getResponse()
        .getContentAsString();

    assertThat(gateway.idempotencyKeys).containsExactly(key + "-vital-signs", key + "-observation", key + "-cows");
    assertThat(hiddenKeys(refused)).as("resubmitting resends the parts already charted under their first keys")
        .containsExactly(key);
  }

  @Test
  void aRegistrationAndAReferralGoWithTheKeysTheirFormsCarried() throws Exception {
    var intake = as("intake-north", "intake-coordinator", "north");
    String form = mvc.perform(get("/intake/registration").with(intake)).andExpect(status().isOk()).andReturn()
        .getResponse().getContentAsString();
    String key = hiddenKeys(form).getFirst();
    gateway.answer("POST /api/intake/v1/patients", Map.of("patientId", "00000000-0000-4000-a000-00000000aaaa"));

    mvc.perform(post("/intake/registration").with(csrf()).with(intake).param("idempotencyKey", key)
        .param("givenName", "Ana").param("familyName", "Reyes").param("dateOfBirth", "1990-04-02").param("site", "north"))
        .andExpect(redirectedUrl("/intake/patients/00000000-0000-4000-a000-00000000aaaa"));

    assertThat(gateway.idempotencyKeys).containsExactly(key);
  }

  private MockHttpServletRequestBuilder validRound(String key) {
    return post("/chart/" + Ward.episode(3) + "/round").with(csrf()).with(as("nurse-north", "nurse", "north"))
        .param("idempotencyKey", key).param("respirationRate", "16").param("spo2", "97").param("systolic", "120")
        .param("diastolic", "80").param("pulse", "88").param("consciousness", "ALERT").param("temperature", "37.0")
        .param("sweating", "1").param("restlessness", "1").param("pupilSize", "1")
        .param("boneJointAches", "1").param("runnyNose", "1").param("giUpset", "1").param("tremor", "1")
        .param("yawning", "1").param("anxiety", "1").param("gooseflesh", "0");
  }

  private static List<String> hiddenKeys(String page) {
    var key = java.util.regex.Pattern.compile("name=\"idempotencyKey\" value=\"([0-9a-f-]{36})\"").matcher(page);
    List<String> keys = new java.util.ArrayList<>();
    while (key.find()) {
      keys.add(key.group(1));
    }
    return keys;
  }

  @Test
  void everyPageCarriesTheStrictCspAndAFormWithoutItsCsrfTokenIsRefused() throws Exception {
    mvc.perform(get("/ward/north").with(as("nurse-north", "nurse", "north")))
        .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.allOf(
            org.hamcrest.Matchers.containsString("script-src 'self'"),
            org.hamcrest.Matchers.containsString("style-src 'self'"),
            org.hamcrest.Matchers.containsString("frame-ancestors 'none'"))))
        .andExpect(header().string("X-Frame-Options", "DENY"));
    mvc.perform(post("/chart/" + Ward.episode(3) + "/round").with(as("nurse-north", "nurse", "north")))
        .andExpect(status().isForbidden());
    assertThat(gateway.posted).isEmpty();
  }

  @Test
  void anObservationRoundOutOfRangeChartsNothingAndNamesTheField() throws Exception {
    String page = mvc.perform(post("/chart/" + Ward.episode(3) + "/round").with(csrf())
        .with(as("nurse-north", "nurse", "north")).param("respirationRate", "16").param("spo2", "97")
        .param("systolic", "80").param("diastolic", "90").param("pulse", "88").param("consciousness", "ALERT")
        .param("temperature", "37.0").param("sweating", "1").param("restlessness", "2").param("pupilSize", "1")
        .param("boneJointAches", "1").param("runnyNose", "1").param("giUpset", "1").param("tremor", "1")
        .param("yawning", "1").param("anxiety", "1").param("gooseflesh", "0"))
        .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("Nothing was charted", "diastolic: must be below systolic", "restlessness: one of");
    assertThat(gateway.posted).isEmpty();
  }

  @Test
  void aSessionIdleFor15MinutesIsLoggedOffAndBackgroundPollsDoNotKeepItOpen() throws Exception {
    MockHttpSession session = new MockHttpSession();
    var nurse = as("nurse-north", "nurse", "north");
    mvc.perform(get("/ward/north").with(nurse).session(session)).andExpect(status().isOk());
    for (int poll = 0; poll < 30; poll++) {
      clock.advance(Duration.ofSeconds(30));
      mvc.perform(get("/ward/north/census").header("HX-Request", "true").header("X-Rehabnet-Background", "census")
          .with(nurse).session(session)).andExpect(status().isNoContent());
    }
    clock.advance(Duration.ofSeconds(30));
    mvc.perform(get("/ward/north/census").header("HX-Request", "true").header("X-Rehabnet-Background", "census")
        .with(nurse).session(session)).andExpect(status().isUnauthorized())
        .andExpect(header().string("HX-Redirect", "/signed-out?idle"));
    assertThat(session.isInvalid()).isTrue();
  }

  @Test
  void aUserActionWithinTheIdleTimeKeepsTheSessionOpen() throws Exception {
    MockHttpSession session = new MockHttpSession();
    var nurse = as("nurse-north", "nurse", "north");
    mvc.perform(get("/ward/north").with(nurse).session(session)).andExpect(status().isOk());
    clock.advance(Duration.ofMinutes(14));
    mvc.perform(post("/session/keep-alive").with(csrf()).with(nurse).session(session))
        .andExpect(status().isNoContent());
    clock.advance(Duration.ofMinutes(14));
    mvc.perform(get("/chart/" + Ward.episode(3)).with(nurse).session(session)).andExpect(status().isOk());
    clock.advance(Duration.ofMinutes(16));
    mvc.perform(get("/chart/" + Ward.episode(3)).with(nurse).session(session))
        .andExpect(redirectedUrl("/signed-out?idle"));
  }
}
