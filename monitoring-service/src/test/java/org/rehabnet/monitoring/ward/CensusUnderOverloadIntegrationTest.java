package org.rehabnet.monitoring.ward;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import org.rehabnet.test.infra.RehabnetIntegrationTest;
import org.rehabnet.test.tokens.TestIdentityProvider;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A ward's burst of reads beyond what the service takes on at once (here 2 at a time, 4 waiting)
 * is answered, every request: served, or refused 503 with Retry-After, never 500 and never left
 * to pile up. The charting benchmark took monitoring out of memory before this bound existed.
 */
@RehabnetIntegrationTest(database = "monitoring")
@TestPropertySource(properties = {"rehabnet.overload.max-in-flight=2", "rehabnet.overload.max-queued=4",
    "rehabnet.overload.queue-timeout=20ms"})
class CensusUnderOverloadIntegrationTest {

  @LocalServerPort
  int port;

  @Test
  void aBurstBeyondTheBoundIsServedOrRefusedWithRetryAfterAndTheWardReadsAgainAfterIt() throws Exception {
    var api = new ApiClient("http://localhost:" + port);
    String nurse = TestIdentityProvider.get().staff("nurse-north", List.of("nurse"), List.of("north"));
    int callers = 48;

    List<ApiResponse> answers = new ArrayList<>();
    try (var pool = Executors.newFixedThreadPool(callers)) {
      var start = new CountDownLatch(1);
      List<Future<ApiResponse>> pending = new ArrayList<>();
      for (int i = 0; i < callers * 3; i++) {
        pending.add(pool.submit(() -> {
          start.await();
          return api.get("/v1/sites/north/census", nurse);
        }));
      }
      start.countDown();
      for (var answer : pending) {
        answers.add(answer.get());
      }
    }

    assertThat(answers).extracting(ApiResponse::status).containsOnly(200, 503).contains(200, 503);
    assertThat(answers).filteredOn(answer -> answer.status() == 503).allSatisfy(refused -> {
      assertThat(refused.header("Retry-After")).isEqualTo("1");
      assertThat(refused.isProblem()).isTrue();
      assertThat(refused.json().get("type").asString()).endsWith("/service-unavailable");
      assertThat(refused.header("x-request-id")).isNotBlank();
    });
    assertThat(api.get("/v1/sites/north/census", nurse).status()).isEqualTo(200);
    assertThat(api.get("/readyz", null).status()).isEqualTo(200);
  }
}
