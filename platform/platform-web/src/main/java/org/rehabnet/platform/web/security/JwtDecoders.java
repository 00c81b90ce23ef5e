package org.rehabnet.platform.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.CachingJWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.events.Event;
import com.nimbusds.jose.util.events.EventListener;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Token decoders for the gateway and the services, on one key source: the realm's JWKS, cached,
 * refreshed ahead of expiry, refetched for an unknown key id at most once per interval (so a flood
 * of tokens with made-up key ids cannot flood Keycloak), and served from cache through a Keycloak
 * outage. A token whose key is unknown is invalid (401); keys that cannot be fetched at all make the
 * decoder fail as a service error (503), not as a bad token.
 */
public final class JwtDecoders {

  /** How often the keys may be asked for before the first key set has been fetched. */
  private static final long FIRST_KEYS_REFETCH_MILLIS = 1_000;

  public static NimbusJwtDecoder servlet(TokenPolicy policy) {
    NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor(policy, remoteKeys(policy)));
    decoder.setJwtValidator(policy.validator());
    return decoder;
  }

  /**
   * Verifying a signature is CPU work of some tens of microseconds, done on the calling (event-loop)
   * thread when the token's key is in the cache. Only a token whose key may have to be fetched from
   * the realm (a blocking HTTP call) moves to a worker thread: measured at the gateway, the hop for
   * every request cost more than the verification itself.
   */
  public static ReactiveJwtDecoder reactive(TokenPolicy policy) {
    CachedKeyIds cached = new CachedKeyIds(policy.jwksCacheTtl());
    DefaultJWTProcessor<SecurityContext> processor = processor(policy, remoteKeys(policy, cached));
    NimbusReactiveJwtDecoder decoder = new NimbusReactiveJwtDecoder((JWT jwt) -> {
      Mono<JWTClaimsSet> verified = Mono.fromCallable(() -> process(processor, jwt));
      return cached.holds(jwt) ? verified : verified.subscribeOn(Schedulers.boundedElastic());
    });
    decoder.setJwtValidator(policy.validator());
    return new VerifiedTokens(cached, decoder);
  }

  /** The realm's keys as a cached, rate-limited, outage-tolerant source. */
  public static JWKSource<SecurityContext> remoteKeys(TokenPolicy policy) {
    return remoteKeys(policy, event -> {});
  }

  private static JWKSource<SecurityContext> remoteKeys(TokenPolicy policy,
      EventListener<CachingJWKSetSource<SecurityContext>, SecurityContext> cacheEvents) {
    try {
      var retriever = new DefaultResourceRetriever(2_000, 2_000, 256 * 1024);
      AtomicBoolean loaded = new AtomicBoolean();
      JWKSource<SecurityContext> source = JWKSourceBuilder.<SecurityContext>create(
              URI.create(policy.effectiveJwkSetUri()).toURL(), retriever)
          .cache(policy.jwksCacheTtl().toMillis(), 5_000, event -> {
            if (event instanceof CachingJWKSetSource.RefreshCompletedEvent<SecurityContext>) {
              loaded.set(true);
            }
            cacheEvents.notify(event);
          })
          .rateLimited(policy.jwksMinRefetchInterval().toMillis())
          .outageTolerant(policy.jwksOutageTolerance().toMillis())
          .build();
      JWKSource<SecurityContext> firstKeys = JWKSourceBuilder.<SecurityContext>create(
              URI.create(policy.effectiveJwkSetUri()).toURL(), retriever)
          .cache(policy.jwksCacheTtl().toMillis(), 5_000)
          .rateLimited(FIRST_KEYS_REFETCH_MILLIS)
          .build();
      return new UnknownKeyIsNoKey(source, loaded::get, firstKeys);
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("Not a JWK set URL: " + policy.effectiveJwkSetUri(), e);
    }
  }

  static DefaultJWTProcessor<SecurityContext> processor(TokenPolicy policy, JWKSource<SecurityContext> keys) {
    Set<JWSAlgorithm> algorithms = policy.algorithms().stream()
        .map(algorithm -> JWSAlgorithm.parse(algorithm.getName()))
        .collect(Collectors.toSet());
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keys));
    // Claims are checked by Spring with the TokenPolicy validators, in one place.
    processor.setJWTClaimsSetVerifier((claims, context) -> {});
    return processor;
  }

  private static JWTClaimsSet process(DefaultJWTProcessor<SecurityContext> processor, JWT jwt) {
    try {
      return processor.process(jwt, null);
    } catch (BadJOSEException e) {
      throw new BadJwtException("The token is not valid: " + e.getMessage(), e);
    } catch (JOSEException e) {
      throw new JwtException("The token's keys cannot be obtained: " + e.getMessage(), e);
    }
  }

  /**
   * The key ids the cache holds and until when, learnt from its refresh events: a token whose key id
   * is among them is verified without any fetch. A margin before the cache's expiry keeps the inline
   * path clear of the refresh that expiry triggers.
   */
  static final class CachedKeyIds implements EventListener<CachingJWKSetSource<SecurityContext>, SecurityContext> {

    private static final long MARGIN_MILLIS = 5_000;

    private final long timeToLiveMillis;
    private volatile Set<String> keyIds = Set.of();
    private volatile long validUntilMillis;

    CachedKeyIds(Duration timeToLive) {
      this.timeToLiveMillis = timeToLive.toMillis();
    }

    @Override
    public void notify(Event<CachingJWKSetSource<SecurityContext>, SecurityContext> event) {
      if (event instanceof CachingJWKSetSource.RefreshCompletedEvent<SecurityContext> refreshed) {
        learn(refreshed.getJWKSet());
      }
    }

    void learn(JWKSet keys) {
      keyIds = keys.getKeys().stream()
          .map(JWK::getKeyID)
          .filter(Objects::nonNull)
          .collect(Collectors.toUnmodifiableSet());
      validUntilMillis = System.currentTimeMillis() + timeToLiveMillis - MARGIN_MILLIS;
    }

    boolean holds(JWT jwt) {
      return holds(jwt.getHeader() instanceof JWSHeader header ? header.getKeyID() : null);
    }

    boolean holds(@Nullable String keyId) {
      return keyId != null && System.currentTimeMillis() < validUntilMillis && keyIds.contains(keyId);
    }
  }

  /**
   * Tokens the gateway has already decoded, verified and validated, so that a client sending the
   * same token with every request pays once per token, not per request, for the RSA verification,
   * the parsing of the token and the conversion and validation of its claims (measured: 6.5 % of
   * the gateway's CPU with the signature alone remembered): the gateway's cost per request is what
   * caps charting throughput. Keyed by the SHA-256 of the whole serialized token (a copied signature
   * on a changed payload is another key), kept until the token expires, and trusted only while its
   * key id is still in the cached key set: a key that leaves the JWKS takes its tokens with it.
   * What the validator checked once holds for the token's life: issuer, audience and type are in
   * the signed claims, and a token valid now stays valid until its expiry, which ends its entry.
   */
  static final class VerifiedTokens implements ReactiveJwtDecoder {

    private static final int MAX_TOKENS = 20_000;

    private final CachedKeyIds keys;
    private final ReactiveJwtDecoder decoder;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder()
        .maximumSize(MAX_TOKENS)
        .expireAfter(Expiry.<String, Jwt>creating((digest, jwt) -> untilExpiry(jwt)))
        .build();

    VerifiedTokens(CachedKeyIds keys, ReactiveJwtDecoder decoder) {
      this.keys = keys;
      this.decoder = decoder;
    }

    @Override
    public Mono<Jwt> decode(String token) {
      String digest = digest(token);
      Jwt known = known(digest);
      return known != null ? Mono.just(known) : decoder.decode(token).doOnNext(jwt -> remember(digest, jwt));
    }

    @Nullable Jwt known(String digest) {
      Jwt jwt = verified.getIfPresent(digest);
      return jwt != null && keys.holds(keyId(jwt)) && Instant.now().isBefore(jwt.getExpiresAt()) ? jwt : null;
    }

    void remember(String digest, Jwt jwt) {
      if (jwt.getExpiresAt() != null && keys.holds(keyId(jwt))) {
        verified.put(digest, jwt);
      }
    }

    long size() {
      verified.cleanUp();
      return verified.estimatedSize();
    }

    private static @Nullable String keyId(Jwt jwt) {
      return jwt.getHeaders().get("kid") instanceof String keyId ? keyId : null;
    }

    private static Duration untilExpiry(Jwt jwt) {
      Duration left = Duration.between(Instant.now(), jwt.getExpiresAt());
      return left.isNegative() ? Duration.ZERO : left;
    }

    static String digest(String token) {
      try {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        return Base64.getEncoder().encodeToString(hash);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is required of every JDK", e);
      }
    }
  }

  /**
   * Refetching the key set for an unknown key id is rate-limited; within the limit the token is
   * simply unverifiable (no key), which is a bad token, not an outage.
   *
   * <p>Until the key set has been fetched once, though, no token can be checked at all, and the
   * attempts made while Keycloak was still starting (a gateway started beside it) use up the limit:
   * for up to the refetch interval after Keycloak answered, every valid token was refused as "not
   * valid", which sends its client to sign in again. So before the first key set a separate source
   * with a one-second limit fetches the keys, and while that limit holds the token fails as an
   * outage (503, try again), never as a bad token.
   */
  record UnknownKeyIsNoKey(JWKSource<SecurityContext> delegate, BooleanSupplier keysLoaded,
      JWKSource<SecurityContext> firstKeys) implements JWKSource<SecurityContext> {

    @Override
    public List<JWK> get(JWKSelector selector, @Nullable SecurityContext context) throws KeySourceException {
      try {
        return delegate.get(selector, context);
      } catch (RateLimitReachedException e) {
        if (keysLoaded.getAsBoolean()) {
          return List.of();
        }
        try {
          return firstKeys.get(selector, context);
        } catch (RateLimitReachedException again) {
          throw new KeySourceException("The realm's keys have not been fetched yet", again);
        }
      }
    }
  }

  private JwtDecoders() {}
}
