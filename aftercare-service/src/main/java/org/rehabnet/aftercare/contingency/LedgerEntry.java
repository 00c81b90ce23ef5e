package org.rehabnet.aftercare.contingency;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.data.relational.core.mapping.Table;

/** One line of a contingency ledger. */
@Table("contingency_entry")
record LedgerEntry(Kind kind, ContingencySchedule.@Nullable Behaviour behaviour, LocalDate occurredOn,
    int amountCents, int streakAfter, String recordedBy, Instant recordedAt) {

  enum Kind {
    EARNED,
    RESET,
    REDEEMED
  }
}
