package org.rehabnet.intake.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.rehabnet.intake.IntakeFixtures.count;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rehabnet.intake.IntakeFixtures;
import org.rehabnet.platform.events.CloudEventHeaders;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.Topics;
import org.rehabnet.platform.events.monitoring.PatientDischarged;
import org.rehabnet.test.infra.EventProbe;
import org.rehabnet.test.infra.RehabnetIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** Monitoring's PatientDischarged frees the bed, closes the admission and publishes BedReleased once. */
@RehabnetIntegrationTest(database = "intake")
class DischargeEventIntegrationTest {

  @LocalServerPort
  int port;

  @Autowired
  JsonMapper json;

  @Test
  void aDischargeFreesTheBedOnceEvenWhenTheEventIsRedelivered() {
    var intake = new IntakeFixtures(port);
    String site = IntakeFixtures.newSite(1);
    var admitted = intake.admit(intake.acceptedAndAssessedReferral(site), intake.staff("intake-coordinator", site))
        .json();
    UUID admissionId = UUID.fromString(admitted.get("admissionId").asString());
    UUID patientId = UUID.fromString(admitted.get("patientId").asString());
    Instant admittedAt = Instant.parse(admitted.get("admittedAt").asString());

    var discharge = new PatientDischarged(EventMetadata.next(Instant.now(), 9), UUID.randomUUID(), admissionId,
        patientId, site, "W-1", admittedAt, Instant.now(), "COMPLETED", true, true, "BUPRENORPHINE_MAINTENANCE",
        "community clinic", 3);
    publish(discharge);
    publish(discharge);

    await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM admission WHERE id = '"
        + admissionId + "' AND status = 'DISCHARGED' AND discharged_at IS NOT NULL") == 1);
    assertThat(count("SELECT count(*) FROM bed WHERE site = '" + site + "' AND status = 'FREE'")).isEqualTo(1);
    await().atMost(Duration.ofSeconds(20)).until(() -> EventProbe.read(Topics.INTAKE_ADMISSIONS,
        r -> r.key().equals(patientId.toString())
            && EventProbe.header(r, CloudEventHeaders.TYPE).equals("rehab.intake.BedReleased.v1")).size() == 1);
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> count(
        "SELECT count(*) FROM processed_event WHERE event_id = '" + discharge.metadata().eventId() + "'") == 1);
    assertThat(EventProbe.read(Topics.INTAKE_ADMISSIONS, r -> r.key().equals(patientId.toString())
        && EventProbe.header(r, CloudEventHeaders.TYPE).equals("rehab.intake.BedReleased.v1"))).hasSize(1);

    var view = intake.api.get("/v1/admissions/" + admissionId, intake.staff("nurse", site)).json();
    assertThat(view.get("status").asString()).isEqualTo("DISCHARGED");
    String next = intake.acceptedAndAssessedReferral(site);
    assertThat(intake.admit(next, intake.staff("intake-coordinator", site)).json().get("bed").asString())
        .isEqualTo("W-1");
  }

  private void publish(PatientDischarged event) {
    EventProbe.publish(Topics.MONITORING_EPISODES, event.key(),
        CloudEventHeaders.of(event, "/rehabnet/monitoring-service"), json.writeValueAsBytes(event));
  }
}
