package org.rehabnet.platform.web.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, read once from the Keycloak access token: realm roles from
 * {@code realm_access.roles}, the sites from the {@code site} claim, a partner's organisation from
 * {@code partner_org}, and the client from {@code azp}.
 */
public record Caller(
    String subject,
    String username,
    Set<String> roles,
    Set<String> sites,
    @Nullable String partnerOrg,
    @Nullable String clientId) {

  public Caller {
    roles = Set.copyOf(roles);
    sites = Set.copyOf(sites);
  }

  public static Caller from(Jwt jwt) {
    String subject = jwt.getSubject() == null ? "unknown" : jwt.getSubject();
    String username = jwt.hasClaim("preferred_username") ? jwt.getClaimAsString("preferred_username") : subject;
    return new Caller(subject, username, realmRoles(jwt), strings(jwt.getClaims().get("site")),
        jwt.getClaimAsString("partner_org"), jwt.getClaimAsString("azp"));
  }

  /** The caller of the request being served. */
  public static Caller current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication instanceof JwtAuthenticationToken token) {
      return from(token.getToken());
    }
    throw new IllegalStateException("No authenticated caller on this thread");
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  public boolean hasAnyRole(String... wanted) {
    for (String role : wanted) {
      if (roles.contains(role)) {
        return true;
      }
    }
    return false;
  }

  public boolean worksAt(String site) {
    return sites.contains(site);
  }

  /** Staff read their own sites' patients; a clinical lead reads every site. */
  public boolean canRead(String site) {
    return worksAt(site) || hasRole(Roles.CLINICAL_LEAD);
  }

  static Set<String> realmRoles(Jwt jwt) {
    Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
    return realmAccess == null ? Set.of() : strings(realmAccess.get("roles"));
  }

  private static Set<String> strings(@Nullable Object claim) {
    Set<String> values = new TreeSet<>();
    if (claim instanceof Collection<?> collection) {
      collection.forEach(value -> values.add(String.valueOf(value)));
    } else if (claim instanceof String single && !single.isBlank()) {
      // A site attribute may arrive as one comma-separated string if a mapper is not multivalued.
      values.addAll(List.of(single.split("\\s*,\\s*")));
    }
    return values;
  }
}
