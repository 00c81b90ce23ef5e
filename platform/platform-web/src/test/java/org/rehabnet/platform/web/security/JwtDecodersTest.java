package org.rehabnet.platform.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rehabnet.test.tokens.TestIdentityProvider;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** The token policy against a real JWKS endpoint: what passes, what is refused, and at what cost. */
class JwtDecodersTest {

  TestIdentityProvider idp;
  TokenPolicy policy;

  @BeforeEach
  void issuer() {
    idp = TestIdentityProvider.startNew();
    policy = policy(idp.jwkSetUri());
  }

  @AfterEach
  void stop() {
    idp.close();
  }

  @Test
  void acceptsARealmTokenAndReadsTheCaller() {
    var jwt = JwtDecoders.servlet(policy).decode(idp.staff("nurse-north", List.of("nurse"), List.of("north")));

    Caller caller = Caller.from(jwt);
    assertThat(caller.username()).isEqualTo("nurse-north");
    assertThat(caller.roles()).containsExactly("nurse");
    assertThat(caller.sites()).containsExactly("north");
  }

  @Test
  void aThousandTokensWithMadeUpKeyIdsCauseAtMostAHandfulOfKeySetFetches() {
    JwtDecoder servlet = JwtDecoders.servlet(policy);
    ReactiveJwtDecoder reactive = JwtDecoders.reactive(policy);
    servlet.decode(idp.staff("nurse-north", List.of("nurse"), List.of("north")));
    int before = idp.jwksRequests();

    for (int i = 0; i < 1000; i++) {
      String forged = idp.signWithKeyId(idp.claims("nurse-north", List.of("nurse")).build(), UUID.randomUUID().toString());
      assertThatThrownBy(() -> servlet.decode(forged)).isInstanceOf(BadJwtException.class);
      if (i % 100 == 0) {
        assertThatThrownBy(() -> reactive.decode(forged).block()).isInstanceOf(BadJwtException.class);
      }
    }

    assertThat(idp.jwksRequests() - before).isLessThanOrEqualTo(3);
  }

  @Test
  void refusesUnsignedHmacWrongAudienceWrongIssuerAndExpiredTokens() throws Exception {
    JwtDecoder decoder = JwtDecoders.servlet(policy);
    JWTClaimsSet valid = idp.claims("nurse-north", List.of("nurse")).build();

    String none = new PlainJWT(new PlainHeader(), valid).serialize();
    SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(idp.keyId()).build(), valid);
    hmac.sign(new MACSigner(new byte[32]));

