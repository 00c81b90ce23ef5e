package org.rehabnet.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import org.rehabnet.test.tokens.TestIdentityProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The warm-up before readiness goes through the real door and leaves no trace a person would act
 * on: its token is refused at the door (no staff route ever reaches a service), only the API
 * document of an unknown group is proxied, the access log and the request meters do not show it, and
 * its header cannot be guessed by a client that wants to hide from the access log.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "rehabnet.gateway.warm-up.requests=150", "rehabnet.routes.intake=http://127.0.0.1:1",
    "rehabnet.routes.aftercare=http://127.0.0.1:1"})
class WarmUpBeforeReadyTest {

  static final TestIdentityProvider IDP = TestIdentityProvider.get();
  static final Queue<String> RECEIVED = new ConcurrentLinkedQueue<>();
  static final HttpServer MONITORING = monitoring();

  @DynamicPropertySource
  static void wiring(DynamicPropertyRegistry registry) {
    registry.add("rehabnet.security.issuer-uri", IDP::issuer);
    registry.add("rehabnet.security.jwk-set-uri", IDP::jwkSetUri);
    registry.add("rehabnet.routes.monitoring", () -> "http://127.0.0.1:" + MONITORING.getAddress().getPort());
  }

  @LocalServerPort
  int port;

  @Autowired
  MeterRegistry meters;

  @AfterAll
  static void stop() {
    MONITORING.stop(0);
  }

  @Test
  void theWarmUpIsRefusedAtTheDoorAndOnlyAnUnknownApiDocumentReachesTheService(CapturedOutput output) {
    assertThat(output.getAll()).contains("Warmed up with 150 requests").contains("services answering: monitoring");
    assertThat(RECEIVED).as("the service answered the proxied warm-up").isNotEmpty()
        .as("no refused staff read reached a service").allMatch(path -> path.equals("/v3/api-docs/warm-up"));
    assertThat(output.getAll()).as("the warm-up's refused reads are all 401").doesNotContain("were not 401");
  }

  @Test
  void theAccessLogAndTheRequestMetersShowOnlyRealRequests(CapturedOutput output) {
    assertThat(output.getAll()).as("no warm-up request in the access log").doesNotContain("/v3/api-docs/warm-up")
        .doesNotContain("/v1/patients/");
    assertThat(meters.find("http.server.requests").tag("status", "401").timers())
        .as("no 401 counted before the first real request").isEmpty();

    ApiClient gateway = new ApiClient("http://localhost:" + port);
    // A client that names the header without this instance's random value is a client like any other.
    ApiResponse guessed = gateway.send("GET", "/api/monitoring/v1/patients/guessed", "not-a-token", null,
        Map.of(WarmUpBeforeReady.HEADER, "true"));

    assertThat(guessed.status()).isEqualTo(401);
    // Both are written as the exchange completes, which may be just after the client has its answer.
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      assertThat(output.getAll()).contains("GET /api/monitoring/v1/patients/guessed 401");
      assertThat(meters.find("http.server.requests").tag("status", "401").timers()).hasSize(1);
    });
  }

  @Test
  void aRealStaffReadIsLetInAfterTheWarmUp() {
    ApiClient gateway = new ApiClient("http://localhost:" + port);
    String nurse = IDP.staff("nurse-north", List.of("nurse"), List.of("north"));

    ApiResponse read = gateway.get("/api/monitoring/v1/episodes/known", nurse);

    assertThat(read.status()).as(read.body()).isEqualTo(200);
    assertThat(RECEIVED).contains("/v1/episodes/known");
  }

  private static HttpServer monitoring() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.createContext("/", exchange -> {
        String path = exchange.getRequestURI().getPath();
        RECEIVED.add(path);
        boolean known = path.equals("/v1/episodes/known");
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
