package org.rehabnet.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.rehabnet.gateway.ratelimit.RateLimitProperties.Budget;
import org.rehabnet.platform.web.security.ProblemServerSecurityHandlers;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Which budgets a request is counted against, and what the caller sees when one is spent. */
class RateLimitFilterTest {

  final RecordingBudgets budgets = new RecordingBudgets();
  final RateLimitProperties properties = new RateLimitProperties(true, new Budget(1200, Duration.ofMinutes(1)),
      new Budget(300, Duration.ofMinutes(1)), Map.of("harbor-house", new Budget(5, Duration.ofMinutes(1))),
      new RateLimitProperties.Redis(null, Duration.ofMillis(150), Duration.ofSeconds(1)));
  final RateLimitFilter filter = new RateLimitFilter(properties, budgets,
      new ProblemServerSecurityHandlers(JsonMapper.builder().build()));
  final AtomicInteger routed = new AtomicInteger();

  @Test
  void aPartnerIsCountedByItsOrganisationBeforeItsOauthClientThenByUser() {
    MockServerWebExchange exchange = send(token("service-account-partner-harbor", "partner-harbor", "harbor-house"));

    assertThat(budgets.consumed).containsExactly(
        "client:harbor-house " + new Budget(5, Duration.ofMinutes(1)),
        "user:service-account-partner-harbor " + properties.perUser());
    assertThat(routed).hasValue(1);
    assertThat(exchange.getResponse().getHeaders().getFirst("X-RateLimit-Remaining")).isEqualTo("4");
  }

  @Test
  void staffAreCountedByTheirOauthClientAndBySubject() {
    send(token("nurse-north", "rehabnet-portal", null));

    assertThat(budgets.consumed).containsExactly(
        "client:rehabnet-portal " + properties.perClient(),
        "user:nurse-north " + properties.perUser());
    assertThat(routed).hasValue(1);
  }

  @Test
  void aSpentClientBudgetIsRefusedWithRetryAfterAndNeverRouted() {
    budgets.spent.add("client:harbor-house");

    MockServerWebExchange exchange = send(token("service-account-partner-harbor", "partner-harbor", "harbor-house"));

    assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("12");
    assertThat(exchange.getResponse().getBodyAsString().block()).contains("too-many-requests", "client");
    assertThat(budgets.consumed).hasSize(1);
    assertThat(routed).hasValue(0);
  }

  @Test
  void aSpentUserBudgetIsRefusedEvenWhenTheClientHasBudgetLeft() {
    budgets.spent.add("user:nurse-north");

    MockServerWebExchange exchange = send(token("nurse-north", "rehabnet-portal", null));

    assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(exchange.getResponse().getBodyAsString().block()).contains("This user has used their request budget");
    assertThat(routed).hasValue(0);
  }

  @Test
  void requestsWithoutATokenPassOnceUncounted() {
    MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/actuator/health"));

    filter.filter(exchange, e -> Mono.fromRunnable(routed::incrementAndGet)).block();

    assertThat(budgets.consumed).isEmpty();
    assertThat(routed).hasValue(1);
  }

  private MockServerWebExchange send(JwtAuthenticationToken token) {
    MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/partner/v1/metadata"));
    filter.filter(exchange, e -> Mono.fromRunnable(routed::incrementAndGet))
        .contextWrite(ReactiveSecurityContextHolder.withAuthentication(token))
        .block();
    return exchange;
  }

  private static JwtAuthenticationToken token(String subject, String clientId, @Nullable String partnerOrg) {
    Jwt.Builder jwt = Jwt.withTokenValue("token").header("alg", "RS256").subject(subject).claim("azp", clientId);
    if (partnerOrg != null) {
      jwt.claim("partner_org", partnerOrg);
    }
    return new JwtAuthenticationToken(jwt.build());
  }

  /** Remembers what was consumed; a key in {@code spent} has nothing left, with 12 s to wait. */
  static final class RecordingBudgets implements RequestBudgets {

    final List<String> consumed = new ArrayList<>();
    final Set<String> spent = new HashSet<>();

    @Override
    public Mono<ConsumptionProbe> tryConsume(String key, Budget budget) {
      consumed.add(key + " " + budget);
      return Mono.just(spent.contains(key)
          ? ConsumptionProbe.rejected(0, Duration.ofSeconds(12).toNanos(), Duration.ofSeconds(12).toNanos())
          : ConsumptionProbe.consumed(budget.requests() - 1, 0));
    }

    @Override
    public Mono<Long> remaining(String key, Budget budget) {
      return Mono.just(spent.contains(key) ? 0L : budget.requests());
    }

    @Override
    public String store() {
      return "recording";
    }
  }
}
