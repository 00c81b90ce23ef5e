package org.rehabnet.test.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local OpenID issuer for service integration tests: it publishes a real JWKS over HTTP and signs
 * RS256 tokens shaped like the rehabnet realm's, so a service's real decoder and token policy
 * (signature, issuer, audience, expiry) do the checking. End-to-end tests use real Keycloak instead.
 */
public final class TestIdentityProvider implements AutoCloseable {

  public static final String AUDIENCE = "rehabnet-api";
  private static volatile TestIdentityProvider instance;

  private final RSAKey key;
  private final HttpServer server;
  private final String issuer;
  private final AtomicInteger jwksRequests = new AtomicInteger();
  private volatile boolean keySetServed = true;

  private TestIdentityProvider() {
    try {
      key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (JOSEException | IOException e) {
      throw new IllegalStateException("Cannot start the test identity provider", e);
    }
    issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/rehabnet-test";
    byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    server.createContext("/realms/rehabnet-test/protocol/openid-connect/certs", exchange -> {
      jwksRequests.incrementAndGet();
      if (!keySetServed) {
        // As Keycloak answers while it is still starting: no realm yet.
        exchange.sendResponseHeaders(503, -1);
        exchange.close();
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, jwks.length);
      try (var body = exchange.getResponseBody()) {
        body.write(jwks);
      }
    });
    server.start();
  }

  public static TestIdentityProvider get() {
    TestIdentityProvider local = instance;
    if (local == null) {
      synchronized (TestIdentityProvider.class) {
        local = instance;
        if (local == null) {
          local = new TestIdentityProvider();
          instance = local;
        }
      }
    }
    return local;
  }

  /** A separate issuer with its own key and server, for tests that stop it or count its requests. */
  public static TestIdentityProvider startNew() {
    return new TestIdentityProvider();
  }

  /** How many times the key set was fetched. */
  public int jwksRequests() {
    return jwksRequests.get();
  }

  /** Whether the key set is served (true) or answered 503, as by a Keycloak still starting. */
  public void serveKeySet(boolean served) {
    keySetServed = served;
  }

  /** The key id tokens are signed with. */
  public String keyId() {
    return key.getKeyID();
  }

  /** Signs with this issuer's key but names another key id in the header. */
  public String signWithKeyId(JWTClaimsSet claims, String keyId) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign a test token", e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  public String issuer() {
    return issuer;
  }

  public String jwkSetUri() {
    return issuer + "/protocol/openid-connect/certs";
  }

  /** A staff member's access token. */
  public String staff(String username, List<String> roles, List<String> sites) {
    return sign(claims(username, roles).claim("site", sites).build());
  }

  /** A partner organisation's client-credentials token. */
  public String partner(String clientId, String partnerOrg) {
    return sign(claims("service-account-" + clientId, List.of("partner"))
        .claim("azp", clientId)
        .claim("partner_org", partnerOrg)
        .build());
  }

  /** Claims as Keycloak issues them for the rehabnet realm, for tests that alter one of them. */
  public JWTClaimsSet.Builder claims(String username, List<String> roles) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject(UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString())
        .audience(List.of(AUDIENCE, "account"))
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
        .jwtID(UUID.randomUUID().toString())
        .claim("typ", "Bearer")
        .claim("azp", "rehabnet-cli")
        .claim("preferred_username", username)
        .claim("realm_access", Map.of("roles", roles));
  }

  public String sign(JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new UncheckedIOException(new IOException("Cannot sign a test token", e));
    }
  }
}
