package org.rehabnet.aftercare.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rehabnet.aftercare.plan.NaloxoneStatus;
import org.rehabnet.aftercare.plan.PlanRef;
import org.rehabnet.aftercare.plan.PlanStatus;
import org.rehabnet.platform.events.clinical.AlertSeverity;

class AftercareAlertTest {

  final Instant raised = Instant.parse("2026-06-01T14:00:00Z");
  final PlanRef plan = new PlanRef(UUID.randomUUID(), UUID.randomUUID(), "south", "counsellor-south",
      LocalDate.of(2026, 5, 1), PlanStatus.OPEN, null, NaloxoneStatus.PROVIDED);

  @Test
  void anOverdoseIsAnEmergencyForThePlansCounsellor() {
    Alerts.AlertView view = alert(Alerts.Reason.OVERDOSE).view(raised);

    assertThat(view.severity()).isEqualTo(AlertSeverity.EMERGENCY);
    assertThat(view.counsellor()).isEqualTo("counsellor-south");
    assertThat(view.site()).isEqualTo("south");
    assertThat(Alerts.Reason.EMERGENCY_RELAPSE.severity()).isEqualTo(AlertSeverity.EMERGENCY);
    assertThat(Alerts.Reason.SELF_HARM_RISK.severity()).isEqualTo(AlertSeverity.HIGH);
  }

  @Test
  void anUnacknowledgedAlertIsOverdueTheMinuteAfterItsRespondByNotTheMinuteBefore() {
    AftercareAlert alert = alert(Alerts.Reason.OVERDOSE);
    Instant respondBy = raised.plus(Duration.ofHours(1));

    assertThat(alert.view(respondBy.minus(Duration.ofMinutes(1))).overdue()).isFalse();
    assertThat(alert.view(respondBy).overdue()).isFalse();
    assertThat(alert.view(respondBy.plus(Duration.ofMinutes(1))).overdue()).isTrue();
  }

  @Test
  void theFirstAcknowledgementIsKeptAndAnAcknowledgedAlertIsNeverOverdue() {
    AftercareAlert alert = alert(Alerts.Reason.EMERGENCY_RELAPSE);

    assertThat(alert.acknowledge("lead", raised.plus(Duration.ofMinutes(10)))).isTrue();
    assertThat(alert.acknowledge("counsellor-south", raised.plus(Duration.ofMinutes(20)))).isFalse();

    Alerts.AlertView view = alert.view(raised.plus(Duration.ofHours(5)));
    assertThat(view.acknowledgedBy()).isEqualTo("lead");
    assertThat(view.acknowledgedAt()).isEqualTo(raised.plus(Duration.ofMinutes(10)));
    assertThat(view.overdue()).isFalse();
  }

  private AftercareAlert alert(Alerts.Reason reason) {
    return AftercareAlert.raise(plan, reason, UUID.randomUUID(), raised.plus(Duration.ofHours(1)), raised);
  }
}
