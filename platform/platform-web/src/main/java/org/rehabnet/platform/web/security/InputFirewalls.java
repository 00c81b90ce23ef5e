package org.rehabnet.platform.web.security;

import org.jspecify.annotations.Nullable;

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
    firewall.setAllowedHeaderNames(InputFirewalls::assignedAndNotControl);
    firewall.setAllowedHeaderValues(InputFirewalls::headerValue);
    firewall.setAllowedParameterValues(value -> TextRules.problem(value, true) == null);
    firewall.setAllowedParameterNames(name -> TextRules.problem(name, false) == null);
    return firewall;
  }

  public static StrictServerWebExchangeFirewall reactive() {
    StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
    firewall.setAllowedHeaderNames(InputFirewalls::assignedAndNotControl);
    firewall.setAllowedHeaderValues(InputFirewalls::headerValue);
    firewall.setAllowedParameterValues(value -> TextRules.problem(value, true) == null);
    firewall.setAllowedParameterNames(name -> TextRules.problem(name, false) == null);
    return firewall;
  }

  /**
   * Spring's default rules for header names, {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} (every
   * character assigned in Unicode and none a control character), and values, which may also hold
   * tabs, as loops: the firewall applies them each time a header is read, and matching the
   * expressions against the 1.5 KB Authorization header, read several times per request, took about
   * 3 % of the gateway's CPU.
   */
  static boolean assignedAndNotControl(@Nullable String text) {
    return assignedAndNotControl(text, false);
  }

  static boolean headerValue(@Nullable String text) {
    return assignedAndNotControl(text, true);
  }

  /** A header that is absent (null, as the firewall asks for it) holds nothing to refuse, as in Spring. */
  private static boolean assignedAndNotControl(@Nullable String text, boolean tabs) {
    if (text == null) {
      return true;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c >= 0x7f) {
        return text.codePoints().skip(i)
            .allMatch(cp -> Character.isDefined(cp) && (!Character.isISOControl(cp) || (tabs && cp == '\t')));
      }
    }
    return true;
  }

  private InputFirewalls() {}
}
