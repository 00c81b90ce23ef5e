package org.rehabnet.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import org.rehabnet.platform.web.problem.ProblemType;
import org.rehabnet.platform.web.security.Caller;
import org.rehabnet.platform.web.security.ProblemServerSecurityHandlers;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Keeps each client and each user within its budget (Bucket4j token buckets held on this instance),
 * answering 429 problem+json with Retry-After when one is spent. Runs after authentication, so the
 * keys are the verified client ({@code partner_org}, else {@code azp}) and subject.
 */
public class RateLimitFilter implements WebFilter {

  private final RateLimitProperties properties;
  private final ProblemServerSecurityHandlers problems;
  private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
      .maximumSize(100_000)
      .expireAfterAccess(Duration.ofHours(1))
      .build();

  public RateLimitFilter(RateLimitProperties properties, ProblemServerSecurityHandlers problems) {
    this.properties = properties;
    this.problems = problems;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (!properties.enabled()) {
      return chain.filter(exchange);
    }
    return ReactiveSecurityContextHolder.getContext()
        .mapNotNull(context -> context.getAuthentication() instanceof JwtAuthenticationToken token
            ? Caller.from(token.getToken()) : null)
        .flatMap(caller -> {
          String client = caller.partnerOrg() != null ? caller.partnerOrg()
              : caller.clientId() != null ? caller.clientId() : "unknown-client";
          ConsumptionProbe clientProbe = bucket("client:" + client, properties.forClient(client)).tryConsumeAndReturnRemaining(1);
          if (!clientProbe.isConsumed()) {
            return refuse(exchange, clientProbe, "This client has used its request budget");
          }
          ConsumptionProbe userProbe = bucket("user:" + caller.subject(), properties.perUser()).tryConsumeAndReturnRemaining(1);
          if (!userProbe.isConsumed()) {
            return refuse(exchange, userProbe, "This user has used their request budget");
          }
          exchange.getResponse().getHeaders().set("X-RateLimit-Remaining",
              Long.toString(Math.min(clientProbe.getRemainingTokens(), userProbe.getRemainingTokens())));
          return chain.filter(exchange);
        })
        .switchIfEmpty(Mono.defer(() -> chain.filter(exchange)));
  }

  private Bucket bucket(String key, RateLimitProperties.Budget budget) {
    return buckets.get(key, k -> Bucket.builder()
        .addLimit(limit -> limit.capacity(budget.requests()).refillGreedy(budget.requests(), budget.period()))
        .build());
  }

  private Mono<Void> refuse(ServerWebExchange exchange, ConsumptionProbe probe, String detail) {
    long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    return problems.write(exchange, ProblemType.TOO_MANY_REQUESTS, detail + "; retry after " + seconds + " s");
  }
}
