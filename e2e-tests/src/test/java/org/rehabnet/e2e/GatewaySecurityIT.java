package org.rehabnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import org.rehabnet.test.tokens.TestIdentityProvider;

/**
 * The door holds: forged, foreign, expired-or-tampered and misdirected tokens are refused at the
 * gateway with 401 problem+json and reach no service; roles are kept to their side of the door;
 * junk key ids do not flood Keycloak; a downed service answers 503 at once; budgets are per client.
 */
class GatewaySecurityIT {

  static PlatformUnderTest platform;
  static final String PROTECTED = "/api/intake/v1/admissions/" + UUID.randomUUID();

  @BeforeAll
  static void platform() {
    platform = PlatformUnderTest.get();
  }

  @Test
  void forgedAndMisdirectedTokensAreRefusedWith401AndReachNoService() throws Exception {
    String valid = platform.token("intake-north");
    String[] parts = valid.split("\\.");
    Map<String, String> attacks = new LinkedHashMap<>();
    attacks.put("no token", null);
    attacks.put("malformed token", "not-a-jwt");
    attacks.put("alg none", b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".");
    attacks.put("HS256 signed with the realm's public key", hmacWithPublicKey(parts[1]));
    attacks.put("wrong issuer and another realm's signature", platform.keycloak.masterAdminToken());
    attacks.put("wrong audience (an ID token)",
        platform.keycloak.passwordGrant("intake-north", PlatformUnderTest.PASSWORD, "openid").get("id_token").asString());
    attacks.put("expired, signed by a key the realm never had", expiredForeignToken());
    attacks.put("tampered claim", parts[0] + "." + tamper(parts[1]) + "." + parts[2]);

    UUID target = UUID.randomUUID();
    for (var attack : attacks.entrySet()) {
      ApiResponse response = platform.gateway.get("/api/intake/v1/admissions/" + target, attack.getValue());
      assertThat(response.status()).as(attack.getKey()).isEqualTo(401);
      assertThat(response.isProblem()).as(attack.getKey()).isTrue();
      assertThat(response.json().get("type").asString()).as(attack.getKey())
          .isEqualTo("https://rehabnet.example/problems/unauthorized");
      assertThat(response.header("x-request-id")).as(attack.getKey()).isNotBlank();
    }
    assertThat(auditedByIntake(target)).as("refused at the door, so intake saw none of them").isZero();
  }

  @Test
  void partnersStayOnThePartnerApiAndStaffOffIt() {
    String partner = platform.keycloak.clientCredentialsToken("partner-harbor", "harbor-dev-secret");
    String staff = platform.token("nurse-north");

    ApiResponse partnerOnStaffApi = platform.gateway.get(PROTECTED, partner);
    ApiResponse staffOnPartnerApi = platform.gateway.get("/partner/v1/metadata", staff);
    ApiResponse auditorOnClinicalApi = platform.gateway.get(PROTECTED, platform.token("auditor"));

    assertThat(partnerOnStaffApi.status()).isEqualTo(403);
    assertThat(partnerOnStaffApi.isProblem()).isTrue();
    assertThat(staffOnPartnerApi.status()).isEqualTo(403);
    assertThat(staffOnPartnerApi.isProblem()).isTrue();
    assertThat(auditorOnClinicalApi.status()).isEqualTo(403);
  }

  @Test
  void aThousandTokensWithRandomKeyIdsCauseAtMostAHandfulOfJwksFetches() throws Exception {
    platform.gateway.get(PROTECTED, platform.token("nurse-north"));
    int before = platform.gatewayJwks.fetches();
    try (TestIdentityProvider forger = TestIdentityProvider.startNew()) {
      for (int i = 0; i < 1000; i++) {
        String token = forger.signWithKeyId(forger.claims("intake-north", List.of("intake-coordinator"))
            .issuer(platform.keycloak.issuer()).build(), UUID.randomUUID().toString());
        assertThat(platform.gateway.get(PROTECTED, token).status()).isEqualTo(401);
      }
    }
    int fetches = platform.gatewayJwks.fetches() - before;
    System.out.printf("JWKS fetches caused by 1000 random-kid tokens: %d%n", fetches);
    assertThat(fetches).isLessThanOrEqualTo(3);
  }

