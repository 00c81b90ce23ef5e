package org.rehabnet.portal.security;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who is signed in, as the pages need it: display name, realm roles and sites. The portal uses these
 * only to hide what the gateway and services would refuse; they decide, from the token, every time.
 */
public record Staff(String username, String displayName, Set<String> roles, List<String> sites) {

  public static final String ROLE_PREFIX = "ROLE_";

  public static Staff current() {
    return of(SecurityContextHolder.getContext().getAuthentication());
  }

  public static Staff of(@Nullable Authentication authentication) {
    if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser user)) {
      return new Staff("", "", Set.of(), List.of());
    }
    Set<String> roles = new TreeSet<>();
    for (GrantedAuthority authority : authentication.getAuthorities()) {
      String name = authority.getAuthority();
      if (name != null && name.startsWith(ROLE_PREFIX)) {
        roles.add(name.substring(ROLE_PREFIX.length()));
      }
    }
    List<String> sites = user.getClaimAsStringList("site");
    String name = user.getFullName() != null ? user.getFullName() : user.getPreferredUsername();
    return new Staff(user.getPreferredUsername(), name == null ? "" : name, roles,
        sites == null ? roles.contains("clinical-lead") ? List.of("north", "south") : List.of() : List.copyOf(sites));
  }

  public boolean is(String role) {
    return roles.contains(role);
  }

  public boolean any(String... wanted) {
    for (String role : wanted) {
      if (roles.contains(role)) {
        return true;
      }
    }
    return false;
  }

  public boolean worksAt(String site) {
    return is("clinical-lead") || sites.contains(site);
  }

  /** Nurses, physicians and the clinical lead read the ward. */
  public boolean ward() {
    return any("nurse", "physician", "clinical-lead");
  }

  public boolean intake() {
    return any("intake-coordinator", "physician", "clinical-lead");
  }

  public boolean aftercare() {
    return any("counsellor", "clinical-lead");
  }

  /** Takes beds out of service and back (intake keeps the bed board with the site admin). */
  public boolean keepsBeds() {
    return any("site-admin", "intake-coordinator");
  }

  /** Shapes a site's wards and beds. */
  public boolean administersSite() {
    return any("site-admin", "clinical-lead");
  }

  public boolean auditor() {
    return is("auditor");
  }

  /** Only nurses chart; physicians order, override and discharge. */
  public boolean charts() {
    return is("nurse");
  }

  public boolean physician() {
    return is("physician");
  }

  public boolean givesDoses() {
    return any("nurse", "physician");
  }

  @Override
  public String toString() {
    return "Staff[" + username + "]";
  }
}
