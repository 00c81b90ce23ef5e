package org.rehabnet.platform.web.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * What makes a token acceptable, the same at the gateway and in every service: signed by the
 * realm's key with an allowed algorithm, from the realm's issuer, not expired (small clock skew),
 * for the {@code rehabnet-api} audience, and an access token rather than an ID or refresh token.
 * Spring Security checks no audience unless told to; this tells it.
 */
@ConfigurationProperties("rehabnet.security")
public record TokenPolicy(
    String issuerUri,
    @Nullable String jwkSetUri,
    @DefaultValue("rehabnet-api") String audience,
    @DefaultValue("30s") Duration clockSkew,
    @DefaultValue("RS256") List<SignatureAlgorithm> algorithms,
    /** How long fetched keys are used before a refresh (refreshed ahead, in the background). */
    @DefaultValue("5m") Duration jwksCacheTtl,
    /** At most one refetch of the key set per interval, whatever unknown key ids arrive. */
    @DefaultValue("30s") Duration jwksMinRefetchInterval,
    /** How long cached keys keep verifying tokens while Keycloak cannot be reached. */
    @DefaultValue("1h") Duration jwksOutageTolerance) {

  public String effectiveJwkSetUri() {
    return jwkSetUri != null && !jwkSetUri.isBlank()
        ? jwkSetUri
        : issuerUri + "/protocol/openid-connect/certs";
  }

  public OAuth2TokenValidator<Jwt> validator() {
    return new DelegatingOAuth2TokenValidator<>(List.of(
        new JwtTimestampValidator(clockSkew),
        // The timestamp validator lets a token without an expiry through; we do not.
        new JwtClaimValidator<Instant>("exp", Objects::nonNull),
        new JwtIssuerValidator(issuerUri),
        new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(audience)),
        // Keycloak marks access tokens "Bearer"; ID and refresh tokens carry other types.
        new JwtClaimValidator<String>("typ", typ -> typ == null || "Bearer".equals(typ))));
  }
}
