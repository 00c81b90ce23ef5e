package org.rehabnet.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import org.rehabnet.test.tokens.TestIdentityProvider;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every route carries a request through to its service and the answer back, with one real HTTP
 * server playing all three services: the staff routes with their /api/<service> prefix stripped and
 * named in X-Forwarded-Prefix, the partner route as it came, the token relayed. A route whose
 * request the gateway cannot prepare is the circuit breaker's 503, which the door tests cannot tell
 * from an absent service; here it fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProxiedRoutesTest {

  static final TestIdentityProvider IDP = TestIdentityProvider.get();
  static final Map<String, Map<String, String>> SEEN = new ConcurrentHashMap<>();
  static final HttpServer SERVICES = services();

  @DynamicPropertySource
  static void wiring(DynamicPropertyRegistry registry) {
    registry.add("rehabnet.security.issuer-uri", IDP::issuer);
    registry.add("rehabnet.security.jwk-set-uri", IDP::jwkSetUri);
    String url = "http://127.0.0.1:" + SERVICES.getAddress().getPort();
    registry.add("rehabnet.routes.intake", () -> url);
    registry.add("rehabnet.routes.monitoring", () -> url);
    registry.add("rehabnet.routes.aftercare", () -> url);
  }

  @LocalServerPort
  int port;

  @AfterAll
  static void stop() {
    SERVICES.stop(0);
  }

  @Test
  void staffRoutesReachTheirServiceWithThePrefixStrippedAndNamed() {
    ApiClient gateway = new ApiClient("http://localhost:" + port);
    String nurse = IDP.staff("nurse-north", List.of("nurse"), List.of("north"));

    for (String service : List.of("intake", "monitoring", "aftercare")) {
      ApiResponse answer = gateway.get("/api/" + service + "/v1/census", nurse);
      assertThat(answer.status()).as(service + ": " + answer.body()).isEqualTo(200);
      Map<String, String> seen = SEEN.get("/v1/census");
      assertThat(seen.get("x-forwarded-prefix")).isEqualTo("/api/" + service);
      assertThat(seen.get("authorization")).isEqualTo("Bearer " + nurse);
    }
  }

  @Test
  void thePartnerRouteReachesAftercareAsItCame() {
    ApiClient gateway = new ApiClient("http://localhost:" + port);
    String partner = IDP.partner("partner-harbor", "harbor-house");

    ApiResponse answer = gateway.get("/partner/v1/CarePlan", partner);

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(SEEN.get("/partner/v1/CarePlan").get("authorization")).isEqualTo("Bearer " + partner);
  }

  private static HttpServer services() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.createContext("/", exchange -> {
        Map<String, String> headers = new ConcurrentHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.getFirst()));
        SEEN.put(exchange.getRequestURI().getPath(), headers);
        exchange.getRequestBody().readAllBytes();
        byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
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
