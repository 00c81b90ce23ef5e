package org.rehabnet.portal.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Adds the realm roles (the access token's {@code realm_access.roles}, which Keycloak does not put in
 * the ID token) as {@code ROLE_<role>} authorities. The access token came straight from Keycloak's
 * token endpoint over the back channel, and the gateway verifies it on every call; the portal reads
 * the roles only to decide what to show.
 */
final class RealmRoles implements OAuth2UserService<OidcUserRequest, OidcUser> {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final OidcUserService delegate = new OidcUserService();

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser user = delegate.loadUser(request);
    Set<GrantedAuthority> authorities = new HashSet<>(user.getAuthorities());
    String[] parts = request.getAccessToken().getTokenValue().split("\\.");
    if (parts.length == 3) {
      JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
      for (JsonNode role : claims.path("realm_access").path("roles")) {
        authorities.add(new SimpleGrantedAuthority(Staff.ROLE_PREFIX + role.asString()));
      }
    }
    return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "preferred_username");
  }
}
