package org.rehabnet.monitoring.vitals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The episode's SpO2 scale now, and every change with who, when and why, oldest first. */
record Spo2ScaleView(UUID episodeId, Spo2Scale scale, List<Change> history) {

  record Change(Spo2Scale scale, String reason, String setBy, Instant setAt) {}
}
