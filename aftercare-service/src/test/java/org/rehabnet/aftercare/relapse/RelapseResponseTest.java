package org.rehabnet.aftercare.relapse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import org.junit.jupiter.api.Test;
import org.rehabnet.aftercare.relapse.RelapseResponse.Decision;
import org.rehabnet.aftercare.relapse.RelapseResponse.Kind;
import org.rehabnet.aftercare.relapse.RelapseResponse.Urgency;
import org.rehabnet.platform.events.intake.SiteSettings;

class RelapseResponseTest {

  final RelapseResponse defaults = RelapseResponse.of(SiteSettings.Aftercare.defaults());
  final Instant now = Instant.parse("2026-05-01T10:00:00Z");

  @Test
  void aLapseIsRoutineWithOutreachWithin24HoursAndThePlanStaysOpen() {
    Decision decision = defaults.decide(Kind.LAPSE, false, false, null, false, now);

    assertThat(decision.outreachDueAt()).isEqualTo(Instant.parse("2026-05-02T10:00:00Z"));
    assertThat(decision.planStaysOpen()).isTrue();
    assertThat(decision.urgency()).isEqualTo(Urgency.ROUTINE);
    assertThat(decision.alertLeads()).isFalse();
    assertThat(decision.naloxoneResupply()).isFalse();
  }

  @Test
  void aRelapseIsUrgentButStillWithinTheRelapseWindow() {
    Decision decision = defaults.decide(Kind.RELAPSE, false, false, null, false, now);

    assertThat(decision.urgency()).isEqualTo(Urgency.URGENT);
    assertThat(decision.outreachDueAt()).isEqualTo(now.plus(Duration.ofHours(24)));
    assertThat(decision.alertLeads()).isFalse();
  }

  @Test
  void anOverdoseIsAnEmergencyDueWithinAnHourWithAnAlertToTheCounsellorAndLead() {
    Decision lapse = defaults.decide(Kind.LAPSE, true, false, null, false, now);
    Decision relapse = defaults.decide(Kind.RELAPSE, true, false, null, false, now);

    assertThat(lapse.urgency()).isEqualTo(Urgency.EMERGENCY);
    assertThat(relapse.urgency()).isEqualTo(Urgency.EMERGENCY);
    assertThat(relapse.outreachDueAt()).isEqualTo(Instant.parse("2026-05-01T11:00:00Z"));
    assertThat(relapse.alertLeads()).isTrue();
    assertThat(relapse.overdose()).isTrue();
    assertThat(relapse.planStaysOpen()).isTrue();
  }

  @Test
  void naloxoneUsedMeansAnOverdoseWasReversedEvenIfOverdoseWasNotTicked() {
    Decision decision = defaults.decide(Kind.LAPSE, false, true, null, false, now);

    assertThat(decision.urgency()).isEqualTo(Urgency.EMERGENCY);
    assertThat(decision.outreachDueAt()).isEqualTo(now.plus(Duration.ofHours(1)));
    assertThat(decision.overdose()).isTrue();
    assertThat(decision.naloxoneResupply()).isTrue();
  }

  @Test
  void anOverdoseWithoutNaloxoneOwesNoResupply() {
    assertThat(defaults.decide(Kind.RELAPSE, true, false, null, false, now).naloxoneResupply()).isFalse();
  }

  @Test
  void aRelapseReportedAsAnEmergencyIsDueWithinAnHourAndAlertsWithoutBeingCalledAnOverdose() {
    Decision decision = defaults.decide(Kind.RELAPSE, false, false, Urgency.EMERGENCY, false, now);

    assertThat(decision.urgency()).isEqualTo(Urgency.EMERGENCY);
    assertThat(decision.outreachDueAt()).isEqualTo(now.plus(Duration.ofHours(1)));
    assertThat(decision.alertLeads()).isTrue();
    assertThat(decision.overdose()).isFalse();
  }

  @Test
  void aReportedUrgencyRaisesButNeverLowersWhatTheReportImplies() {
    assertThat(defaults.decide(Kind.LAPSE, false, false, Urgency.URGENT, false, now).urgency())
        .isEqualTo(Urgency.URGENT);
    assertThat(defaults.decide(Kind.RELAPSE, false, false, Urgency.ROUTINE, false, now).urgency())
        .isEqualTo(Urgency.URGENT);
    assertThat(defaults.decide(Kind.LAPSE, true, false, Urgency.ROUTINE, false, now).urgency())
        .isEqualTo(Urgency.EMERGENCY);
  }

  @Test
  void theSitesOwnWindowsApply() {
    RelapseResponse strict = RelapseResponse.of(new SiteSettings.Aftercare(Period.ofWeeks(1), Period.ofMonths(1),
        Period.ofMonths(1), Period.ofYears(1), Period.ofMonths(3), Duration.ofHours(12), Duration.ofMinutes(30)));

    assertThat(strict.decide(Kind.LAPSE, false, false, null, false, now).outreachDueAt())
        .isEqualTo(now.plus(Duration.ofHours(12)));
    assertThat(strict.decide(Kind.LAPSE, true, false, null, false, now).outreachDueAt())
        .isEqualTo(now.plus(Duration.ofMinutes(30)));
  }

  @Test
  void readmissionIsRequestedOnlyWhenThePersonWantsIt() {
    assertThat(defaults.decide(Kind.RELAPSE, true, false, null, false, now).requestReadmission()).isFalse();
    assertThat(defaults.decide(Kind.LAPSE, false, false, null, true, now).requestReadmission()).isTrue();
  }
}
