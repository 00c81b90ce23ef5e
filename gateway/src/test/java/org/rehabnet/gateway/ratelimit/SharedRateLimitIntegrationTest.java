package org.rehabnet.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.rehabnet.gateway.GatewayApplication;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import org.rehabnet.test.infra.RedisServer;
import org.rehabnet.test.tokens.TestIdentityProvider;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two gateway instances, each its own Spring Boot application on its own port, with a client budget
 * of 5 requests a minute. No service runs, so an admitted request meets the circuit breaker's 503
 * problem and a refused one the 429: the status tells which it was.
 */
class SharedRateLimitIntegrationTest {

  static final TestIdentityProvider IDP = TestIdentityProvider.get();
  static final int ADMITTED = 503;
  static final int REFUSED = 429;

  @Test
  void withRedisAClientBudgetIsSpentOnceAcrossBothInstances() {
    String redis = RedisServer.shared().uri();
    try (Gateway first = Gateway.start(redis); Gateway second = Gateway.start(redis)) {
      String harbor = IDP.partner("partner-harbor", "harbor-house");

      List<Integer> statuses = alternate(first, second, harbor, 10);

      assertThat(statuses).containsExactly(ADMITTED, ADMITTED, ADMITTED, ADMITTED, ADMITTED,
          REFUSED, REFUSED, REFUSED, REFUSED, REFUSED);
      assertRefused(first.get(harbor));
      assertRefused(second.get(harbor));
      String bay = IDP.partner("partner-bay", "bay-clinic");
      assertThat(first.get(bay).status()).isEqualTo(ADMITTED);
      assertThat(second.get(bay).status()).isEqualTo(ADMITTED);
      assertThat(keyInRedis(redis, "rehabnet:ratelimit:client:harbor-house")).isTrue();
    }
  }

  @Test
  void theManagementPortTellsTheBudgetsAndWhatAClientHasLeftAcrossInstancesAndTheDoorDoesNot() {
    String redis = RedisServer.shared().uri();
    try (Gateway first = Gateway.start(redis); Gateway second = Gateway.start(redis)) {
      String partnerOrg = "ledger-" + System.nanoTime();
      String token = IDP.partner("partner-" + partnerOrg, partnerOrg);
      alternate(first, second, token, 3);

      JsonNode left = second.management().get("/actuator/ratelimits/client/" + partnerOrg, null).json();
      assertThat(left.get("remaining").asLong()).as("5 a minute, 3 spent on two instances").isEqualTo(2);
      assertThat(left.get("requests").asLong()).isEqualTo(5);
      assertThat(left.get("period").asString()).isEqualTo("PT1M");
      assertThat(first.management().get("/actuator/ratelimits/client/" + partnerOrg, null).json()
          .get("remaining").asLong()).as("reading spends nothing").isEqualTo(2);
      assertThat(first.management().get("/actuator/ratelimits/user/never-seen", null).json()
          .get("remaining").asLong()).isEqualTo(1000);

      JsonNode budgets = first.management().get("/actuator/ratelimits", null).json();
      assertThat(budgets.get("store").asString()).isEqualTo("redis");
      assertThat(budgets.get("perClient").get("requests").asLong()).isEqualTo(5);
      assertThat(budgets.get("perUser").get("requests").asLong()).isEqualTo(1000);
      assertThat(first.management().get("/actuator/ratelimits/neither/x", null).status()).isEqualTo(404);

      ApiResponse atTheDoor = first.client().get("/actuator/ratelimits", token);
      assertThat(atTheDoor.status()).as("not served on the API port").isIn(401, 403, 404);
    }
  }

  @Test
  void withoutRedisEachInstanceAdmitsItsOwnBudget() {
    try (Gateway first = Gateway.start(null); Gateway second = Gateway.start(null)) {
      String harbor = IDP.partner("partner-harbor", "harbor-house");

      List<Integer> statuses = alternate(first, second, harbor, 12);

      assertThat(Collections.frequency(statuses, ADMITTED)).isEqualTo(10);
      assertThat(statuses.subList(10, 12)).containsOnly(REFUSED);
    }
  }

