package org.rehabnet.platform.web.security;

import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The one place a Keycloak token becomes Spring Security authorities: each realm role becomes
 * {@code ROLE_<role>}; the principal name is the username, never an e-mail or a patient's data.
 */
public class RehabnetJwtConverter implements Converter<Jwt, AbstractAuthenticationToken> {

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    Caller caller = Caller.from(jwt);
    List<SimpleGrantedAuthority> authorities = caller.roles().stream()
        .map(Roles::authority)
        .map(SimpleGrantedAuthority::new)
        .toList();
    return new JwtAuthenticationToken(jwt, authorities, caller.username());
  }
}
