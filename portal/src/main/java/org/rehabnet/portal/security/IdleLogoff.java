package org.rehabnet.portal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Automatic logoff after a period without a user action (HIPAA §164.312(a)(2)(iii)). Only what a person
 * does counts: background requests (the census poll, the SSE signal, the idle warning's own check) are
 * marked with {@value #BACKGROUND_HEADER} or ask for an event stream, and never move the last-action
 * time. A session found idle ends here and at Keycloak; the page is sent to "signed out".
 */
public final class IdleLogoff extends OncePerRequestFilter {

  public static final String BACKGROUND_HEADER = "X-Rehabnet-Background";
  static final String LAST_ACTION = IdleLogoff.class.getName() + ".lastAction";
  private final Duration timeout;
  private final Clock clock;
  private final KeycloakSessions keycloak;
  private final OAuth2AuthorizedClientRepository authorizedClients;

  IdleLogoff(Duration timeout, Clock clock, KeycloakSessions keycloak, OAuth2AuthorizedClientRepository authorizedClients) {
    this.timeout = timeout;
    this.clock = clock;
    this.keycloak = keycloak;
    this.authorizedClients = authorizedClients;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (session == null || !(authentication instanceof OAuth2AuthenticationToken token)) {
      chain.doFilter(request, response);
      return;
    }
    Instant now = clock.instant();
    Instant last = (Instant) session.getAttribute(LAST_ACTION);
    if (last != null && Duration.between(last, now).compareTo(timeout) > 0) {
      end(request, token);
      if (request.getHeader("HX-Request") != null) {
        response.setHeader("HX-Redirect", "/signed-out?idle");
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      } else {
        response.sendRedirect("/signed-out?idle");
      }
      return;
    }
    if (last == null || !background(request)) {
      session.setAttribute(LAST_ACTION, now);
    }
    chain.doFilter(request, response);
  }

  /** Ends the portal session and the user's Keycloak session. */
  void end(HttpServletRequest request, OAuth2AuthenticationToken token) {
    OAuth2AuthorizedClient client = authorizedClients.loadAuthorizedClient(
        token.getAuthorizedClientRegistrationId(), token, request);
    if (client != null) {
      keycloak.end(client);
    }
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    SecurityContextHolder.clearContext();
  }

  static boolean background(HttpServletRequest request) {
    if (request.getRequestURI().equals("/session/idle")) {
      return true;
    }
    String accept = request.getHeader("Accept");
    return request.getHeader(BACKGROUND_HEADER) != null || (accept != null && accept.contains("text/event-stream"));
  }
}
