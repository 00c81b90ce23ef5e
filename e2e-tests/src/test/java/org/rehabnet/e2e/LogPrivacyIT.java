package org.rehabnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rehabnet.test.http.ApiClient.ApiResponse;

/**
 * The structured logs of an admission, at every process it passes, carry its trace id and none of
 * the patient's identity: not the name, not the birth date (42 CFR Part 2 records stay out of logs,
 * which are copied and kept far more widely than the databases).
 */
class LogPrivacyIT {

  private static final List<String> PROCESSES = List.of("gateway", "intake", "monitoring", "aftercare");
  private final PlatformUnderTest platform = PlatformUnderTest.get();

  @Test
  void theLogsOfAnAdmissionCarryItsTraceAndNoneOfThePatientsIdentity() {
    String givenName = "Lp" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String birthDate = "1961-09-27";
    ApiResponse admitted = new Journeys(platform.gateway).admission(platform.token("intake-north"), "north",
        givenName, birthDate);
    String traceId = admitted.header("traceparent").substring(3, 35);
    String admissionId = admitted.json().get("admissionId").asString();
    String nurse = platform.token("nurse-north");
    await("the episode").atMost(Duration.ofSeconds(30)).until(
        () -> platform.gateway.get("/api/monitoring/v1/admissions/" + admissionId + "/episode", nurse).status() == 200);

    // Monitoring logs the event it processed as a JSON line with the admission's trace id, its own
    // span and the event's request id.
    String processed = await("monitoring's log line of the admission").atMost(Duration.ofSeconds(10))
        .until(() -> log("monitoring").lines().filter(line -> line.startsWith("{")
            && line.contains("\"traceId\":\"" + traceId + "\"") && line.contains("processed")).findFirst(),
            java.util.Optional::isPresent).orElseThrow();
    assertThat(processed).contains("\"spanId\":\"").contains("\"requestId\":\"event-");
    // The gateway's access line for the same request names the same trace, so the door's line leads to it.
    String door = await("the gateway's access line of the admission").atMost(Duration.ofSeconds(10))
        .until(() -> log("gateway").lines().filter(line -> line.startsWith("{")
            && line.contains("\"traceId\":\"" + traceId + "\"") && line.contains("POST /api/intake/v1/admissions"))
            .findFirst(), java.util.Optional::isPresent).orElseThrow();
    assertThat(door).contains("\"spanId\":\"").contains(" 201 ");

    for (String process : PROCESSES) {
      String log = log(process);
      assertThat(log).as(process + "'s log").isNotEmpty()
          .doesNotContain(givenName)
          .doesNotContain(birthDate)
          .doesNotContain(birthDate.replace("-", ""));
    }
  }

  private String log(String process) {
    var managed = platform.services.get(process);
    try {
      return Files.readString(managed.logFile(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
