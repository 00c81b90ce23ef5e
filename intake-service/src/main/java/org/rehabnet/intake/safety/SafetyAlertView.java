package org.rehabnet.intake.safety;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.clinical.AlertKind;
import org.rehabnet.platform.events.clinical.AlertSeverity;

/** An intake safety alert as the site's care team sees it: who, what triggered it, and whether someone took it on. */
record SafetyAlertView(UUID alertId, UUID referralId, Patient patient, String site, AlertKind kind,
    AlertSeverity severity, String reason, Status status, Instant raisedAt, String raisedBy,
    @Nullable Instant acknowledgedAt, @Nullable String acknowledgedBy) {

  /** Open until acknowledged. */
  enum Status {
    OPEN,
    ACKNOWLEDGED
  }

  /** Whom the alert is about. */
  record Patient(UUID patientId, String mrn, String givenName, String familyName) {}

  @Override
  public String toString() {
    return "SafetyAlertView[" + alertId + "]";
  }
}
