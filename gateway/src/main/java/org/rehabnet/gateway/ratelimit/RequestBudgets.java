package org.rehabnet.gateway.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import org.rehabnet.gateway.ratelimit.RateLimitProperties.Budget;
import reactor.core.publisher.Mono;

/**
 * Where request budgets are kept and spent: in this instance's memory, or shared by every gateway
 * instance through Redis.
 */
public interface RequestBudgets {

  /** Takes one request from the budget named {@code key}, which starts full the first time it is seen. */
  Mono<ConsumptionProbe> tryConsume(String key, Budget budget);

  /** What is left of the budget named {@code key}, without spending any of it (full if never used). */
  Mono<Long> remaining(String key, Budget budget);

  /** Where the budgets live, as an operator would name it: {@code instance} or {@code redis}. */
  String store();
}
