package org.rehabnet.aftercare.contingency;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.aftercare.plan.PlanLookup;
import org.rehabnet.aftercare.plan.PlanRef;
import org.rehabnet.aftercare.relapse.Reengagement;
import org.rehabnet.aftercare.site.SitePolicies;
import org.rehabnet.aftercare.site.SitePolicy;
import org.rehabnet.platform.web.audit.AuditAction;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.paging.Page;
import org.rehabnet.platform.web.paging.Window;
import org.rehabnet.platform.web.problem.InvalidField;
import org.rehabnet.platform.web.security.Caller;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contingency management of a plan: the ledger, its entries in date order at the plan's site, and the
 * re-engagement a positive screen starts.
 */
@Service
@EnableConfigurationProperties(ContingencyProperties.class)
class ContingencyService {

  private final ContingencyLedgers ledgers;
  private final LedgerReads reads;
  private final PlanLookup plans;
  private final SitePolicies sites;
  private final Reengagement reengagement;
  private final ContingencyProperties properties;
  private final Clock clock;
  private final AuditTrail audit;

  ContingencyService(ContingencyLedgers ledgers, LedgerReads reads, PlanLookup plans, SitePolicies sites,
      Reengagement reengagement, ContingencyProperties properties, Clock clock, AuditTrail audit) {
    this.ledgers = ledgers;
    this.reads = reads;
    this.plans = plans;
    this.sites = sites;
    this.reengagement = reengagement;
    this.properties = properties;
    this.clock = clock;
    this.audit = audit;
  }

  /** The ledger's sums with one page of its entries; the page's total and next position for the headers. */
  record LedgerPage(ContingencyController.LedgerView ledger, Page<LedgerEntry> entries) {}

  @Transactional(readOnly = true)
  LedgerPage ledger(UUID planId, Window window, Caller caller) {
    PlanRef plan = plans.readable(planId, caller);
    audit.read("ContingencyLedger", planId, plan.patientId(), plan.site());
    LedgerReads.Sums sums = reads.sums(planId).orElseGet(() -> new LedgerReads.Sums(0, 0, 0, properties.capCents()));
    Page<LedgerEntry> entries = reads.entries(planId, window);
    return new LedgerPage(new ContingencyController.LedgerView(planId, sums.streak(),
        properties.schedule().rewardAfter(sums.streak()), sums.earnedCents(), sums.redeemedCents(),
        sums.earnedCents() - sums.redeemedCents(), sums.capCents(), entries.items(), null, null), entries);
  }

  @Transactional
  ContingencyController.LedgerView record(UUID planId, ContingencyController.RecordBehaviour request, Caller caller) {
    PlanRef plan = plans.writable(planId, caller);
    SitePolicy site = sites.of(plan.site());
    ContingencySchedule.Behaviour behaviour = request.behaviour();
    if (request.on().isAfter(site.today(clock))) {
      throw new InvalidField("on", "is after today at the plan's site");
    }
    if (request.on().isBefore(plan.startsOn())) {
      throw new InvalidField("on", "is before the plan started");
    }
    if (behaviour == ContingencySchedule.Behaviour.POSITIVE_SCREEN && request.substance() == null) {
      throw new InvalidField("substance", "is required for a positive screen");
    }
    if (behaviour != ContingencySchedule.Behaviour.POSITIVE_SCREEN && request.substance() != null) {
      throw new InvalidField("substance", "is only given for a positive screen");
    }
    if (!behaviour.screen() && request.screenId() != null) {
      throw new InvalidField("screenId", "is only given for a screen");
    }
    ContingencyLedger ledger = ledgers.findById(planId).orElseGet(() -> ledgerFor(plan));
    Instant now = clock.instant();
    ContingencyLedger.Recorded recorded = ledger.record(properties.schedule(), behaviour, request.on(),
        request.screenId(), caller.username(), now);
    ledger = ledgers.save(ledger);
    audit.wrote(AuditAction.UPDATE, "ContingencyLedger", planId, plan.patientId(), plan.site());
    UUID relapseReport = null;
    if (behaviour == ContingencySchedule.Behaviour.POSITIVE_SCREEN) {
      // A positive screen is use: the same re-engagement as a reported relapse (docs/clinical-rules.md).
      relapseReport = reengagement.positiveScreen(plan, recorded.entryId(), request.substance(), request.on(),
          caller.username());
    }
    return view(ledger, recorded.entryId(), relapseReport);
  }

  @Transactional
  ContingencyController.LedgerView redeem(UUID planId, int amountCents, Caller caller) {
    PlanRef plan = plans.writable(planId, caller);
    ContingencyLedger ledger = ledgers.findById(planId).orElseGet(() -> ledgerFor(plan));
    ledger.redeem(amountCents, sites.of(plan.site()).today(clock), caller.username(), clock.instant());
    ledger = ledgers.save(ledger);
    audit.wrote(AuditAction.UPDATE, "ContingencyLedger", planId, plan.patientId(), plan.site());
    return view(ledger, null, null);
  }

  private ContingencyLedger ledgerFor(PlanRef plan) {
    return ContingencyLedger.open(plan.planId(), plan.patientId(), plan.site(), properties.capCents());
  }

  private ContingencyController.LedgerView view(ContingencyLedger ledger, @Nullable UUID recordedEntryId,
      @Nullable UUID relapseReportId) {
    return new ContingencyController.LedgerView(ledger.planId(), ledger.streak(),
        properties.schedule().rewardAfter(ledger.streak()), ledger.earnedCents(), ledger.redeemedCents(),
        ledger.balanceCents(), ledger.capCents(), ledger.entries(), recordedEntryId, relapseReportId);
  }
}
