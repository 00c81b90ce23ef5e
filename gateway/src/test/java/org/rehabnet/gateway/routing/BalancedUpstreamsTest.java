package org.rehabnet.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
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
 * Two instances of monitoring-service behind one route (REHABNET_ROUTES_MONITORING with two URLs),
 * played by two real HTTP servers: the gateway takes turns between them, and when one dies (its
 * port refuses connections, as a killed process's does) no read fails while the health check takes it
 * out, which happens within seconds; started again, it is back in the rotation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "rehabnet.routes.intake=http://127.0.0.1:1", "rehabnet.routes.aftercare=http://127.0.0.1:1",
    "spring.cloud.loadbalancer.health-check.interval=1s"})
class BalancedUpstreamsTest {

  static final TestIdentityProvider IDP = TestIdentityProvider.get();
  static final Instance FIRST = new Instance("monitoring-1", 0);
  static final Instance SECOND = new Instance("monitoring-2", 0);
  static final Duration INTERVAL = Duration.ofSeconds(1);

  @DynamicPropertySource
  static void wiring(DynamicPropertyRegistry registry) {
    registry.add("rehabnet.security.issuer-uri", IDP::issuer);
    registry.add("rehabnet.security.jwk-set-uri", IDP::jwkSetUri);
    registry.add("rehabnet.routes.monitoring", () -> FIRST.url() + "," + SECOND.url());
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
    FIRST.stop();
    SECOND.stop();
  }

  @Test
  void readsAreSharedBetweenTheTwoInstances() {
    int first = FIRST.reads.get();
    int second = SECOND.reads.get();

    for (int i = 0; i < 20; i++) {
      assertThat(gateway.get("/api/monitoring/v1/census", nurse).status()).isEqualTo(200);
    }

    assertThat(FIRST.reads.get() - first).as("reads answered by the first instance").isBetween(8, 12);
    assertThat(SECOND.reads.get() - second).as("reads answered by the second instance").isBetween(8, 12);
  }

  @Test
  void aKilledInstanceIsOutWithinSecondsNoReadFailsMeanwhileAndItIsBackOnceStartedAgain() {
    await().atMost(Duration.ofSeconds(10)).until(() -> {
      int before = SECOND.reads.get();
      gateway.get("/api/monitoring/v1/census", nurse);
      gateway.get("/api/monitoring/v1/census", nurse);
      return SECOND.reads.get() > before;
    });
    SECOND.stop();
    long killed = System.nanoTime();

    // Every 100 ms a read, then two writes: two calls in a row take both turns of the round robin,
    // and a write is not retried, so the last write that failed shows how long the dead instance
    // stayed in the rotation. (At most one call in three fails meanwhile: under the circuit
    // breaker's 50 %, which would refuse the route's reads as well.)
    List<String> failedReads = new ArrayList<>();
    long lastFailedWrite = killed;
    int writes = 0;
    int failedWrites = 0;
    for (int i = 0; i < 60; i++) {
      ApiResponse read = gateway.get("/api/monitoring/v1/census", nurse);
      if (read.status() != 200) {
        failedReads.add(read.status() + " after " + (System.nanoTime() - killed) / 1_000_000 + " ms");
      }
      for (int w = 0; w < 2; w++) {
        writes++;
        ApiResponse write = gateway.post("/api/monitoring/v1/notes", nurse, Map.of("text", "x"));
        if (write.status() != 201) {
          failedWrites++;
          lastFailedWrite = System.nanoTime();
        }
      }
      sleep(Duration.ofMillis(100));
    }
    Duration out = Duration.ofNanos(lastFailedWrite - killed);
    System.out.printf("Gateway balancing: second instance killed; %d of %d writes refused, the last %d ms after "
        + "the kill (health check every %d ms); %d of 60 reads failed%n", failedWrites, writes, out.toMillis(),
        INTERVAL.toMillis(), failedReads.size());

    assertThat(failedReads).as("reads that failed while the dead instance was still in the rotation").isEmpty();
    assertThat(failedWrites).as("writes sent to the dead instance before it was out").isPositive();
    assertThat(out).as("from the kill to the last write sent to the dead instance")
        .isLessThanOrEqualTo(INTERVAL.multipliedBy(3));

    SECOND.start();
    int before = SECOND.reads.get();
    await("the second instance back in the rotation").atMost(INTERVAL.multipliedBy(5))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> {
          gateway.get("/api/monitoring/v1/census", nurse);
          return SECOND.reads.get() > before;
        });
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A service instance on a fixed port: ready, a read and a write, each counted. */
  static final class Instance {

    final String name;
    final AtomicInteger reads = new AtomicInteger();
    private int port;
    private HttpServer server;

    Instance(String name, int port) {
      this.name = name;
      this.port = port;
      start();
    }

    synchronized void start() {
      try {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      port = server.getAddress().getPort();
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.createContext("/readyz", exchange -> answer(exchange, 200, "{\"status\":\"UP\"}"));
      server.createContext("/v1/census", exchange -> {
        reads.incrementAndGet();
        answer(exchange, 200, "{\"instance\":\"" + name + "\"}");
      });
      server.createContext("/v1/notes", exchange -> answer(exchange, 201, "{\"instance\":\"" + name + "\"}"));
      server.start();
    }

    /** Its port closes at once, and with it every open connection. */
    synchronized void stop() {
      server.stop(0);
    }

    String url() {
      return "http://127.0.0.1:" + port;
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
      exchange.getRequestBody().readAllBytes();
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
