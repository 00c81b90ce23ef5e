package org.rehabnet.aftercare.relapse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.rehabnet.aftercare.relapse.RelapseResponse.Kind;
import org.rehabnet.aftercare.relapse.RelapseResponse.Urgency;

class RelapseResponseTest {

  final RelapseResponse response = new RelapseResponse(Duration.ofHours(24));
  final Instant now = Instant.parse("2026-05-01T10:00:00Z");

  @Test
  void outreachIsDueWithin24HoursAndThePlanStaysOpen() {
    RelapseResponse.Decision decision = response.decide(Kind.LAPSE, false, false, now);

    assertThat(decision.outreachDueAt()).isEqualTo(Instant.parse("2026-05-02T10:00:00Z"));
    assertThat(decision.planStaysOpen()).isTrue();
    assertThat(decision.urgency()).isEqualTo(Urgency.ROUTINE);
  }

  @Test
  void anOverdoseIsAnEmergencyAndARelapseUrgent() {
    assertThat(response.decide(Kind.LAPSE, true, false, now).urgency()).isEqualTo(Urgency.EMERGENCY);
    assertThat(response.decide(Kind.RELAPSE, true, false, now).urgency()).isEqualTo(Urgency.EMERGENCY);
    assertThat(response.decide(Kind.RELAPSE, false, false, now).urgency()).isEqualTo(Urgency.URGENT);
    assertThat(response.decide(Kind.RELAPSE, true, false, now).planStaysOpen()).isTrue();
  }

  @Test
  void readmissionIsRequestedOnlyWhenThePersonWantsIt() {
    assertThat(response.decide(Kind.RELAPSE, true, false, now).requestReadmission()).isFalse();
    assertThat(response.decide(Kind.LAPSE, false, true, now).requestReadmission()).isTrue();
  }
}
