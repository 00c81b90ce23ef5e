package org.rehabnet.aftercare.contingency;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.rehabnet.aftercare.plan.PlanLookup;
import org.rehabnet.aftercare.plan.PlanRef;
import org.rehabnet.platform.web.audit.AuditAction;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.security.Caller;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/plans/{planId}/contingency")
@SecurityRequirement(name = "keycloak")
@EnableConfigurationProperties(ContingencyProperties.class)
class ContingencyController {

  record RecordBehaviour(@NotNull ContingencySchedule.Behaviour behaviour, @NotNull @PastOrPresent LocalDate on) {}

  record Redeem(@Min(1) @Max(1_000_000) int amountCents) {}

  record LedgerView(UUID planId, int streak, int nextRewardCents, int earnedCents, int redeemedCents,
      int balanceCents, int capCents, List<LedgerEntry> entries) {}

  private final ContingencyLedgers ledgers;
  private final PlanLookup plans;
  private final ContingencyProperties properties;
  private final Clock clock;
  private final AuditTrail audit;

  ContingencyController(ContingencyLedgers ledgers, PlanLookup plans, ContingencyProperties properties, Clock clock,
      AuditTrail audit) {
    this.ledgers = ledgers;
    this.plans = plans;
    this.properties = properties;
    this.clock = clock;
    this.audit = audit;
  }

  @GetMapping
  @PreAuthorize("hasAnyRole('counsellor', 'clinical-lead')")
  @Operation(summary = "The plan's contingency-management ledger (counsellor of its site, clinical lead)")
  @ApiResponse(responseCode = "404", description = "Unknown plan, or another site's")
  @Transactional(readOnly = true)
  public LedgerView ledger(@PathVariable UUID planId) {
    PlanRef plan = plans.readable(planId, Caller.current());
    audit.read("ContingencyLedger", planId, plan.patientId(), plan.site());
    return view(ledgers.findById(planId).orElseGet(() -> ledgerFor(plan)));
  }

  @PostMapping("/behaviours")
  @PreAuthorize("hasRole('counsellor')")
  @Operation(summary = "Record a screen result or session attendance; earns or resets (counsellor of its site)")
  @ApiResponse(responseCode = "400", description = "Invalid behaviour or a date in the future")
  @ApiResponse(responseCode = "404", description = "Unknown plan, or another site's")
  @Transactional
  public LedgerView record(@PathVariable UUID planId, @Valid @RequestBody RecordBehaviour request) {
    Caller caller = Caller.current();
    PlanRef plan = plans.writable(planId, caller);
    ContingencyLedger ledger = ledgers.findById(planId).orElseGet(() -> ledgerFor(plan));
    ledger.record(properties.schedule(), request.behaviour(), request.on(), caller.username(), clock.instant());
    ledger = ledgers.save(ledger);
    audit.wrote(AuditAction.UPDATE, "ContingencyLedger", planId, plan.patientId(), plan.site());
    return view(ledger);
  }

  @PostMapping("/redemptions")
  @PreAuthorize("hasRole('counsellor')")
  @Operation(summary = "Redeem earned rewards (counsellor of its site)")
  @ApiResponse(responseCode = "422", description = "More than the balance (business-rule)")
  @Transactional
  public LedgerView redeem(@PathVariable UUID planId, @Valid @RequestBody Redeem request) {
    Caller caller = Caller.current();
    PlanRef plan = plans.writable(planId, caller);
    ContingencyLedger ledger = ledgers.findById(planId).orElseGet(() -> ledgerFor(plan));
    ledger.redeem(request.amountCents(), LocalDate.now(clock), caller.username(), clock.instant());
    ledger = ledgers.save(ledger);
    audit.wrote(AuditAction.UPDATE, "ContingencyLedger", planId, plan.patientId(), plan.site());
    return view(ledger);
  }

  private ContingencyLedger ledgerFor(PlanRef plan) {
    return ContingencyLedger.open(plan.planId(), plan.patientId(), plan.site(), properties.capCents());
  }

  private LedgerView view(ContingencyLedger ledger) {
    return new LedgerView(ledger.planId(), ledger.streak(), properties.schedule().rewardAfter(ledger.streak()),
        ledger.earnedCents(), ledger.redeemedCents(), ledger.balanceCents(), ledger.capCents(), ledger.entries());
  }
}
