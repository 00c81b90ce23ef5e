package org.rehabnet.aftercare.partner;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.aftercare.consent.ActiveConsent;
import org.rehabnet.aftercare.groups.AttendanceHistory.AttendedSession;
import org.rehabnet.aftercare.plan.MedicationPlan;
import org.rehabnet.aftercare.plan.PlanStatus;
import org.rehabnet.aftercare.plan.SharedPlan;

/** Realistic records for the unit tests of the partner mapping. */
final class PartnerFixtures {

  static final UUID PATIENT = UUID.fromString("6f1c2b9e-3d4a-4c1e-9a7b-2f3e4d5c6b7a");
  static final Instant GRANTED = Instant.parse("2026-10-01T09:30:00Z");

  static ActiveConsent consent(String recipient, Set<String> categories, String purpose, @Nullable Instant expiresAt,
      @Nullable Instant revokedAt) {
    return new ActiveConsent(UUID.randomUUID(), PATIENT, "north", "PARTNER_ORGANISATION", recipient, purpose,
        categories, LocalDate.of(2026, 10, 1), expiresAt, GRANTED, revokedAt);
  }

  static SharedPlan plan(MedicationPlan medication) {
    return new SharedPlan(UUID.randomUUID(), PATIENT, "north", UUID.randomUUID(), true, LocalDate.of(2026, 10, 3),
        PlanStatus.OPEN, medication, List.of("Attend two mutual-help meetings a week", "Return to part-time work"));
  }

  static AttendedSession session() {
    return new AttendedSession(UUID.randomUUID(), UUID.randomUUID(), "Harbor House SMART Recovery", "SMART_RECOVERY",
        "north", LocalDate.of(2026, 10, 14), LocalTime.of(18, 30), 90);
  }

  private PartnerFixtures() {}
}
