package org.rehabnet.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import org.rehabnet.test.tokens.TestIdentityProvider;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The role matrix at the door, with real signed tokens from a local issuer (Keycloak's own tokens
 * are tried end to end in e2e-tests): who reaches which side, and that every refusal is
 * problem+json. No service runs here, so a request that passes the door meets the circuit breaker's
 * 503 problem.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "rehabnet.routes.intake=http://127.0.0.1:1", "rehabnet.routes.monitoring=http://127.0.0.1:1",
    "rehabnet.routes.aftercare=http://127.0.0.1:1"})
class DoorAuthorizationTest {

  static final TestIdentityProvider IDP = TestIdentityProvider.get();

  @DynamicPropertySource
  static void issuer(DynamicPropertyRegistry registry) {
    registry.add("rehabnet.security.issuer-uri", IDP::issuer);
    registry.add("rehabnet.security.jwk-set-uri", IDP::jwkSetUri);
  }

  @LocalServerPort
  int port;

  ApiClient gateway;

  @BeforeEach
  void client() {
    gateway = new ApiClient("http://localhost:" + port);
  }

  @Test
  void withoutATokenEverythingButHealthAndApiDocsIs401Problem() {
    ApiResponse response = gateway.get("/api/intake/v1/admissions/x", null);

    assertProblem(response, 401, "unauthorized");
    assertThat(response.header("x-request-id")).isNotBlank();
    assertThat(gateway.get("/actuator/health", null).status()).isEqualTo(200);
  }

  @Test
  void aMalformedBearerTokenIs401ProblemAndReachesNoService() {
    String nurse = IDP.staff("nurse-north", List.of("nurse"), List.of("north"));

    for (String malformed : List.of(nurse + " " + nurse, nurse + "!", nurse + "=x", "")) {
      ApiResponse response = gateway.get("/api/monitoring/v1/episodes/x", malformed);
      assertProblem(response, 401, "unauthorized");
      assertThat(response.header("www-authenticate")).as(malformed).contains("invalid_token");
    }
    // The same token well formed passes the door and meets the (absent) service.
    assertProblem(gateway.get("/api/monitoring/v1/episodes/x", nurse), 503, "service-unavailable");
  }

  @Test
  void staffReachTheStaffApiButNotThePartnerApi() {
    String nurse = IDP.staff("nurse-north", List.of("nurse"), List.of("north"));

    assertProblem(gateway.get("/api/monitoring/v1/episodes/x", nurse), 503, "service-unavailable");
    assertProblem(gateway.get("/partner/v1/metadata", nurse), 403, "forbidden");
  }

  @Test
  void partnersReachOnlyThePartnerApi() {
    String partner = IDP.partner("partner-harbor", "harbor-house");

    assertProblem(gateway.get("/api/intake/v1/patients/x", partner), 403, "forbidden");
    assertProblem(gateway.get("/partner/v1/metadata", partner), 503, "service-unavailable");
  }

  @Test
  void auditorsReachOnlyTheAuditEndpoints() {
    String auditor = IDP.staff("auditor", List.of("auditor"), List.of());

    assertProblem(gateway.get("/api/intake/v1/patients/x", auditor), 403, "forbidden");
    assertProblem(gateway.get("/api/intake/v1/audit/events", auditor), 503, "service-unavailable");
    assertProblem(gateway.get("/api/intake/v1/audit/events", IDP.staff("nurse-north", List.of("nurse"),
        List.of("north"))), 403, "forbidden");
  }

  @Test
  void theRecordsTeamReachesOnlyItsTwoIntakeDoors() {
    String records = IDP.staff("records", List.of("records-officer"), List.of());
    String coordinator = IDP.staff("intake-north", List.of("intake-coordinator"), List.of("north"));

    assertProblem(gateway.get("/api/intake/v1/possible-duplicates", records), 503, "service-unavailable");
    assertProblem(gateway.post("/api/intake/v1/patients/x/site-links", records, "{}"), 503, "service-unavailable");
    assertProblem(gateway.get("/api/intake/v1/patients/x", records), 403, "forbidden");
    assertProblem(gateway.get("/api/monitoring/v1/episodes/x", records), 403, "forbidden");
    assertProblem(gateway.get("/api/intake/v1/possible-duplicates", coordinator), 403, "forbidden");
    assertProblem(gateway.post("/api/intake/v1/patients/x/site-links", coordinator, "{}"), 403, "forbidden");
  }

  @Test
  void unknownPathsAreDeniedAndOversizedBodiesRefused() {
    String lead = IDP.staff("lead", List.of("clinical-lead"), List.of("north", "south"));

    assertProblem(gateway.get("/internal/anything", lead), 403, "forbidden");
    assertProblem(gateway.post("/api/intake/v1/patients", lead, "\"" + "x".repeat(1_100_000) + "\""), 413,
        "payload-too-large");
  }

  private static void assertProblem(ApiResponse response, int status, String type) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.isProblem()).isTrue();
    assertThat(response.json().get("type").asString()).isEqualTo("https://rehabnet.example/problems/" + type);
  }
}
