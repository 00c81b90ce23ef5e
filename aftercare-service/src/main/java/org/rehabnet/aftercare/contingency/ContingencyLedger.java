package org.rehabnet.aftercare.contingency;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.web.problem.DomainProblem;
import org.rehabnet.platform.web.problem.ProblemType;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A plan's contingency-management account: the current run of successes, what was earned and
 * redeemed, the cap, and every entry. Entries are kept in date order, since the reward of each depends
 * on the run before it: one dated before the newest screen or session is refused, and so is a second
 * entry for the same screen. Redeeming more than the balance is refused.
 */
@Table("contingency_ledger")
class ContingencyLedger {

  @Id
  private final UUID planId;
  private final UUID patientId;
  private final String site;
  private int streak;
  private int earnedCents;
  private int redeemedCents;
  private final int capCents;
  @MappedCollection(idColumn = "contingency_ledger", keyColumn = "contingency_ledger_key")
  private final List<LedgerEntry> entries;
  @Version
  private @Nullable Long version;

  @PersistenceCreator
  ContingencyLedger(UUID planId, UUID patientId, String site, int streak, int earnedCents, int redeemedCents,
      int capCents, List<LedgerEntry> entries, @Nullable Long version) {
    this.planId = planId;
    this.patientId = patientId;
    this.site = site;
    this.streak = streak;
    this.earnedCents = earnedCents;
    this.redeemedCents = redeemedCents;
    this.capCents = capCents;
    this.entries = new ArrayList<>(entries);
    this.version = version;
  }

  static ContingencyLedger open(UUID planId, UUID patientId, String site, int capCents) {
    return new ContingencyLedger(planId, patientId, site, 0, 0, 0, capCents, List.of(), null);
  }

  /** What one behaviour did, and the entry it made. */
  record Recorded(ContingencySchedule.Outcome outcome, UUID entryId) {}

  Recorded record(ContingencySchedule schedule, ContingencySchedule.Behaviour behaviour, LocalDate on,
      @Nullable String screenId, String by, Instant now) {
    if (behaviour.screen()) {
      for (LedgerEntry entry : entries) {
        boolean sameScreen = entry.behaviour() != null && entry.behaviour().screen()
            && (entry.occurredOn().equals(on) || screenId != null && screenId.equals(entry.screenId()));
        if (sameScreen) {
          throw new ScreenAlreadyRecorded(entry.entryId());
        }
      }
    } else if (screenId != null) {
      throw new IllegalArgumentException("only a screen has a screen id");
    }
    entries.stream().filter(LedgerEntry::isBehaviour).map(LedgerEntry::occurredOn).max(LocalDate::compareTo)
        .filter(on::isBefore)
        .ifPresent(newest -> {
          throw new EntryBeforeNewest(newest);
        });
    ContingencySchedule.Outcome outcome = schedule.apply(behaviour, streak, earnedCents, capCents);
    streak = outcome.streakAfter();
    earnedCents += outcome.rewardCents();
    UUID entryId = UUID.randomUUID();
    entries.add(new LedgerEntry(entryId, outcome.reset() ? LedgerEntry.Kind.RESET : LedgerEntry.Kind.EARNED,
        behaviour, on, screenId, outcome.rewardCents(), streak, by, now));
    return new Recorded(outcome, entryId);
  }

  void redeem(int amountCents, LocalDate on, String by, Instant now) {
    if (amountCents > balanceCents()) {
      throw new RedemptionExceedsBalance(amountCents, balanceCents());
    }
    redeemedCents += amountCents;
    entries.add(new LedgerEntry(UUID.randomUUID(), LedgerEntry.Kind.REDEEMED, null, on, null, amountCents, streak, by,
        now));
  }

  int balanceCents() {
    return earnedCents - redeemedCents;
  }

  UUID planId() {
    return planId;
  }

  UUID patientId() {
    return patientId;
  }

  String site() {
    return site;
  }

  int streak() {
    return streak;
  }

  int earnedCents() {
    return earnedCents;
  }

  int redeemedCents() {
    return redeemedCents;
  }

  int capCents() {
    return capCents;
  }

  List<LedgerEntry> entries() {
    return List.copyOf(entries);
  }

  @Override
  public String toString() {
    return "ContingencyLedger[" + planId + "]";
  }

  /**
   * The screen is on the ledger already (the same date, or the same specimen id): recording it twice
   * would pay twice or reset twice.
   */
  static class ScreenAlreadyRecorded extends DomainProblem {
    ScreenAlreadyRecorded(UUID entryId) {
      super(ProblemType.CONFLICT, "This screen is already on the ledger",
          Map.of("rule", "one-entry-per-screen", "entryId", entryId.toString()));
    }
  }

  /**
   * A screen or session dated before the newest one on the ledger: each reward depends on the run
   * before it, so the ledger cannot be rewritten backwards.
   */
  static class EntryBeforeNewest extends DomainProblem {
    EntryBeforeNewest(LocalDate newest) {
      super(ProblemType.BUSINESS_RULE, "The entry is dated before the newest screen or session on the ledger",
          Map.of("rule", "contingency-entries-in-date-order", "newestOn", newest.toString()));
    }
  }

  /** More was to be redeemed than the person has earned and not yet redeemed. */
  static class RedemptionExceedsBalance extends DomainProblem {
    RedemptionExceedsBalance(int amountCents, int balanceCents) {
      super(ProblemType.BUSINESS_RULE, "The redemption exceeds the balance",
          Map.of("rule", "redeem-within-balance", "balanceCents", balanceCents, "amountCents", amountCents));
    }
  }
}
