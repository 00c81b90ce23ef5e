package org.rehabnet.gateway.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.web.problem.ProblemType;
import org.rehabnet.platform.web.security.Caller;
import org.rehabnet.platform.web.security.ProblemServerSecurityHandlers;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Keeps each client and each user within its budget, answering 429 problem+json with Retry-After
 * when one is spent. Runs after authentication, so the keys are the verified client
 * ({@code partner_org}, else {@code azp}) and subject. The budgets live in {@link RequestBudgets}:
 * on this instance, or shared by all instances.
 */
public class RateLimitFilter implements WebFilter {

  private final RateLimitProperties properties;
  private final RequestBudgets budgets;
  private final ProblemServerSecurityHandlers problems;

  public RateLimitFilter(RateLimitProperties properties, RequestBudgets budgets, ProblemServerSecurityHandlers problems) {
    this.properties = properties;
    this.budgets = budgets;
    this.problems = problems;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (!properties.enabled()) {
      return chain.filter(exchange);
    }
    return ReactiveSecurityContextHolder.getContext()
        .mapNotNull(RateLimitFilter::caller)
        .map(caller -> limit(caller, exchange, chain))
        // Requests without a token (health, API docs) are not limited here. defaultIfEmpty, not
        // switchIfEmpty after a flatMap: the chain itself completes empty and would then run again,
        // so a refused request would still be routed to its service.
        .defaultIfEmpty(Mono.defer(() -> chain.filter(exchange)))
        .flatMap(Function.identity());
  }

  private Mono<Void> limit(Caller caller, ServerWebExchange exchange, WebFilterChain chain) {
    String client = client(caller);
    return budgets.tryConsume("client:" + client, properties.forClient(client)).flatMap(clientProbe -> {
      if (!clientProbe.isConsumed()) {
        return refuse(exchange, clientProbe, "This client has used its request budget");
      }
      return budgets.tryConsume("user:" + caller.subject(), properties.perUser()).flatMap(userProbe -> {
        if (!userProbe.isConsumed()) {
          return refuse(exchange, userProbe, "This user has used their request budget");
        }
        exchange.getResponse().getHeaders().set("X-RateLimit-Remaining",
            Long.toString(Math.min(clientProbe.getRemainingTokens(), userProbe.getRemainingTokens())));
        return chain.filter(exchange);
      });
    });
  }

  /** A partner's organisation shares one budget across its OAuth clients. */
  static String client(Caller caller) {
    return caller.partnerOrg() != null ? caller.partnerOrg()
        : caller.clientId() != null ? caller.clientId() : "unknown-client";
  }

  private static @Nullable Caller caller(SecurityContext context) {
    return context.getAuthentication() instanceof JwtAuthenticationToken token ? Caller.from(token.getToken()) : null;
  }

  private Mono<Void> refuse(ServerWebExchange exchange, ConsumptionProbe probe, String detail) {
    long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    return problems.write(exchange, ProblemType.TOO_MANY_REQUESTS, detail + "; retry after " + seconds + " s");
  }
}
