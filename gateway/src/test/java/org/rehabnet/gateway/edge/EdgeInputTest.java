package org.rehabnet.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rehabnet.test.tokens.TestIdentityProvider;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What hostile input meets at the door: a body over the limit is refused on the bytes that arrive,
 * chunked or not, and nothing of it reaches the service; a path the firewall refuses is answered as
 * problem+json like every other refusal. A real HTTP server plays the service and records what it got.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "rehabnet.gateway.max-request-size=1MB", "rehabnet.routes.monitoring=http://127.0.0.1:1",
    "rehabnet.routes.aftercare=http://127.0.0.1:1"})
class EdgeInputTest {

  static final TestIdentityProvider IDP = TestIdentityProvider.get();
  static final List<Integer> RECEIVED = new CopyOnWriteArrayList<>();
  static final List<String> PASSES = new CopyOnWriteArrayList<>();

  /** Counts how often the filters after the body limit run for a request. */
  @TestConfiguration(proxyBeanMethods = false)
  static class CountingDoor {
    @Bean
    WebFilter passesAfterTheBodyLimit() {
      return new OrderedCountingFilter();
    }
  }

  static final class OrderedCountingFilter implements WebFilter, Ordered {
    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
      PASSES.add(exchange.getRequest().getPath().value());
      return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
      return Ordered.HIGHEST_PRECEDENCE + 11;
    }
  }
  static final HttpServer SERVICE = service();
  static final JsonMapper JSON = JsonMapper.builder().build();

  @DynamicPropertySource
  static void wiring(DynamicPropertyRegistry registry) {
    registry.add("rehabnet.security.issuer-uri", IDP::issuer);
    registry.add("rehabnet.security.jwk-set-uri", IDP::jwkSetUri);
    registry.add("rehabnet.routes.intake", () -> "http://127.0.0.1:" + SERVICE.getAddress().getPort());
  }

  @LocalServerPort
  int port;

  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  String intake;

  @BeforeEach
  void reset() {
    RECEIVED.clear();
    intake = IDP.staff("intake-north", List.of("intake-coordinator"), List.of("north"));
  }

  @AfterAll
  static void stop() {
    SERVICE.stop(0);
  }

  @Test
  void aChunkedBodyOverTheLimitIs413ProblemAndNothingReachesTheService() throws Exception {
    HttpResponse<String> response = post(chunked(2 * 1024 * 1024));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(problemType(response)).endsWith("/payload-too-large");
    assertThat(RECEIVED).as("bodies the service received").isEmpty();
  }

  @Test
  void aChunkedBodyWithinTheLimitReachesTheServiceWholeWithItsLengthDeclared() throws Exception {
    HttpResponse<String> response = post(chunked(10 * 1024));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    assertThat(RECEIVED).containsExactly(10 * 1024);
  }

  /**
   * The portal found a chunked POST reset its connection: the body filter ran the rest of the chain a
   * second time after the answer was written, and the rate limiter then wrote to committed headers.
   */
  @Test
  void aChunkedBodyPassesTheRestOfTheDoorOnceAndTheConnectionStaysUsable() throws Exception {
    PASSES.clear();

    HttpResponse<String> first = post(chunked(10 * 1024));
    HttpResponse<String> second = post(chunked(2 * 1024));

    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
    assertThat(PASSES).as("passes of the filters after the body limit, per request").containsExactly(
        "/api/intake/v1/notes", "/api/intake/v1/notes");
    assertThat(RECEIVED).containsExactly(10 * 1024, 2 * 1024);
  }

  @Test
  void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsRead() throws Exception {
    HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofByteArray(new byte[1024 * 1024 + 1]));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(RECEIVED).isEmpty();
  }

  @Test
  void anEncodedNulOrTraversalInThePathIsAProblemNotAnEmpty400() throws Exception {
    for (String path : List.of("/api/intake/v1/patients/%00", "/api/intake/v1/patients/..%2F..%2Fetc",
        "/api/intake/v1/patients/%2e%2e/x", "/api/intake/v1/patients?q=%00",
        "/api/intake/v1/patients?q=Jo%E2%80%AEhn")) {
      String answer = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + intake
          + "\r\nConnection: close\r\n\r\n");

      assertThat(answer).as(path).startsWith("HTTP/1.1 400");
      assertThat(answer).as(path).containsIgnoringCase("content-type: application/problem+json")
          .contains("https://rehabnet.example/problems/request-rejected");
    }
    assertThat(RECEIVED).isEmpty();
  }

  private HttpResponse<String> post(HttpRequest.BodyPublisher body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/intake/v1/notes"))
        .header("Authorization", "Bearer " + intake).header("Content-Type", "application/json")
        .POST(body).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** No known length: the JDK client sends it chunked. */
  private static HttpRequest.BodyPublisher chunked(int bytes) {
    byte[] body = new byte[bytes];
    java.util.Arrays.fill(body, (byte) 'a');
    return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
  }

  private String raw(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String problemType(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(type ->
        assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(response.body());
    return problem.get("type").asString();
  }

  private static HttpServer service() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/", exchange -> {
        try (InputStream in = exchange.getRequestBody()) {
          RECEIVED.add(in.readAllBytes().length);
        }
        exchange.sendResponseHeaders(201, -1);
        try (OutputStream ignored = exchange.getResponseBody()) {
          // no body
        }
      });
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
