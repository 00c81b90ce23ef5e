package org.rehabnet.bench;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gateway overhead: the same authenticated read, straight to monitoring-service and through the
 * gateway, in one run. First an open-model load at a fixed arrival rate (requests arrive on schedule
 * whether or not earlier ones answered: no coordinated omission) for latency, then a closed-model
 * load at fixed concurrency for saturation throughput. Each response time goes into an HdrHistogram
 * per phase; BenchReport prints the figures and the gateway/direct ratios at the end of the run.
 *
 * <p>The read is {@code GET episodes/{unknown id}}: token verified (gateway and service), role and
 * site checked, a database lookup and an audit row written, a 404 problem returned: the full path
 * of a protected read, with the same work behind both doors.
 */
public class GatewayOverheadSimulation extends Simulation {

  static final String GATEWAY = System.getProperty("bench.gateway", "http://localhost:8080");
  static final String DIRECT = System.getProperty("bench.direct", "http://localhost:8082");
  static final String KEYCLOAK = System.getProperty("bench.keycloak", "http://localhost:8180/realms/rehabnet");
  static final int RATE = Integer.getInteger("bench.rate", 100);
  // Seconds of open-model load per door, split into ROUNDS alternating rounds.
  static final int SECONDS = Integer.getInteger("bench.seconds", 60);
  static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
  static final int SATURATION = Integer.getInteger("bench.saturation-seconds", 30);
  static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 32);
  // Both doors at saturation until the JIT has compiled their request paths: measured, the gateway
  // needed ~40,000 requests (a minute or more here) before its CPU per request stopped falling.
  static final int WARMUP = Integer.getInteger("bench.warmup", 90);
  // Tokens live 5 minutes and the run is longer: a fresh one every 4 minutes, fetched off the
  // request path so no measured request waits for Keycloak.
  static final AtomicReference<String> TOKEN = new AtomicReference<>(token());
  static final ScheduledExecutorService REFRESH = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "token-refresh");
    thread.setDaemon(true);
    return thread;
  });

  static {
    REFRESH.scheduleAtFixedRate(() -> TOKEN.set(token()), 4, 4, TimeUnit.MINUTES);
  }

  static final String PATH_ID = UUID.randomUUID().toString();
  static final BenchReport REPORT = new BenchReport();

  final HttpProtocolBuilder protocol = http
      .header("Authorization", session -> "Bearer " + TOKEN.get())
      .acceptHeader("application/json")
      .shareConnections();

  static ScenarioBuilder read(String name, String base, String path) {
    return read(name, name, base, path);
  }

  /** A scenario named {@code name} (Gatling wants them unique) recording into {@code series}. */
  static ScenarioBuilder read(String name, String seriesName, String base, String path) {
    return read(name, base, path, seriesName, null);
  }

  /** The same, recording into its own series under {@code name} and into {@code alsoInto}. */
  static ScenarioBuilder readRound(String name, String base, String path, String alsoInto) {
    return read(name, base, path, name, alsoInto);
  }

  private static ScenarioBuilder read(String name, String base, String path, String seriesName,
      @org.jspecify.annotations.Nullable String alsoInto) {
    BenchReport.Series series = REPORT.series(seriesName);
    BenchReport.Series also = alsoInto == null ? null : REPORT.series(alsoInto);
    return scenario(name)
        .exec(http(name).get(base + path).check(status().is(404), responseTimeInMillis().saveAs("rt")))
        .exec(session -> {
          int millis = session.isFailed() ? -1 : session.getInt("rt");
          series.record(millis);
          if (also != null) {
            also.record(millis);
          }
          return session;
        });
  }

  /** The launcher's gateway, whose CPU the rounds read; null when the bench runs against another. */
  private static @org.jspecify.annotations.Nullable ProcessCpu gatewayProcess() {
    try {
      return ProcessCpu.of(java.nio.file.Path.of(System.getProperty("bench.root", ".")).toAbsolutePath(), "gateway");
    } catch (IllegalStateException e) {
      System.out.println("gateway CPU not read: " + e.getMessage());
      return null;
    }
  }

  @Override
  public void after() {
    REPORT.print(ROUNDS);
  }

  {
    String direct = "/v1/episodes/" + PATH_ID;
    String viaGateway = "/api/monitoring/v1/episodes/" + PATH_ID;
    // The open-model (latency) phases alternate direct and gateway in ROUNDS short rounds, so a
    // passing disturbance of this shared 2-core machine (a GC, a compaction, a timer) falls on both
    // doors alike instead of deciding the p99 of one of them.
    PopulationBuilder plan = read("warmup-direct", DIRECT, direct)
        .injectClosed(constantConcurrentUsers(CONCURRENCY).during(Duration.ofSeconds(WARMUP)))
        .andThen(read("warmup-gateway", GATEWAY, viaGateway)
            .injectClosed(constantConcurrentUsers(CONCURRENCY).during(Duration.ofSeconds(WARMUP))));
    Duration round = Duration.ofSeconds(Math.max(1, SECONDS / ROUNDS));
    ProcessCpu gatewayCpu = gatewayProcess();
    for (int i = 1; i <= ROUNDS; i++) {
      // Each round also into a series of its own, for the p99 ratio and the gateway's CPU per round.
      REPORT.series("gateway-open-" + i).readingCpuOf(gatewayCpu);
      plan = plan
          .andThen(readRound("direct-open-" + i, DIRECT, direct, "direct-open")
              .injectOpen(constantUsersPerSec(RATE).during(round)))
          .andThen(readRound("gateway-open-" + i, GATEWAY, viaGateway, "gateway-open")
              .injectOpen(constantUsersPerSec(RATE).during(round)));
    }
    setUp(plan
            .andThen(read("direct-saturation", DIRECT, direct)
                .injectClosed(constantConcurrentUsers(CONCURRENCY).during(Duration.ofSeconds(SATURATION))))
            .andThen(read("gateway-saturation", GATEWAY, viaGateway)
                .injectClosed(constantConcurrentUsers(CONCURRENCY).during(Duration.ofSeconds(SATURATION)))))
        .protocols(protocol);
  }

  /** A nurse-north token from the dev realm. */
  private static String token() {
    String form = "grant_type=password&client_id=rehabnet-cli&username=nurse-north&password="
        + URLEncoder.encode("rehabnet-dev", StandardCharsets.UTF_8);
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(KEYCLOAK + "/protocol/openid-connect/token"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
          HttpResponse.BodyHandlers.ofString());
      Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
      if (!token.find()) {
        throw new IllegalStateException("No token from Keycloak: " + response.statusCode() + " " + response.body());
      }
      return token.group(1);
    } catch (IOException e) {
      throw new IllegalStateException("Is the platform up (./rehabnet up)?", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
