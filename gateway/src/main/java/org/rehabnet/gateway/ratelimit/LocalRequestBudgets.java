package org.rehabnet.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import org.rehabnet.gateway.ratelimit.RateLimitProperties.Budget;
import reactor.core.publisher.Mono;

/**
 * Token buckets in this instance's memory: no server needed, but each gateway instance holds every
 * client to the budget on its own, so N instances admit up to N budgets.
 */
final class LocalRequestBudgets implements RequestBudgets {

  private final TimeMeter clock;
  private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
      .maximumSize(100_000)
      .expireAfterAccess(Duration.ofHours(1))
      // Housekeeping on the calling thread: Caffeine's default hands it to the common pool, which
      // woke a pool thread on nearly every request (measured with strace at the gateway).
      .executor(Runnable::run)
      .build();

  LocalRequestBudgets() {
    this(TimeMeter.SYSTEM_MILLISECONDS);
  }

  LocalRequestBudgets(TimeMeter clock) {
    this.clock = clock;
  }

  @Override
  public Mono<ConsumptionProbe> tryConsume(String key, Budget budget) {
    return Mono.fromSupplier(() -> consume(key, budget));
  }

  @Override
  public Mono<Long> remaining(String key, Budget budget) {
    return Mono.fromSupplier(() -> {
      Bucket bucket = buckets.getIfPresent(key);
      return bucket == null ? budget.requests() : bucket.getAvailableTokens();
    });
  }

  @Override
  public String store() {
    return "instance";
  }

  ConsumptionProbe consume(String key, Budget budget) {
    return buckets.get(key, k -> Bucket.builder().addLimit(budget.bandwidth()).withCustomTimePrecision(clock).build())
        .tryConsumeAndReturnRemaining(1);
  }
}
