package org.rehabnet.platform.web.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.BadJwtException;
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

  public static NimbusJwtDecoder servlet(TokenPolicy policy) {
    NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor(policy, remoteKeys(policy)));
    decoder.setJwtValidator(policy.validator());
    return decoder;
  }

  public static ReactiveJwtDecoder reactive(TokenPolicy policy) {
    DefaultJWTProcessor<SecurityContext> processor = processor(policy, remoteKeys(policy));
    NimbusReactiveJwtDecoder decoder = new NimbusReactiveJwtDecoder(
        (JWT jwt) -> Mono.fromCallable(() -> process(processor, jwt)).subscribeOn(Schedulers.boundedElastic()));
    decoder.setJwtValidator(policy.validator());
    return decoder;
  }

  /** The realm's keys as a cached, rate-limited, outage-tolerant source. */
  public static JWKSource<SecurityContext> remoteKeys(TokenPolicy policy) {
    try {
      var retriever = new DefaultResourceRetriever(2_000, 2_000, 256 * 1024);
      JWKSource<SecurityContext> source = JWKSourceBuilder.<SecurityContext>create(
              URI.create(policy.effectiveJwkSetUri()).toURL(), retriever)
          .cache(policy.jwksCacheTtl().toMillis(), 5_000)
          .rateLimited(policy.jwksMinRefetchInterval().toMillis())
          .outageTolerant(policy.jwksOutageTolerance().toMillis())
          .build();
      return new UnknownKeyIsNoKey(source);
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
   * Refetching the key set for an unknown key id is rate-limited; within the limit the token is
   * simply unverifiable (no key), which is a bad token, not an outage.
   */
  private record UnknownKeyIsNoKey(JWKSource<SecurityContext> delegate) implements JWKSource<SecurityContext> {

    @Override
    public List<JWK> get(JWKSelector selector, @Nullable SecurityContext context) throws KeySourceException {
      try {
        return delegate.get(selector, context);
      } catch (RateLimitReachedException e) {
        return List.of();
      }
    }
  }

  private JwtDecoders() {}
}
