package org.rehabnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.rehabnet.test.http.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * A crashed monitoring-service, restarted, opens the episodes admitted while it was down within
 * seconds of being ready: with static group membership it rejoins under its old member id and takes
 * its partitions back without waiting for the dead member's session to expire.
 */
class ConsumerHandOverIT {

  private final PlatformUnderTest platform = PlatformUnderTest.get();

  @Test
  void aKilledAndRestartedMonitoringConsumesAgainWithinFiveSecondsOfBeingReady() {
    String nurse = platform.token("nurse-north");
    platform.services.get("monitoring").kill();
    JsonNode admission;
    long ready;
    try {
      admission = new Journeys(platform.gateway).admit(platform.token("intake-north"), "north");
    } finally {
      platform.startService("monitoring").awaitHealthy(Duration.ofMinutes(3));
      ready = System.nanoTime();
    }
    ApiClient monitoring = new ApiClient("http://127.0.0.1:" + platform.ports.get("monitoring"));
    await("the episode admitted while monitoring was down").atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> monitoring.get("/v1/admissions/" + admission.get("admissionId").asString() + "/episode", nurse)
            .status() == 200);
    long millis = (System.nanoTime() - ready) / 1_000_000;
    System.out.printf("Consumer hand-over after kill -9: first record consumed %d ms after monitoring was ready%n",
        millis);
    assertThat(millis).as("from ready to the first consumed record").isLessThanOrEqualTo(5_000);
  }
}
