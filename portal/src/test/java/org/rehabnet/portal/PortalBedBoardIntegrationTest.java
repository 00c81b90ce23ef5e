package org.rehabnet.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rehabnet.portal.PortalPagesIntegrationTest.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rehabnet.portal.gateway.FixtureGateway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The bed board as the site admin keeps it: a bed out of service with its reason and back, a new
 * ward and bed, a bed renamed, and a refusal shown on the board; what a nurse is not offered.
 */
@SpringBootTest(properties = {
    "spring.security.oauth2.client.registration.keycloak.provider=keycloak-test",
    "spring.security.oauth2.client.provider.keycloak-test.authorization-uri=http://keycloak.test/realms/rehabnet/protocol/openid-connect/auth",
    "spring.security.oauth2.client.provider.keycloak-test.token-uri=http://keycloak.test/realms/rehabnet/protocol/openid-connect/token",
    "spring.security.oauth2.client.provider.keycloak-test.jwk-set-uri=http://keycloak.test/realms/rehabnet/protocol/openid-connect/certs",
    "spring.security.oauth2.client.provider.keycloak-test.user-info-uri=http://keycloak.test/realms/rehabnet/protocol/openid-connect/userinfo",
    "spring.security.oauth2.client.provider.keycloak-test.user-name-attribute=preferred_username",
    "spring.kafka.listener.auto-startup=false"})
@AutoConfigureMockMvc
@Import(PortalTestConfig.class)
class PortalBedBoardIntegrationTest {

  @Autowired
  MockMvc mvc;

  @Autowired
  FixtureGateway gateway;

  @BeforeEach
  void board() {
    gateway.clear();
    gateway.answer("/api/intake/v1/sites/north/beds", List.of(
        bed("A", "A-01", "FREE", null), bed("A", "A-02", "OCCUPIED", null), bed("B", "B-01", "OUT_OF_SERVICE", "deep clean")));
    gateway.answer("/api/intake/v1/sites/north/wards", List.of(Map.of("code", "A", "name", "Ward A", "beds", 2, "free", 1),
        Map.of("code", "B", "name", "Ward B", "beds", 1, "free", 0)));
  }

  @Test
  void theSiteAdminTakesAFreeBedOutOfServiceBringsOneBackAndRenamesNoOccupiedBed() throws Exception {
    String page = mvc.perform(get("/intake/sites/north/beds").with(as("admin-north", "site-admin", "north")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("/intake/sites/north/beds/A-01/out-of-service", "Back in service: B-01",
        "/intake/sites/north/beds/A-01/rename", "/intake/sites/north/beds/B-01/rename", "id=\"add-ward\"",
        "Ward B, 1 beds, 0 free").doesNotContain("/intake/sites/north/beds/A-02/");

    mvc.perform(post("/intake/sites/north/beds/A-01/out-of-service").param("reason", " broken frame ").with(csrf())
        .with(as("admin-north", "site-admin", "north"))).andExpect(redirectedUrl("/intake/sites/north/beds#bed-board"));
    mvc.perform(post("/intake/sites/north/beds/B-01/in-service").with(csrf())
        .with(as("admin-north", "site-admin", "north"))).andExpect(redirectedUrl("/intake/sites/north/beds#bed-board"));

    assertThat(gateway.posted).containsExactly("/api/intake/v1/sites/north/beds/A-01/out-of-service",
        "/api/intake/v1/sites/north/beds/B-01/in-service");
  }

  @Test
  void aNewWardAndBedGoWithTheirFormsKeysAndARefusalIsShownOnTheBoard() throws Exception {
    var admin = as("admin-north", "site-admin", "north");
    mvc.perform(post("/intake/sites/north/wards").param("code", "C").param("name", "Ward C")
        .param("idempotencyKey", "3f0e7c4e-5d0a-4a4b-9d7e-2a9b1c1d2e3f").with(csrf()).with(admin))
        .andExpect(redirectedUrl("/intake/sites/north/beds#bed-board"));
    gateway.refuse("POST /api/intake/v1/sites/north/wards/C/beds", 409, Map.of("title", "Conflict",
        "detail", "Site north already has a bed A-01", "rule", "bed-code-taken"));

    String refused = mvc.perform(post("/intake/sites/north/bed-additions").param("ward", "C").param("code", "A-01")
        .param("idempotencyKey", "4f0e7c4e-5d0a-4a4b-9d7e-2a9b1c1d2e3f").with(csrf()).with(admin))
        .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();

    assertThat(refused).contains("id=\"bed-problem\"", "Site north already has a bed A-01");
    assertThat(gateway.idempotencyKeys).containsExactly("3f0e7c4e-5d0a-4a4b-9d7e-2a9b1c1d2e3f",
        "4f0e7c4e-5d0a-4a4b-9d7e-2a9b1c1d2e3f");
    assertThat(gateway.bodies).containsExactly(Map.of("code", "C", "name", "Ward C"), Map.of("code", "A-01"));
  }

  @Test
  void aNurseSeesTheBoardWithoutAnyChange() throws Exception {
    String page = mvc.perform(get("/intake/sites/north/beds").with(as("nurse-north", "nurse", "north")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("id=\"bed-board\"", "deep clean").doesNotContain("out-of-service\"", "rename",
        "add-ward", "Back in service");
  }

  private static Map<String, Object> bed(String ward, String code, String status, @Nullable String reason) {
    Map<String, Object> bed = new HashMap<>();
    bed.put("ward", ward);
    bed.put("code", code);
    bed.put("status", status);
    bed.put("outOfServiceReason", reason);
    return bed;
  }
}
