package org.rehabnet.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
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
 * A slow service costs its caller the upstream timeout and no more: 504 problem+json, the slow read
 * not retried, and the gateway's own request id and traceparent on whatever it answers. A real HTTP
 * server plays monitoring-service: quick on one path, slower than the timeout on another.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "rehabnet.gateway.upstream-timeout=2s", "rehabnet.routes.intake=http://127.0.0.1:1",
    "rehabnet.routes.aftercare=http://127.0.0.1:1"})
class UpstreamFailureTest {

  static final TestIdentityProvider IDP = TestIdentityProvider.get();
  static final AtomicInteger SLOW_CALLS = new AtomicInteger();
  static final HttpServer SERVICE = service();

  @DynamicPropertySource
  static void wiring(DynamicPropertyRegistry registry) {
    registry.add("rehabnet.security.issuer-uri", IDP::issuer);
    registry.add("rehabnet.security.jwk-set-uri", IDP::jwkSetUri);
    registry.add("rehabnet.routes.monitoring", () -> "http://127.0.0.1:" + SERVICE.getAddress().getPort());
  }

  @LocalServerPort
  int port;

  ApiClient gateway;
  String nurse;

  @BeforeEach
  void client() {
    gateway = new ApiClient("http://localhost:" + port);
    nurse = IDP.staff("nurse-north", List.of("nurse"), List.of("north"));
  }

  @AfterAll
  static void stop() {
    SERVICE.stop(0);
  }

  @Test
  void aServiceSlowerThanTheTimeoutIs504ProblemWithinTheTimeoutAndIsNotRetried() {
    SLOW_CALLS.set(0);
    long started = System.nanoTime();

    ApiResponse response = gateway.get("/api/monitoring/v1/slow", nurse);

    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(response.status()).as(response.body()).isEqualTo(504);
    assertThat(response.isProblem()).isTrue();
    assertThat(response.json().get("type").asString()).isEqualTo("https://rehabnet.example/problems/gateway-timeout");
    assertThat(response.header("Retry-After")).isNotBlank();
    assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1_900)).isLessThan(Duration.ofMillis(3_500));
    assertThat(SLOW_CALLS.get()).as("a timed-out read is not sent again").isEqualTo(1);
  }

  @Test
  void aServiceSlowerThanUsualButWithinTheTimeoutIsWaitedFor() {
    // No other timer (a circuit breaker's time limiter defaults to 1 s) cuts a call short.
    ApiResponse response = gateway.get("/api/monitoring/v1/unhurried", nurse);

    assertThat(response.status()).as(response.body()).isEqualTo(204);
  }

  @Test
  void aQuickServiceAnswersThroughWithTheGatewaysCorrelationHeadersOnly() {
    ApiResponse response = gateway.send("GET", "/api/monitoring/v1/quick", nurse, null,
        Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"ok\":true}");
    // The service echoes its own span; the caller sees the trace it sent and one request id.
    assertThat(response.header("traceparent")).startsWith("00-0af7651916cd43dd8448eb211c80319c-")
        .isNotEqualTo("00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01");
    assertThat(response.header("X-Request-Id")).isNotBlank().isNotEqualTo("service-echo");
  }

  private static HttpServer service() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.createContext("/v1/quick", exchange -> {
        byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("traceparent", "00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01");
        exchange.getResponseHeaders().add("X-Request-Id", "service-echo");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      });
      server.createContext("/v1/unhurried", exchange -> {
        try {
          Thread.sleep(1_300);
          exchange.sendResponseHeaders(204, -1);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          exchange.close();
        }
      });
      server.createContext("/v1/slow", exchange -> {
        SLOW_CALLS.incrementAndGet();
        try {
          Thread.sleep(5_000);
          exchange.sendResponseHeaders(204, -1);
        } catch (InterruptedException | IOException e) {
          // the gateway hung up, as it should
        } finally {
          exchange.close();
        }
      });
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
