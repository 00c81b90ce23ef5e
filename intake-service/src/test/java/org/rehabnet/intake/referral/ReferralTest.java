package org.rehabnet.intake.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReferralTest {

  private final Instant now = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void goesFromNewThroughScreeningToAcceptedAndAdmitted() {
    Referral referral = newReferral();
    referral.startScreening(now);
    referral.accept(now);
    UUID admission = UUID.randomUUID();
    referral.admit(admission, now);

    assertThat(referral.status()).isEqualTo(ReferralStatus.ADMITTED);
    assertThat(referral.admissionId()).isEqualTo(admission);
  }

  @Test
  void aDeclineKeepsItsReason() {
    Referral referral = newReferral();
    referral.startScreening(now);
    referral.decline("outside catchment", now);

    assertThat(referral.status()).isEqualTo(ReferralStatus.DECLINED);
    assertThat(referral.declineReason()).isEqualTo("outside catchment");
  }

  @Test
  void refusesToAcceptWithoutScreeningOrToReopenADecision() {
    Referral referral = newReferral();
    assertThatThrownBy(() -> referral.accept(now)).isInstanceOf(IllegalReferralTransition.class);

    referral.startScreening(now);
    referral.decline("no bed in catchment", now);
    assertThatThrownBy(() -> referral.accept(now)).isInstanceOf(IllegalReferralTransition.class);
    assertThatThrownBy(() -> referral.withdraw(now)).isInstanceOf(IllegalReferralTransition.class);
  }

  @Test
  void onlyAnAcceptedReferralIsAdmitted() {
    Referral referral = newReferral();
    referral.startScreening(now);

    assertThatThrownBy(() -> referral.admit(UUID.randomUUID(), now)).isInstanceOf(ReferralNotAccepted.class);
    assertThat(referral.status()).isEqualTo(ReferralStatus.SCREENING);
  }

  @Test
  void anOpenReferralCanBeWithdrawnButNotAfterAdmission() {
    Referral waiting = newReferral();
    waiting.withdraw(now);
    assertThat(waiting.status()).isEqualTo(ReferralStatus.WITHDRAWN);

    Referral admitted = newReferral();
    admitted.startScreening(now);
    admitted.accept(now);
    admitted.admit(UUID.randomUUID(), now);
    assertThatThrownBy(() -> admitted.withdraw(now)).isInstanceOf(IllegalReferralTransition.class);
  }

  @Test
  void toStringCarriesNoContactDetails() {
    Referral referral = Referral.open(UUID.randomUUID(), "north", ReferralSource.FAMILY,
        new OpenReferral.Referrer("Mary Doe", null, "+1 555 0100"), Urgency.URGENT, now, "intake");
    assertThat(referral.toString()).doesNotContain("Mary").doesNotContain("+1 555 0100");
  }

  private Referral newReferral() {
    return Referral.open(UUID.randomUUID(), "north", ReferralSource.SELF, null, Urgency.ROUTINE, now, "intake");
  }
}
