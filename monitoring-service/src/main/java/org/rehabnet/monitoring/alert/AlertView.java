package org.rehabnet.monitoring.alert;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.clinical.AlertKind;
import org.rehabnet.platform.events.clinical.AlertSeverity;

/** An alert as the ward sees it. */
record AlertView(UUID alertId, UUID episodeId, AlertKind kind, AlertSeverity severity, String reason,
    Instant raisedAt, @Nullable String acknowledgedBy, @Nullable Instant acknowledgedAt, @Nullable Long version) {

  static AlertView of(ClinicalAlert alert) {
    return new AlertView(alert.id(), alert.episodeId(), alert.kind(), alert.severity(), alert.reason(),
        alert.raisedAt(), alert.acknowledgedBy(), alert.acknowledgedAt(), alert.version());
  }
}