  @Test
  void whenRedisStopsRequestsAreStillServedAndLimitedByEachInstanceThenSharedAgainWhenItReturns() {
    try (RedisServer redis = RedisServer.startNew();
        Gateway first = Gateway.start(redis.uri());
        Gateway second = Gateway.start(redis.uri())) {
      redis.stop();

      String harbor = IDP.partner("partner-harbor", "harbor-house");
      List<Integer> statuses = alternate(first, second, harbor, 12);

      // No 500: each instance counts on its own, 5 each, and refuses the rest.
      assertThat(Collections.frequency(statuses, ADMITTED)).isEqualTo(10);
      assertThat(statuses.subList(10, 12)).containsOnly(REFUSED);
      assertRefused(first.get(harbor));

      redis.start();
      awaitSharedAgain(first, redis.uri(), "returning-first");
      awaitSharedAgain(second, redis.uri(), "returning-second");

      String bay = IDP.partner("partner-bay", "bay-clinic");
      assertThat(alternate(first, second, bay, 7))
          .containsExactly(ADMITTED, ADMITTED, ADMITTED, ADMITTED, ADMITTED, REFUSED, REFUSED);
    }
  }

  private static List<Integer> alternate(Gateway first, Gateway second, String token, int requests) {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      ApiResponse response = (i % 2 == 0 ? first : second).get(token);
      assertThat(response.isProblem()).as(response.body()).isTrue();
      statuses.add(response.status());
    }
    return statuses;
  }

  private static void assertRefused(ApiResponse response) {
    assertThat(response.status()).isEqualTo(REFUSED);
    assertThat(response.isProblem()).isTrue();
    assertThat(response.json().get("type").asString()).isEqualTo("https://rehabnet.example/problems/too-many-requests");
    assertThat(Long.parseLong(response.header("retry-after"))).isBetween(1L, 60L);
  }

  /** Until a request through this instance leaves its bucket in Redis again. */
  private static void awaitSharedAgain(Gateway gateway, String redis, String partnerOrg) {
    String token = IDP.partner("partner-" + partnerOrg, partnerOrg);
    Awaitility.await(partnerOrg + " counted in Redis").atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> {
          gateway.get(token);
          return keyInRedis(redis, "rehabnet:ratelimit:client:" + partnerOrg);
        });
  }

  private static boolean keyInRedis(String uri, String key) {
    try (RedisClient redis = RedisClient.create(uri); StatefulRedisConnection<String, String> connection = redis.connect()) {
      return connection.sync().exists(key) == 1;
    }
  }

  /** One gateway instance; without a Redis URI it keeps its budgets to itself. */
  record Gateway(ConfigurableApplicationContext context, ApiClient client) implements AutoCloseable {

    static Gateway start(@Nullable String redisUri) {
      List<String> args = new ArrayList<>(List.of(
          "--server.port=0",
          "--management.server.port=0",
          "--spring.main.banner-mode=off",
          "--rehabnet.routes.intake=http://127.0.0.1:1",
          "--rehabnet.routes.monitoring=http://127.0.0.1:1",
          "--rehabnet.routes.aftercare=http://127.0.0.1:1",
          "--rehabnet.security.issuer-uri=" + IDP.issuer(),
          "--rehabnet.security.jwk-set-uri=" + IDP.jwkSetUri(),
          "--rehabnet.gateway.rate-limit.per-client.requests=5",
          "--rehabnet.gateway.rate-limit.per-client.period=1m",
          "--rehabnet.gateway.rate-limit.per-user.requests=1000"));
      if (redisUri != null) {
        args.add("--rehabnet.gateway.rate-limit.redis.uri=" + redisUri);
      }
      ConfigurableApplicationContext context = new SpringApplicationBuilder(GatewayApplication.class)
          .run(args.toArray(String[]::new));
      String port = context.getEnvironment().getRequiredProperty("local.server.port");
      return new Gateway(context, new ApiClient("http://127.0.0.1:" + port));
    }

    ApiClient management() {
      return new ApiClient("http://127.0.0.1:" + context.getEnvironment().getRequiredProperty("local.management.port"));
    }

    ApiResponse get(String token) {
      return client.get("/partner/v1/metadata", token);
    }

    @Override
    public void close() {
      context.close();
    }
  }
}
