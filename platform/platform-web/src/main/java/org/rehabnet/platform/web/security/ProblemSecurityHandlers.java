package org.rehabnet.platform.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.web.audit.AuditAction;
import org.rehabnet.platform.web.audit.AuditOutcome;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.problem.ProblemType;
import org.rehabnet.platform.web.problem.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 from the security filter chain, and the firewall's refusals, as problem+json like
 * every other error; 503 when a token cannot be checked at all.
 */
public class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler,
    RequestRejectedHandler, AuthenticationFailureHandler {

  private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
  private final JsonMapper json;
  private final ObjectProvider<AuditTrail> audit;

  public ProblemSecurityHandlers(JsonMapper json, ObjectProvider<AuditTrail> audit) {
    this.json = json;
    this.audit = audit;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException exception) throws IOException {
    if (exception instanceof AuthenticationServiceException) {
      // The token could not be checked at all (Keycloak's keys unreachable): not the caller's fault.
      response.setHeader("Retry-After", "5");
      write(response, ProblemType.SERVICE_UNAVAILABLE, "Tokens cannot be verified right now; try again shortly",
          request.getRequestURI());
      return;
    }
    // Sets the RFC 6750 WWW-Authenticate header (with the token error, if any) and the status.
    bearer.commence(request, response, exception);
    audit.ifAvailable(trail -> trail.record(AuditAction.ACCESS, "http", request.getMethod() + " " + request.getRequestURI(),
        null, null, AuditOutcome.REFUSED, "unauthenticated"));
    write(response, ProblemType.UNAUTHORIZED, request.getHeader("Authorization") == null
        ? "A bearer token is required"
        : "The bearer token is not valid", request.getRequestURI());
  }

  /**
   * A bearer token that failed authentication. The bearer filter's default handler rethrows an
   * {@link AuthenticationServiceException} (the realm's keys cannot be fetched), which ends as a 500;
   * here it gets the same 503 as the entry point gives it.
   */
  @Override
  public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException exception) throws IOException {
    commence(request, response, exception);
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response,
      AccessDeniedException exception) throws IOException {
    audit.ifAvailable(trail -> trail.record(AuditAction.ACCESS, "http", request.getMethod() + " " + request.getRequestURI(),
        null, null, AuditOutcome.REFUSED, "role"));
    write(response, ProblemType.FORBIDDEN, "Your role does not allow this request", request.getRequestURI());
  }

  /**
   * The firewall refused the path, a parameter or a header before any filter ran. The path is not
   * echoed: it is the part the firewall did not trust.
   */
  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
      throws IOException {
    write(response, ProblemType.REQUEST_REJECTED, ProblemType.REQUEST_REJECTED.title(), null);
  }

  private void write(HttpServletResponse response, ProblemType type, String detail, @Nullable String path)
      throws IOException {
    response.setStatus(type.status().value());
    response.setContentType(Problems.PROBLEM_JSON.toString());
    json.writeValue(response.getOutputStream(), Problems.asMap(Problems.of(type, detail, path)));
  }
}