  @Test
  void aStoppedServiceAnswers503ProblemQuicklyAndComesBack() {
    String nurse = platform.token("nurse-north");
    String path = "/api/monitoring/v1/episodes/" + UUID.randomUUID();
    platform.services.get("monitoring").close();
    try {
      long started = System.nanoTime();
      ApiResponse response = platform.gateway.get(path, nurse);
      long millis = (System.nanoTime() - started) / 1_000_000;

      assertThat(response.status()).isEqualTo(503);
      assertThat(response.isProblem()).isTrue();
      assertThat(response.json().get("type").asString()).endsWith("/service-unavailable");
      assertThat(response.header("retry-after")).isNotBlank();
      assertThat(millis).as("answered within the 5 s upstream timeout").isLessThan(5_000);
    } finally {
      platform.startService("monitoring").awaitHealthy(Duration.ofMinutes(3));
    }
    assertThat(platform.gateway.get(path, nurse).status()).isEqualTo(404);
  }

  @Test
  void aClientOverItsBudgetGets429WithRetryAfterWhileAnotherClientIsServed() {
    String lighthouse = platform.keycloak.clientCredentialsToken("partner-lighthouse", "lighthouse-dev-secret");
    String harbor = platform.keycloak.clientCredentialsToken("partner-harbor", "harbor-dev-secret");

    // lighthouse-recovery has a budget of 5 a minute in this platform (other journeys may spend some).
    ApiResponse last = null;
    int served = 0;
    for (int i = 0; i < 10; i++) {
      last = platform.gateway.get("/partner/v1/metadata", lighthouse);
      if (last.status() == 429) {
        break;
      }
      served++;
    }

    assertThat(served).isLessThanOrEqualTo(5);
    assertThat(last.status()).isEqualTo(429);
    assertThat(last.isProblem()).isTrue();
    assertThat(last.json().get("type").asString()).endsWith("/too-many-requests");
    assertThat(Integer.parseInt(last.header("retry-after"))).isPositive();
    assertThat(platform.gateway.get("/partner/v1/metadata", harbor).status()).isNotEqualTo(429);
  }

  @Test
  void responsesCarryRequestIdTraceparentAndSecurityHeaders() {
    ApiResponse response = platform.gateway.send("GET", PROTECTED, platform.token("nurse-north"), null,
        Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "X-Request-Id", "e2e-req-0001"));

    assertThat(response.header("x-request-id")).isEqualTo("e2e-req-0001");
    assertThat(response.header("traceparent")).startsWith("00-0af7651916cd43dd8448eb211c80319c-");
    assertThat(response.header("x-content-type-options")).isEqualTo("nosniff");
    assertThat(response.header("content-security-policy")).contains("default-src 'none'");
  }

  private static long auditedByIntake(UUID target) throws Exception {
    try (var connection = org.rehabnet.test.infra.SharedInfrastructure.get().postgres().superUserConnection("intake");
        var rs = connection.createStatement().executeQuery(
            "SELECT count(*) FROM audit_event WHERE resource_id LIKE '%" + target + "%'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String hmacWithPublicKey(String payload) throws Exception {
    String jwks = new String(URI.create(platform.keycloak.jwkSetUri()).toURL().openStream().readAllBytes(),
        StandardCharsets.UTF_8);
    RSAKey key = JWKSet.parse(jwks).getKeys().stream().filter(k -> k instanceof RSAKey).map(k -> (RSAKey) k)
        .findFirst().orElseThrow();
    byte[] secret = key.toRSAPublicKey().getEncoded();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
        JWTClaimsSet.parse(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)));
    jwt.sign(new MACSigner(secret));
    return jwt.serialize();
  }

  private static String expiredForeignToken() {
    try (TestIdentityProvider foreign = TestIdentityProvider.startNew()) {
      return foreign.sign(foreign.claims("intake-north", List.of("intake-coordinator"))
          .issuer(platform.keycloak.issuer())
          .issueTime(java.util.Date.from(java.time.Instant.now().minus(Duration.ofHours(2))))
          .expirationTime(java.util.Date.from(java.time.Instant.now().minus(Duration.ofHours(1)))).build());
    }
  }

  private static String tamper(String payload) {
    String json = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
    String widened = json.replace("\"north\"", "\"south\"");
    return b64(widened.equals(json) ? json.replace("intake-north", "lead") : widened);
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
