package org.rehabnet.platform.web.security;

import org.rehabnet.platform.web.json.TextRules;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/**
 * Spring Security's strict firewalls, as every RehabNet door uses them: the defaults (no encoded
 * slash, period, NUL or traversal in the path, only the usual methods), and query parameters held
 * to the same text rules as JSON bodies ({@link TextRules}; tabs and line breaks allowed, since a
 * form field may be a note). A rejection is answered as problem+json by the problem handlers.
 */
public final class InputFirewalls {

  public static StrictHttpFirewall servlet() {
    StrictHttpFirewall firewall = new StrictHttpFirewall();
    firewall.setAllowedParameterValues(value -> TextRules.problem(value, true) == null);
    firewall.setAllowedParameterNames(name -> TextRules.problem(name, false) == null);
    return firewall;
  }

  public static StrictServerWebExchangeFirewall reactive() {
    StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
    firewall.setAllowedParameterValues(value -> TextRules.problem(value, true) == null);
    firewall.setAllowedParameterNames(name -> TextRules.problem(name, false) == null);
    return firewall;
  }

  private InputFirewalls() {}
}
