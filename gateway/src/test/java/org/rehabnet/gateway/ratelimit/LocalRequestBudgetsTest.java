package org.rehabnet.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.rehabnet.gateway.ratelimit.RateLimitProperties.Budget;

class LocalRequestBudgetsTest {

  static final Budget FIVE_PER_MINUTE = new Budget(5, Duration.ofMinutes(1));

  final AtomicLong nanos = new AtomicLong();
  final LocalRequestBudgets budgets = new LocalRequestBudgets(new TimeMeter() {
    @Override
    public long currentTimeNanos() {
      return nanos.get();
    }

    @Override
    public boolean isWallClockBased() {
      return false;
    }
  });

  @Test
  void admitsTheBudgetThenRefusesWithTheWaitForTheNextRequest() {
    for (int i = 4; i >= 0; i--) {
      ConsumptionProbe probe = consume("client:harbor-house");
      assertThat(probe.isConsumed()).isTrue();
      assertThat(probe.getRemainingTokens()).isEqualTo(i);
    }

    ConsumptionProbe refused = consume("client:harbor-house");

    assertThat(refused.isConsumed()).isFalse();
    // Refilled evenly: one request back every 60 s / 5 = 12 s.
    assertThat(Duration.ofNanos(refused.getNanosToWaitForRefill())).isEqualTo(Duration.ofSeconds(12));
  }

  @Test
  void refillsEvenlyOverThePeriod() {
    spend("client:harbor-house", 5);

    nanos.addAndGet(Duration.ofSeconds(12).toNanos());

    assertThat(consume("client:harbor-house").isConsumed()).isTrue();
    assertThat(consume("client:harbor-house").isConsumed()).isFalse();
  }

  @Test
  void eachKeyHasItsOwnBudget() {
    spend("client:harbor-house", 5);

    assertThat(consume("client:harbor-house").isConsumed()).isFalse();
    assertThat(consume("client:bay-clinic").isConsumed()).isTrue();
  }

  @Test
  void tellsWhatIsLeftWithoutSpendingIt() {
    assertThat(budgets.remaining("user:never-seen", FIVE_PER_MINUTE).block()).isEqualTo(5);
    spend("user:nurse", 3);

    assertThat(budgets.remaining("user:nurse", FIVE_PER_MINUTE).block()).isEqualTo(2);
    assertThat(budgets.remaining("user:nurse", FIVE_PER_MINUTE).block()).isEqualTo(2);
    assertThat(consume("user:nurse").getRemainingTokens()).isEqualTo(1);
  }

  private void spend(String key, int requests) {
    for (int i = 0; i < requests; i++) {
      assertThat(consume(key).isConsumed()).isTrue();
    }
  }

  private ConsumptionProbe consume(String key) {
    return budgets.tryConsume(key, FIVE_PER_MINUTE).block();
  }
}
