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
 * redeemed, the cap, and every entry. Redeeming more than the balance is refused.
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

  ContingencySchedule.Outcome record(ContingencySchedule schedule, ContingencySchedule.Behaviour behaviour,
      LocalDate on, String by, Instant now) {
    ContingencySchedule.Outcome outcome = schedule.apply(behaviour, streak, earnedCents, capCents);
    streak = outcome.streakAfter();
    earnedCents += outcome.rewardCents();
    entries.add(new LedgerEntry(outcome.reset() ? LedgerEntry.Kind.RESET : LedgerEntry.Kind.EARNED, behaviour, on,
        outcome.rewardCents(), streak, by, now));
    return outcome;
  }

  void redeem(int amountCents, LocalDate on, String by, Instant now) {
    if (amountCents > balanceCents()) {
      throw new RedemptionExceedsBalance(amountCents, balanceCents());
    }
    redeemedCents += amountCents;
    entries.add(new LedgerEntry(LedgerEntry.Kind.REDEEMED, null, on, amountCents, streak, by, now));
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

  /** More was to be redeemed than the person has earned and not yet redeemed. */
  static class RedemptionExceedsBalance extends DomainProblem {
    RedemptionExceedsBalance(int amountCents, int balanceCents) {
      super(ProblemType.BUSINESS_RULE, "The redemption exceeds the balance",
          Map.of("rule", "redeem-within-balance", "balanceCents", balanceCents, "amountCents", amountCents));
    }
  }
}
