package org.rehabnet.platform.web.security;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.web.problem.ProblemType;
import org.rehabnet.platform.web.problem.Problems;
import org.rehabnet.platform.web.trace.Correlation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 at the gateway, and the firewall's refusals, as problem+json, before any service is
 * reached; 503 when a token cannot be checked at all.
 */
public class ProblemServerSecurityHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler,
    ServerExchangeRejectedHandler, ServerAuthenticationFailureHandler {

  private final JsonMapper json;

  public ProblemServerSecurityHandlers(JsonMapper json) {
    this.json = json;
  }

  @Override
  public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException exception) {
    if (exception instanceof AuthenticationServiceException) {
      // The token could not be checked at all (Keycloak's keys unreachable): not the caller's fault.
      exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
      return write(exchange, ProblemType.SERVICE_UNAVAILABLE, "Tokens cannot be verified right now; try again shortly");
    }
    boolean hadToken = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
    exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, hadToken
        ? "Bearer error=\"invalid_token\", error_description=\"The bearer token is not valid\""
        : "Bearer");
    return write(exchange, ProblemType.UNAUTHORIZED,
        hadToken ? "The bearer token is not valid" : "A bearer token is required");
  }

  /**
   * A bearer token that failed authentication. Spring's default for the resource server rethrows an
   * {@link AuthenticationServiceException} (the realm's keys cannot be fetched) to the error
   * handler, a 500; here it gets the same 503 as the entry point gives it.
   */
  @Override
  public Mono<Void> onAuthenticationFailure(WebFilterExchange exchange, AuthenticationException exception) {
    return commence(exchange.getExchange(), exception);
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
    return write(exchange, ProblemType.FORBIDDEN, "Your role does not allow this request");
  }

  /** The firewall refused the path, a parameter or a header; the untrusted path is not echoed. */
  @Override
  public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
    return write(exchange, ProblemType.REQUEST_REJECTED, ProblemType.REQUEST_REJECTED.title(), null);
  }

  public Mono<Void> write(ServerWebExchange exchange, ProblemType type, String detail) {
    return write(exchange, type, detail, exchange.getRequest().getPath().value());
  }

  private Mono<Void> write(ServerWebExchange exchange, ProblemType type, String detail, @Nullable String path) {
    ProblemDetail problem = Problems.of(type, detail, path);
    String requestId = exchange.getAttribute(Correlation.REQUEST_ID_HEADER);
    if (requestId != null) {
      problem.setProperty("requestId", requestId);
    }
    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(type.status());
    response.getHeaders().setContentType(Problems.PROBLEM_JSON);
    byte[] body = json.writeValueAsString(Problems.asMap(problem)).getBytes(StandardCharsets.UTF_8);
    return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
  }
}
