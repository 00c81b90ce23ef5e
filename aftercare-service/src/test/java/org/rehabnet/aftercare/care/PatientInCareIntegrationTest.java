package org.rehabnet.aftercare.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rehabnet.aftercare.AftercareIntegrationTest;
import org.rehabnet.platform.events.CloudEventHeaders;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.Topics;
import org.rehabnet.platform.events.intake.AdmissionRecorded;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.infra.EventProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

@AftercareIntegrationTest
class PatientInCareIntegrationTest {

  @LocalServerPort
  int port;

  @Autowired
  JsonMapper json;

  @Autowired
  PatientsInCare patients;

  @Test
  void aftercareLearnsOfEachAdmissionAndKeepsTheLatestSite() {
    UUID patientId = UUID.randomUUID();
    Instant first = Instant.now().minus(40, ChronoUnit.DAYS);
    Instant second = Instant.now().minus(1, ChronoUnit.DAYS);

    publish(new AdmissionRecorded(EventMetadata.next(Instant.now(), 1), UUID.randomUUID(), patientId, "north", null,
        first, 7));
    await().atMost(Duration.ofSeconds(20)).until(() -> patients.findById(patientId).isPresent());
    publish(new AdmissionRecorded(EventMetadata.next(Instant.now(), 1), UUID.randomUUID(), patientId, "south", null,
        second, 5));

    await().atMost(Duration.ofSeconds(20))
        .until(() -> patients.findById(patientId).map(PatientInCare::site).orElse(""), "south"::equals);
    // PostgreSQL keeps microseconds (rounded), so compare to the microsecond.
    assertThat(patients.findById(patientId).orElseThrow().lastAdmittedAt())
        .isCloseTo(second, org.assertj.core.api.Assertions.within(1, ChronoUnit.MICROS));
  }

  @Test
  void healthIsServedWithoutAToken() {
    var health = new ApiClient("http://localhost:" + port).get("/actuator/health", null);

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body()).contains("UP");
  }

  private void publish(AdmissionRecorded event) {
    EventProbe.publish(Topics.INTAKE_ADMISSIONS, event.key(), CloudEventHeaders.of(event, "/rehabnet/intake-service"),
        json.writeValueAsBytes(event));
  }
}