    assertThatThrownBy(() -> decoder.decode(none)).isInstanceOf(BadJwtException.class);
    assertThatThrownBy(() -> decoder.decode(hmac.serialize())).isInstanceOf(BadJwtException.class);
    assertThatThrownBy(() -> decoder.decode(idp.sign(idp.claims("x", List.of()).audience("account").build())))
        .isInstanceOf(JwtValidationException.class).hasMessageContaining("aud");
    assertThatThrownBy(() -> decoder.decode(idp.sign(idp.claims("x", List.of()).issuer("http://evil/realms/x").build())))
        .isInstanceOf(JwtValidationException.class);
    assertThatThrownBy(() -> decoder.decode(idp.sign(idp.claims("x", List.of())
        .issueTime(Date.from(Instant.now().minus(Duration.ofMinutes(10))))
        .expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(2)))).build())))
        .isInstanceOf(JwtValidationException.class).hasMessageContaining("expired");
    assertThatThrownBy(() -> decoder.decode(idp.sign(idp.claims("x", List.of()).claim("typ", "Refresh").build())))
        .isInstanceOf(JwtValidationException.class);
  }

  @Test
  void keepsVerifyingWithCachedKeysWhileTheIssuerIsDownButFailsAsAnOutageWithoutKeys() {
    JwtDecoder warm = JwtDecoders.servlet(policy);
    String token = idp.staff("nurse-north", List.of("nurse"), List.of("north"));
    warm.decode(token);
    JwtDecoder cold = JwtDecoders.servlet(policy);

    idp.close();

    assertThat(warm.decode(token).getSubject()).isNotBlank();
    assertThatThrownBy(() -> cold.decode(token))
        .isInstanceOf(JwtException.class)
        .isNotInstanceOf(BadJwtException.class);
  }

  @Test
  void aValidTokenIsVerifiedWithinSecondsOfTheKeysAppearingThoughAttemptsBeforeUsedUpTheRefetchLimit() {
    JwtDecoder servlet = JwtDecoders.servlet(policy);
    ReactiveJwtDecoder reactive = JwtDecoders.reactive(policy);
    String token = idp.staff("nurse-north", List.of("nurse"), List.of("north"));
    idp.serveKeySet(false);

    // Keycloak still starting: every attempt is an outage (503 at the door), never "not valid" (401).
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> servlet.decode(token)).isInstanceOf(JwtException.class)
          .isNotInstanceOf(BadJwtException.class);
      assertThatThrownBy(() -> reactive.decode(token).block()).isInstanceOf(JwtException.class)
          .isNotInstanceOf(BadJwtException.class);
    }
    int fetchesWhileStarting = idp.jwksRequests();
    idp.serveKeySet(true);
    long keysBack = System.nanoTime();

    await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
        .until(() -> servlet.decode(token).getSubject() != null && reactive.decode(token).block() != null);
    assertThat(Duration.ofNanos(System.nanoTime() - keysBack)).isLessThan(Duration.ofSeconds(3));
    // Made-up key ids before the first key set cost at most a fetch a second.
    assertThat(fetchesWhileStarting).isLessThanOrEqualTo(8);
  }

  @Test
  void theGatewayVerifiesATokenWhoseKeyIsCachedOnTheCallingThreadAndFetchesKeysOnAWorker() {
    ReactiveJwtDecoder reactive = JwtDecoders.reactive(policy);
    String token = idp.staff("nurse-north", List.of("nurse"), List.of("north"));
    Thread caller = Thread.currentThread();

    // The first token needs the key set: fetched over HTTP, never on the caller's (event-loop) thread.
    assertThat(reactive.decode(token).map(jwt -> Thread.currentThread()).block()).isNotSameAs(caller);
    int fetches = idp.jwksRequests();
    // Its key is now cached: the signature is checked where the request is, with no fetch and no hop.
    assertThat(reactive.decode(token).map(jwt -> Thread.currentThread()).block()).isSameAs(caller);
    // A key id the cache does not hold may need a fetch: off the caller's thread again, still refused.
    String unknownKey = idp.signWithKeyId(idp.claims("nurse-north", List.of("nurse")).build(), "not-a-realm-key");
    assertThatThrownBy(() -> reactive.decode(unknownKey).block()).isInstanceOf(BadJwtException.class);
    assertThat(idp.jwksRequests() - fetches).isLessThanOrEqualTo(1);
    // A forged signature under the cached key id is refused inline like any bad token.
    String[] parts = token.split("\\.");
    String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
    assertThatThrownBy(() -> reactive.decode(forged).block()).isInstanceOf(BadJwtException.class);
  }

  @Test
  void theGatewayChecksEachTokenOnceAndForgetsItWhenItsKeyLeavesTheKeySet() throws Exception {
    var cached = new JwtDecoders.CachedKeyIds(Duration.ofMinutes(5));
    AtomicInteger decoded = new AtomicInteger();
    ReactiveJwtDecoder full = JwtDecoders.reactive(policy);
    var verified = new JwtDecoders.VerifiedTokens(cached, token -> {
      decoded.incrementAndGet();
      return full.decode(token);
    });
    String token = idp.staff("nurse-north", List.of("nurse"), List.of("north"));
    var keySet = new com.nimbusds.jose.jwk.JWKSet(List.of(new com.nimbusds.jose.jwk.RSAKey.Builder(
        (java.security.interfaces.RSAPublicKey) java.security.KeyPairGenerator.getInstance("RSA").generateKeyPair()
            .getPublic()).keyID(idp.keyId()).build()));
    cached.learn(keySet);

    Jwt first = verified.decode(token).block();
    Jwt again = verified.decode(token).block();
    assertThat(again).as("verified once, then known").isSameAs(first);
    assertThat(decoded).as("decoded and verified").hasValue(1);
    // The same claims under another signature are another token, checked in full and refused.
    String[] parts = token.split("\\.");
    String resigned = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
    assertThatThrownBy(() -> verified.decode(resigned).block()).isInstanceOf(BadJwtException.class);
    assertThat(decoded).hasValue(2);
    assertThat(verified.size()).isEqualTo(1);

    // The realm rotates its key: the old key id is gone from the refreshed set, and so are its tokens.
    var rotated = new com.nimbusds.jose.jwk.JWKSet(List.of(new com.nimbusds.jose.jwk.RSAKey.Builder(
        (java.security.interfaces.RSAPublicKey) keySet.getKeys().getFirst().toRSAKey().toPublicKey())
        .keyID("rotated").build()));
    cached.learn(rotated);
    assertThat(verified.known(JwtDecoders.VerifiedTokens.digest(token))).as("its key left the key set").isNull();
    verified.decode(token).block();
    assertThat(decoded).as("checked in full again").hasValue(3);
  }

  @Test
  void aRememberedTokenIsRefusedOnceItHasExpired() throws Exception {
    var cached = new JwtDecoders.CachedKeyIds(Duration.ofMinutes(5));
    cached.learn(new com.nimbusds.jose.jwk.JWKSet(List.of(new com.nimbusds.jose.jwk.RSAKey.Builder(
        (java.security.interfaces.RSAPublicKey) java.security.KeyPairGenerator.getInstance("RSA").generateKeyPair()
            .getPublic()).keyID(idp.keyId()).build())));
    ReactiveJwtDecoder full = JwtDecoders.reactive(policy);
    var verified = new JwtDecoders.VerifiedTokens(cached, full::decode);
    String token = idp.sign(idp.claims("nurse-north", List.of("nurse"))
        .expirationTime(java.util.Date.from(java.time.Instant.now().plusSeconds(2))).build());

    assertThat(verified.decode(token).block()).isNotNull();
    Thread.sleep(2_100);
    assertThat(verified.known(JwtDecoders.VerifiedTokens.digest(token))).as("expired").isNull();
  }

  private TokenPolicy policy(String jwkSetUri) {
    return new TokenPolicy(idp.issuer(), jwkSetUri, "rehabnet-api", Duration.ofSeconds(30),
        List.of(SignatureAlgorithm.RS256), Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofHours(1));
  }
}
