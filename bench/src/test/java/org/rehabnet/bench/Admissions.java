package org.rehabnet.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.rehabnet.test.devstack.Topology;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import tools.jackson.databind.JsonNode;

/**
 * What the benchmarks prepare before the clock starts, through the gateway of a running
 * {@code ./rehabnet up}: beds in a ward of their own and referrals ready to admit (patient, referral,
 * screening, acceptance, assessment), with dev-realm tokens kept fresh.
 */
final class Admissions {

  static final Topology TOPOLOGY = Topology.load();
  static final String GATEWAY = "http://localhost:" + TOPOLOGY.port("GATEWAY_PORT");
  static final String KEYCLOAK = "http://localhost:" + TOPOLOGY.port("KEYCLOAK_PORT") + "/realms/rehabnet";
  static final String SITE = "north";

  final ApiClient gateway = new ApiClient(GATEWAY);
  final Token intakeToken = new Token("intake-north");
  final Token adminToken = new Token("admin-north");

  /** Dev-realm tokens live 5 minutes and a run is longer: fetched again after 4. */
  static final class Token {
    private final Supplier<String> fetch;
    private String value;
    private long fetched;

    Token(String username) {
      this(() -> token(username));
    }

    Token(Supplier<String> fetch) {
      this.fetch = fetch;
    }

    /** A partner organisation's client-credentials token. */
    static Token partner(String clientId, String secret) {
      return new Token(() -> fetchToken(clientId, "grant_type=client_credentials&client_id=" + clientId
          + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8)));
    }

    synchronized String get() {
      if (value == null || System.nanoTime() - fetched > TimeUnit.MINUTES.toNanos(4)) {
        value = fetch.get();
        fetched = System.nanoTime();
      }
      return value;
    }
  }

  /** Referrals ready to admit (screened, accepted, assessed) and as many new free beds. */
  List<String> prepare(int count) throws Exception {
    String admin = adminToken.get();
    String ward = "L" + Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();
    ApiResponse created = gateway.post("/api/intake/v1/sites/" + SITE + "/wards", admin,
        Map.of("code", ward, "name", "Latency bench " + ward));
    require(created, 201, "ward");
    List<String> referrals = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<String>> pending = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String bed = ward + "-" + i;
        pending.add(pool.submit(() -> {
          require(gateway.post("/api/intake/v1/sites/" + SITE + "/wards/" + ward + "/beds", adminToken.get(),
              Map.of("code", bed)), 201, "bed");
          return referral();
        }));
      }
      int done = 0;
      for (Future<String> one : pending) {
        referrals.add(one.get());
        if (++done % 500 == 0) {
          System.out.printf("   prepared %d of %d%n", done, count);
        }
      }
    }
    return referrals;
  }

  private String referral() {
    String intake = intakeToken.get();
    ApiResponse patient = require(gateway.post("/api/intake/v1/patients", intake, Map.of(
        "givenName", "Bench" + UUID.randomUUID().toString().substring(0, 8), "familyName", "Latency",
        "dateOfBirth", "1985-03-04", "site", SITE)), 201, "patient");
    ApiResponse referral = require(gateway.post("/api/intake/v1/referrals", intake, Map.of(
        "patientId", patient.json().get("patientId").asString(), "site", SITE, "source", "SELF",
        "urgency", "URGENT")), 201, "referral");
    String id = referral.json().get("referralId").asString();
    require(gateway.post("/api/intake/v1/referrals/" + id + "/screening", intake, ""), 200, "screening");
    require(gateway.post("/api/intake/v1/referrals/" + id + "/acceptance", intake, ""), 200, "acceptance");
    require(gateway.send("PUT", "/api/intake/v1/referrals/" + id + "/assessment", intake, ApiClient.json(Map.ofEntries(
        Map.entry("substances", List.of(Map.of("substance", "HEROIN", "route", "SMOKED", "frequency", "DAILY",
            "yearsOfUse", 3, "lastUseAt", Instant.now().minus(12, ChronoUnit.HOURS).toString()))),
        Map.entry("heightCm", 175), Map.entry("weightKg", 70),
        Map.entry("oudCriteria", List.of("CRAVING", "TOLERANCE", "WITHDRAWAL", "MUCH_TIME_SPENT")),
        Map.entry("opioidsOnlyUnderMedicalSupervision", false),
        Map.entry("urineDrugScreen", List.of(Map.of("analyte", "SIX_MAM", "result", "POSITIVE"))),
        Map.entry("phq9", List.of(0, 0, 0, 0, 0, 0, 0, 0, 0)), Map.entry("gad7", List.of(0, 0, 0, 0, 0, 0, 0)),
        Map.entry("mentalHealthHistory", List.of()), Map.entry("previousDetoxEpisodes", 0),
        Map.entry("previousOverdoses", 0), Map.entry("pregnancyStatus", "NOT_APPLICABLE"))), Map.of()),
        201, "assessment");
    return id;
  }

  /** Admits each referral (all sent at once, 8 at a time) and returns the episodes monitoring opened. */
  List<String> episodes(List<String> referrals) throws Exception {
    List<String> episodes = new ArrayList<>();
    String nurse = new Token("nurse-north").get();
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<String>> pending = new ArrayList<>();
      for (String referral : referrals) {
        pending.add(pool.submit(() -> {
          String admission = require(gateway.post("/api/intake/v1/admissions", intakeToken.get(),
              Map.of("referralId", referral)), 201, "admission").json().get("admissionId").asString();
          for (int tries = 0; tries < 600; tries++) {
            ApiResponse episode = gateway.get("/api/monitoring/v1/admissions/" + admission + "/episode", nurse);
            if (episode.status() == 200) {
              return episode.json().get("episodeId").asString();
            }
            Thread.sleep(100);
          }
          throw new IllegalStateException("no episode for admission " + admission + " after 60 s");
        }));
      }
      for (Future<String> one : pending) {
        episodes.add(one.get());
      }
    }
    return episodes;
  }

  static ApiResponse require(ApiResponse response, int status, String what) {
    if (response.status() != status) {
      throw new IllegalStateException(what + ": " + response.status() + " " + response.body());
    }
    return response;
  }

  static String token(String username) {
    return fetchToken(username, "grant_type=password&client_id=rehabnet-cli&username=" + username + "&password="
        + URLEncoder.encode("rehabnet-dev", StandardCharsets.UTF_8));
  }

  private static String fetchToken(String who, String form) {
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(KEYCLOAK + "/protocol/openid-connect/token"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode body = new ApiResponse(response.statusCode(), Map.of(), response.body()).json();
      return body.get("access_token").asString();
    } catch (Exception e) {
      throw new IllegalStateException("no token for " + who + ": is the platform up (./rehabnet up)?", e);
    }
  }
}
