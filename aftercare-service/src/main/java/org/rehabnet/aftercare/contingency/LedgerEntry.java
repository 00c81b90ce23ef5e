package org.rehabnet.aftercare.contingency;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One line of a contingency ledger; {@code screenId} is the lab's specimen or result id of a screen,
 * when it has one.
 */
@Table("contingency_entry")
record LedgerEntry(UUID entryId, Kind kind, ContingencySchedule.@Nullable Behaviour behaviour, LocalDate occurredOn,
    @Nullable String screenId, int amountCents, int streakAfter, String recordedBy, Instant recordedAt) {

  enum Kind {
    EARNED,
    RESET,
    REDEEMED
  }

  boolean isBehaviour() {
    return behaviour != null;
  }
}
