package org.rehabnet.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The auditor's search as a browser receives it, with the gateway's answers fixed: a trail longer than
 * a page is read a page at a time with the window's count, older pages are posted like the search, a
 * cursor the page did not give out is a 400 in the form, and the patient id never reaches a URL.
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
class PortalAuditPagesIntegrationTest {

  static final String PATIENT = "00000000-0000-4000-b000-0000000000bb";
  static final String TRAIL = "/api/intake/v1/audit/events?from=2026-11-01T00:00Z&to=2026-12-01T00:00Z&limit=200";
  static final OidcLoginRequestPostProcessor AUDITOR = oidcLogin()
      .idToken(token -> token.claim("preferred_username", "auditor-1").claim("name", "auditor-1"))
      .authorities(new SimpleGrantedAuthority("ROLE_auditor"));

  @Autowired
  MockMvc mvc;

  @Autowired
  FixtureGateway gateway;

  @BeforeEach
  void trail() {
    gateway.clear();
    gateway.answer(TRAIL + "&patientId=" + PATIENT, events(450));
  }

  /** The patient's trail, newest first: event i happened i minutes before the end of November. */
  static List<Map<String, Object>> events(int count) {
    List<Map<String, Object>> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Map<String, Object> event = new LinkedHashMap<>();
      event.put("occurredAt", at(i));
      event.put("actor", "nurse-north");
      event.put("actorRoles", "nurse");
      event.put("action", "READ");
      event.put("resourceType", "Patient");
      event.put("patientId", PATIENT);
      event.put("site", "north");
      event.put("outcome", "SUCCESS");
      events.add(event);
    }
    return events;
  }

  static String at(int event) {
    return Instant.parse("2026-12-01T00:00:00Z").minusSeconds(60L * (event + 1)).toString();
  }

  static MockHttpServletRequestBuilder search(String... fields) {
    MockHttpServletRequestBuilder search = post("/audit").with(csrf()).with(AUDITOR).param("service", "intake")
        .param("from", "2026-11-01").param("to", "2026-11-30").param("patientId", PATIENT);
    for (int i = 0; i < fields.length; i += 2) {
      search.param(fields[i], fields[i + 1]);
    }
    return search;
  }

  String page(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
  }

  static int rows(String page) {
    String body = page.substring(page.indexOf("<tbody>"), page.indexOf("</tbody>"));
    return body.split("<tr>", -1).length - 1;
  }

  /** The value of a hidden field of the "Older events" form. */
  static String hidden(String page, String name) {
    Matcher field = Pattern.compile("<input type=\"hidden\" name=\"" + name + "\" value=\"([^\"]*)\"").matcher(page);
    assertThat(field.find()).as("hidden field %s", name).isTrue();
    return field.group(1);
  }

  static void noPatientIdInAUrl(String page) {
    Matcher urls = Pattern.compile("(?:href|action|src)=\"([^\"]*)\"").matcher(page);
    while (urls.find()) {
      assertThat(urls.group(1)).doesNotContain(PATIENT);
    }
  }

  @Test
  void aTrailLongerThanAPageShowsItsFirst200WithTheWindowsCountAndAnOlderControl() throws Exception {
    String page = page(search());

    assertThat(rows(page)).isEqualTo(200);
    assertThat(page).contains("<span id=\"audit-total\">450</span> events in this window")
        .contains("showing <span id=\"audit-shown\">1–200</span>").contains(at(0)).contains(at(199))
        .doesNotContain(at(200));
    assertThat(page).contains("id=\"older-events-form\"").contains("<button type=\"submit\" id=\"older-events\">"
        + "Older events</button>");
    assertThat(gateway.pages).containsExactly(TRAIL + "&patientId=" + PATIENT);
    noPatientIdInAUrl(page);
  }

  @Test
  void olderEventsArePostedAPageAtATimeToTheLastWhichOffersNoOlder() throws Exception {
    String first = page(search());
    String second = page(search("cursor", hidden(first, "cursor"), "shown", hidden(first, "shown")));

    assertThat(rows(second)).isEqualTo(200);
    assertThat(second).contains("<span id=\"audit-total\">450</span> events in this window")
        .contains("showing <span id=\"audit-shown\">201–400</span>").contains(at(200)).contains(at(399))
        .doesNotContain(at(199)).doesNotContain(at(400)).contains("id=\"older-events\"");
    assertThat(hidden(second, "patientId")).isEqualTo(PATIENT);
    noPatientIdInAUrl(second);

    String last = page(search("cursor", hidden(second, "cursor"), "shown", hidden(second, "shown")));
    assertThat(rows(last)).isEqualTo(50);
    assertThat(last).contains("showing <span id=\"audit-shown\">401–450</span>").contains(at(449))
        .doesNotContain("older-events");
    noPatientIdInAUrl(last);
    // One page read per screen, never the whole trail behind the auditor's back.
    assertThat(gateway.pages).hasSize(3);
    assertThat(gateway.pages.get(1)).startsWith(TRAIL + "&patientId=" + PATIENT + "&cursor=");
  }

  @Test
  void aCursorTamperedToPointElsewhereIsRefusedInTheFormAndNothingIsRead() throws Exception {
    for (String tampered : List.of("https://evil.example/steal", "//evil.example/api/intake/v1/patients",
        "../../v1/patients", "cm93LTIwMA&patientId=00000000-0000-4000-b000-0000000000cc", "cm93LTIwMA#x", "")) {
      String refused = mvc.perform(search("cursor", tampered, "shown", "200")).andExpect(status().isBadRequest())
          .andReturn().getResponse().getContentAsString();
      assertThat(refused).as(tampered).contains("role=\"alert\"")
          .contains("cursor: not a page this search gave out; search again from the newest")
          .doesNotContain("older-events");
    }
    String shownTampered = mvc.perform(search("cursor", "cm93LTIwMA", "shown", "-1"))
        .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
    assertThat(shownTampered).contains("cursor: not a page this search gave out");
    assertThat(gateway.pages).isEmpty();
  }

  @Test
  void aWellFormedCursorTheServiceDidNotWriteIsItsRefusalInTheForm() throws Exception {
    String refused = mvc.perform(search("cursor", "bm90LW91cnM", "shown", "200")).andExpect(status().isBadRequest())
        .andReturn().getResponse().getContentAsString();
    assertThat(refused).contains("cursor: is not a cursor this list gave out; start again without it");
    // The cursor went only to the service the search named, on its audit trail's own path.
    assertThat(gateway.pages).containsExactly(TRAIL + "&patientId=" + PATIENT + "&cursor=bm90LW91cnM");
  }

  @Test
  void aTrailThatDoesNotSayItsCountShowsTheCountAsUnknown() throws Exception {
    gateway.answerUncounted(TRAIL + "&actor=nurse-north", events(3));
    String page = page(post("/audit").with(csrf()).with(AUDITOR).param("service", "intake")
        .param("from", "2026-11-01").param("to", "2026-11-30").param("actor", " nurse-north "));

    assertThat(rows(page)).isEqualTo(3);
    assertThat(page).contains("<span id=\"audit-total\">An unknown number of</span> events in this window")
        .contains("showing <span id=\"audit-shown\">1–3</span>").doesNotContain("older-events");
  }

  @Test
  void aBadDateOrAnUnknownServiceIsStillA400WithItsMessage() throws Exception {
    String badDate = mvc.perform(post("/audit").with(csrf()).with(AUDITOR).param("service", "intake")
        .param("from", "01/11/2026").param("to", "2026-11-30")).andExpect(status().isBadRequest())
        .andReturn().getResponse().getContentAsString();
    assertThat(badDate).contains("from and to: dates as yyyy-mm-dd").doesNotContain("older-events");

    String elsewhere = mvc.perform(post("/audit").with(csrf()).with(AUDITOR).param("service", "gateway")
            .param("from", "2026-11-01").param("to", "2026-11-30").param("patientId", PATIENT)
            .param("cursor", "cm93LTIwMA").param("shown", "200")).andExpect(status().isBadRequest())
        .andReturn().getResponse().getContentAsString();
    assertThat(elsewhere).contains("service: one of intake, monitoring, aftercare");
    assertThat(gateway.pages).isEmpty();
  }
}
