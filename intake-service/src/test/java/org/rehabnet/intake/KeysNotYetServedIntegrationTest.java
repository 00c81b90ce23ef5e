package org.rehabnet.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import org.rehabnet.test.infra.RehabnetIntegrationTest;
import org.rehabnet.test.tokens.TestIdentityProvider;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service whose realm does not serve its keys yet (Keycloak still starting) answers a valid token
 * with 503 problem+json and Retry-After, not with a 500 from the bearer filter and not with a 401
 * that would send the client to sign in again; and lets it in within seconds of the keys appearing.
 */
@RehabnetIntegrationTest(database = "intake")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeysNotYetServedIntegrationTest {

  static final TestIdentityProvider STARTING = startingIdentityProvider();

  @DynamicPropertySource
  static void realmStillStarting(DynamicPropertyRegistry registry) {
    registry.add("rehabnet.security.issuer-uri", STARTING::issuer);
    registry.add("rehabnet.security.jwk-set-uri", STARTING::jwkSetUri);
  }

  @LocalServerPort
  int port;

  @AfterAll
  static void stop() {
    STARTING.close();
  }

  @Test
  @Order(1)
  void aValidTokenIsAnOutageToTryAgainWhileTheKeysCannotBeHad() {
    ApiClient intake = new ApiClient("http://localhost:" + port);
    String coordinator = STARTING.staff("intake-north", List.of("intake-coordinator"), List.of("north"));

    for (int attempt = 0; attempt < 3; attempt++) {
      ApiResponse read = intake.get("/v1/patients/00000000-0000-0000-0000-000000000001", coordinator);

      assertThat(read.status()).as(read.body()).isEqualTo(503);
      assertThat(read.header("Content-Type")).startsWith("application/problem+json");
      assertThat(read.header("Retry-After")).isEqualTo("5");
    }
  }

  @Test
  @Order(2)
  void theSameTokenIsLetInOnceTheKeysAreServed() {
    ApiClient intake = new ApiClient("http://localhost:" + port);
    String coordinator = STARTING.staff("intake-north", List.of("intake-coordinator"), List.of("north"));
    STARTING.serveKeySet(true);

    // Let in: an unknown patient is the service's own 404, past the token check.
    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).until(() ->
        intake.get("/v1/patients/00000000-0000-0000-0000-000000000001", coordinator).status() == 404);
  }

  private static TestIdentityProvider startingIdentityProvider() {
    TestIdentityProvider idp = TestIdentityProvider.startNew();
    idp.serveKeySet(false);
    return idp;
  }
}
