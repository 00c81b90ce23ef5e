package org.rehabnet.monitoring.mentalhealth;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.rehabnet.platform.events.clinical.RiskFlag;

/** A PHQ-9 as the chart shows it: items, total, band, and SELF_HARM_RISK when item 9 is above 0. */
record Phq9View(UUID screeningId, UUID episodeId, String loinc, Instant screenedAt, String screenedBy,
    List<Integer> items, int total, Phq9.Band band, List<RiskFlag> riskFlags) {

  static Phq9View of(UUID episodeId, Phq9Screening screening) {
    return new Phq9View(screening.id(), episodeId, Phq9.LOINC, screening.screenedAt(), screening.screenedBy(),
        screening.items(), screening.total(), screening.band(),
        screening.item9() > 0 ? List.of(RiskFlag.SELF_HARM_RISK) : List.of());
  }
}
