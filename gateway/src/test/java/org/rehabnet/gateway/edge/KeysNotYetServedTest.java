package org.rehabnet.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import org.rehabnet.test.tokens.TestIdentityProvider;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway started before Keycloak serves its keys, as when both start together: while the keys
 * cannot be had, a valid token is answered 503 problem+json with Retry-After (not 500, and not 401,
 * which would send the client to sign in again); within seconds of the keys appearing it is let in,
 * although the warm-up and the refused attempts came first.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "rehabnet.gateway.warm-up.requests=150", "rehabnet.routes.intake=http://127.0.0.1:1",
    "rehabnet.routes.aftercare=http://127.0.0.1:1"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeysNotYetServedTest {

  static final TestIdentityProvider IDP = startingIdentityProvider();
  static final HttpServer MONITORING = monitoring();

  @DynamicPropertySource
  static void wiring(DynamicPropertyRegistry registry) {
    registry.add("rehabnet.security.issuer-uri", IDP::issuer);
    registry.add("rehabnet.security.jwk-set-uri", IDP::jwkSetUri);
    registry.add("rehabnet.routes.monitoring", () -> "http://127.0.0.1:" + MONITORING.getAddress().getPort());
  }

  @LocalServerPort
  int port;

  @AfterAll
  static void stop() {
    MONITORING.stop(0);
    IDP.close();
  }

  @Test
  @Order(1)
  void withoutTheRealmsKeysAValidTokenIsAnOutageToTryAgainNotABadToken(CapturedOutput output) {
    ApiClient gateway = new ApiClient("http://localhost:" + port);
    String nurse = IDP.staff("nurse-north", List.of("nurse"), List.of("north"));

    for (int attempt = 0; attempt < 5; attempt++) {
      ApiResponse read = gateway.get("/api/monitoring/v1/episodes/known", nurse);

      assertThat(read.status()).as(read.body()).isEqualTo(503);
      assertThat(read.header("Content-Type")).startsWith("application/problem+json");
      assertThat(read.header("Retry-After")).isEqualTo("5");
      assertThat(read.body()).contains("Tokens cannot be verified right now");
    }
    assertThat(output.getAll()).as("the warm-up sent no token it could not sign under a real key id")
        .contains("it warms routing only");
  }

  @Test
  @Order(2)
  void withinSecondsOfTheKeysAppearingTheSameTokenIsLetIn() {
    ApiClient gateway = new ApiClient("http://localhost:" + port);
    String nurse = IDP.staff("nurse-north", List.of("nurse"), List.of("north"));
    IDP.serveKeySet(true);
    long served = System.nanoTime();

    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
        .until(() -> gateway.get("/api/monitoring/v1/episodes/known", nurse).status() == 200);

    assertThat(Duration.ofNanos(System.nanoTime() - served)).isLessThan(Duration.ofSeconds(3));
  }

  private static TestIdentityProvider startingIdentityProvider() {
    TestIdentityProvider idp = TestIdentityProvider.startNew();
    idp.serveKeySet(false);
    return idp;
  }

  private static HttpServer monitoring() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/", exchange -> {
        boolean known = exchange.getRequestURI().getPath().equals("/v1/episodes/known");
        byte[] body = (known ? "{\"episodeId\":\"known\"}" : "{\"status\":404,\"title\":\"Not found\"}")
            .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", known ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(known ? 200 : 404, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      });
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
