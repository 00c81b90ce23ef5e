package org.rehabnet.intake.referral;

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
import org.rehabnet.platform.events.aftercare.ReadmissionRequested;
import org.rehabnet.test.infra.EventProbe;
import org.rehabnet.test.infra.RehabnetIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** Aftercare's ReadmissionRequested opens one readmission referral, linked to the earlier episode. */
@RehabnetIntegrationTest(database = "intake")
class ReadmissionEventIntegrationTest {

  @LocalServerPort
  int port;

  @Autowired
  JsonMapper json;

  @Test
  void aReadmissionRequestOpensOneLinkedReferralEvenWhenRedelivered() {
    var intake = new IntakeFixtures(port);
    String site = IntakeFixtures.newSite(2);
    var admitted = intake.admit(intake.acceptedAndAssessedReferral(site), intake.staff("intake-coordinator", site))
        .json();
    UUID patientId = UUID.fromString(admitted.get("patientId").asString());
    UUID previousAdmission = UUID.fromString(admitted.get("admissionId").asString());

    var request = new ReadmissionRequested(EventMetadata.next(Instant.now(), 1), UUID.randomUUID(), UUID.randomUUID(),
        patientId, site, previousAdmission, UUID.randomUUID(), "URGENT", Instant.now());
    publish(request);
    publish(request);

    String where = " FROM referral WHERE readmission_request_id = '" + request.requestId() + "'";
    await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*)" + where) == 1);
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
        .until(() -> count("SELECT count(*)" + where) == 1);
    String referralId = IntakeFixtures.strings("SELECT id" + where).getFirst();

    var referral = intake.api.get("/v1/referrals/" + referralId, intake.staff("intake-coordinator", site)).json();
    assertThat(referral.get("source").asString()).isEqualTo("READMISSION");
    assertThat(referral.get("status").asString()).isEqualTo("NEW");
    assertThat(referral.get("urgency").asString()).isEqualTo("URGENT");
    assertThat(referral.get("previousAdmissionId").asString()).isEqualTo(previousAdmission.toString());
    assertThat(referral.get("patientId").asString()).isEqualTo(patientId.toString());
    var waiting = intake.api.get("/v1/sites/" + site + "/waiting-list", intake.staff("nurse", site)).json();
    assertThat(ReferralIntegrationTest.ids(waiting)).contains(referralId);
  }

  private void publish(ReadmissionRequested event) {
    EventProbe.publish(Topics.AFTERCARE_ENGAGEMENT, event.key(),
        CloudEventHeaders.of(event, "/rehabnet/aftercare-service"), json.writeValueAsBytes(event));
  }
}
