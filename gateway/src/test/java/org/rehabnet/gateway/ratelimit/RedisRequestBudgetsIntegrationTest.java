package org.rehabnet.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.ConsumptionProbe;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabnet.gateway.ratelimit.RateLimitProperties.Budget;
import org.rehabnet.test.infra.RedisServer;
import org.rehabnet.test.process.Ports;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The shared store against a real Redis, and what happens when Redis is gone or slow. */
@ExtendWith(OutputCaptureExtension.class)
class RedisRequestBudgetsIntegrationTest {

  static final Budget FIVE_PER_MINUTE = new Budget(5, Duration.ofMinutes(1));
  static final Duration COMMAND_TIMEOUT = Duration.ofMillis(150);

  final List<AutoCloseable> opened = new CopyOnWriteArrayList<>();
  final String client = "client:" + UUID.randomUUID();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable closeable : opened.reversed()) {
      closeable.close();
    }
  }

  @Test
  void twoGatewaysShareOneBucketKeptUnderANamespacedKeyThatExpiresWhenIdle() {
    String uri = RedisServer.shared().uri();
    RedisRequestBudgets first = budgets(uri);
    RedisRequestBudgets second = budgets(uri);

    List<Boolean> admitted = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      admitted.add(consume(i % 2 == 0 ? first : second).isConsumed());
    }

    assertThat(admitted).containsExactly(true, true, true, true, true, false, false, false);
    try (RedisClient redis = RedisClient.create(uri); StatefulRedisConnection<String, String> connection = redis.connect()) {
      // Full again 60 s after the last request, then a 10 s margin: gone from Redis after ~70 s idle.
      long ttl = connection.sync().pttl("rehabnet:ratelimit:" + client);
      assertThat(ttl).isBetween(1L, Duration.ofSeconds(70).toMillis());
    }
  }

  @Test
  void withNothingListeningRequestsAreCountedLocallyAndWarnedAboutOncePerInterval(CapturedOutput output) {
    RedisRequestBudgets budgets = budgets("redis://127.0.0.1:" + Ports.free());

    List<Boolean> admitted = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      admitted.add(consume(budgets).isConsumed());
    }

    assertThat(admitted).containsExactly(true, true, true, true, true, false, false);
    assertThat(output.getAll().lines().filter(line -> line.contains("WARN") && line.contains("did not answer")))
        .hasSize(1);
  }

  @Test
  void whenRedisAcceptsButNeverAnswersRequestsAreNotHeldUp() throws IOException {
    ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(() -> {
      while (!silent.isClosed()) {
        try {
          opened.add(silent.accept());
        } catch (IOException e) {
          return;
        }
      }
    });
    opened.add(silent);
    RedisRequestBudgets budgets = budgets("redis://127.0.0.1:" + silent.getLocalPort());

    long started = System.nanoTime();
    List<Boolean> admitted = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      admitted.add(consume(budgets).isConsumed());
    }

    assertThat(admitted).containsExactly(true, true, true, true, true, false);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void whenRedisIsBusyARequestWaitsNoLongerThanTheCommandTimeout() {
    String uri = RedisServer.shared().uri();
    RedisRequestBudgets budgets = budgets(uri);
    assertThat(consume(budgets).isConsumed()).isTrue();

    try (RedisClient redis = RedisClient.create(uri); StatefulRedisConnection<String, String> connection = redis.connect()) {
      // Holds every other client's commands for 2 s, as a long command or a failover would.
      connection.sync().clientPause(2000);
      long started = System.nanoTime();
      ConsumptionProbe probe = consume(budgets);
      Duration waited = Duration.ofNanos(System.nanoTime() - started);

      assertThat(probe.isConsumed()).isTrue();
      // Counted in a fresh local bucket (Redis would have said 3 left).
      assertThat(probe.getRemainingTokens()).isEqualTo(4);
      assertThat(waited).isLessThan(COMMAND_TIMEOUT.plusMillis(500));
    }
  }

  private RedisRequestBudgets budgets(String uri) {
    RedisRequestBudgets budgets = new RedisRequestBudgets(
        new RateLimitProperties.Redis(URI.create(uri), COMMAND_TIMEOUT, Duration.ofSeconds(1)),
        new LocalRequestBudgets());
    opened.add(budgets);
    return budgets;
  }

  private ConsumptionProbe consume(RedisRequestBudgets budgets) {
    return budgets.tryConsume(client, FIVE_PER_MINUTE).block(Duration.ofSeconds(5));
  }
}
