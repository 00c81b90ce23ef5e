package org.rehabnet.gateway.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rehabnet.gateway.ratelimit.RateLimitProperties.Budget;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import reactor.core.publisher.Mono;

/**
 * The budgets an on-call engineer asks about when a client reports 429s: what each client and user
 * may spend, where the buckets live, and what one client or user has left right now (read without
 * spending). Served on the management port only ({@code /actuator/ratelimits}), never at the door.
 */
@Endpoint(id = "ratelimits")
class RateLimitEndpoint {

  private final RateLimitProperties properties;
  private final RequestBudgets budgets;

  RateLimitEndpoint(RateLimitProperties properties, RequestBudgets budgets) {
    this.properties = properties;
    this.budgets = budgets;
  }

  @ReadOperation
  Map<String, Object> budgets() {
    Map<String, Object> clients = new LinkedHashMap<>();
    properties.clients().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(client -> clients.put(client.getKey(), describe(client.getValue())));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("enabled", properties.enabled());
    answer.put("store", budgets.store());
    answer.put("perClient", describe(properties.perClient()));
    answer.put("perUser", describe(properties.perUser()));
    answer.put("clients", clients);
    return answer;
  }

  /**
   * {@code /actuator/ratelimits/client/<partner org or client id>} or
   * {@code /actuator/ratelimits/user/<token subject>}.
   */
  @ReadOperation
  Mono<Map<String, Object>> remaining(@Selector String kind, @Selector String name) {
    Budget budget = switch (kind) {
      case "client" -> properties.forClient(name);
      case "user" -> properties.perUser();
      default -> null;
    };
    if (budget == null) {
      return Mono.empty(); // 404: there is no third kind of budget
    }
    return budgets.remaining(kind + ":" + name, budget).map(left -> {
      Map<String, Object> answer = new LinkedHashMap<>(describe(budget));
      answer.put("key", kind + ":" + name);
      answer.put("remaining", left);
      return answer;
    });
  }

  private static Map<String, Object> describe(Budget budget) {
    Map<String, Object> described = new LinkedHashMap<>();
    described.put("requests", budget.requests());
    described.put("period", budget.period().toString());
    return described;
  }
}
