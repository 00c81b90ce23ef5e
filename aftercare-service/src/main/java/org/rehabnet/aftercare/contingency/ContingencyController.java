package org.rehabnet.aftercare.contingency;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.clinical.Substance;
import org.rehabnet.platform.web.paging.Pages;
import org.rehabnet.platform.web.paging.Window;
import org.rehabnet.platform.web.paging.Windowed;
import org.rehabnet.platform.web.problem.DomainProblem;
import org.rehabnet.platform.web.problem.ProblemType;
import org.rehabnet.platform.web.security.Caller;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/plans/{planId}/contingency")
@SecurityRequirement(name = "keycloak")
class ContingencyController {

  /**
   * A screen result or session attendance on a calendar day at the plan's site; {@code screenId} the
   * lab's specimen or result id of a screen, when there is one; {@code substance} what a positive screen
   * was positive for (required then, and only then).
   */
  record RecordBehaviour(
      @NotNull ContingencySchedule.Behaviour behaviour,
      @NotNull LocalDate on,
      @Nullable @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}", message = "must be a specimen or result id")
      String screenId,
      @Nullable Substance substance) {}

  record Redeem(@Min(1) @Max(1_000_000) int amountCents) {}

  /**
   * The ledger; after recording, {@code recordedEntryId} is the new entry and {@code relapseReportId}
   * the relapse report a positive screen started. Read, {@code entries} is one page of the window
   * (the headers say how many and where the next page is); the sums are always the whole ledger's.
   */
  record LedgerView(UUID planId, int streak, int nextRewardCents, int earnedCents, int redeemedCents,
      int balanceCents, int capCents, List<LedgerEntry> entries, @Nullable UUID recordedEntryId,
      @Nullable UUID relapseReportId) {}

  private final ContingencyService contingency;

  ContingencyController(ContingencyService contingency) {
    this.contingency = contingency;
  }

  @GetMapping
  @PreAuthorize("hasAnyRole('counsellor', 'clinical-lead')")
  @Operation(summary = "The plan's contingency-management ledger: its sums, and its entries in the order they were "
      + "recorded, by default those of the last 365 days in pages of 100 with X-Total-Count (entries) and Link "
      + "rel=next (counsellor of its site, clinical lead)")
  @ApiResponse(responseCode = "400", description = "from, to, limit or cursor not valid, or a window over 731 days")
  @ApiResponse(responseCode = "404", description = "Unknown plan, or another site's")
  public ResponseEntity<LedgerView> ledger(@PathVariable UUID planId,
      // A year by default: screens twice a week and weekly sessions are some 150 entries a year, and a
      // programme of contingency management runs 12 to 24 weeks, so one year holds a whole programme.
      @Windowed(defaultSpan = "P365D", maxSpan = "P731D") Window window) {
    ContingencyService.LedgerPage read = contingency.ledger(planId, window, Caller.current());
    return Pages.respondWithin(read.ledger(), read.entries(), window, Map.of());
  }

  @PostMapping("/behaviours")
  @PreAuthorize("hasRole('counsellor')")
  @Operation(summary = "Record a screen result (NEGATIVE_SCREEN, POSITIVE_SCREEN with its substance, MISSED_SCREEN, "
      + "which counts as positive) or session attendance; earns or resets. A positive screen starts re-engagement "
      + "like a reported relapse (counsellor of its site)")
  @ApiResponse(responseCode = "400", description = "Invalid behaviour, a date after today at the site or before the "
      + "plan started, a positive screen without its substance")
  @ApiResponse(responseCode = "404", description = "Unknown plan, or another site's")
  @ApiResponse(responseCode = "409", description = "The screen is already on the ledger (same date or screenId; rule "
      + "one-entry-per-screen)")
  @ApiResponse(responseCode = "422", description = "Dated before the newest screen or session on the ledger (rule "
      + "contingency-entries-in-date-order)")
  public LedgerView record(@PathVariable UUID planId, @Valid @RequestBody RecordBehaviour request) {
    try {
      return contingency.record(planId, request, Caller.current());
    } catch (RuntimeException e) {
      throw concurrentOr(e);
    }
  }

  @PostMapping("/redemptions")
  @PreAuthorize("hasRole('counsellor')")
  @Operation(summary = "Redeem earned rewards (counsellor of its site)")
  @ApiResponse(responseCode = "422", description = "More than the balance (business-rule)")
  public LedgerView redeem(@PathVariable UUID planId, @Valid @RequestBody Redeem request) {
    try {
      return contingency.redeem(planId, request.amountCents(), Caller.current());
    } catch (RuntimeException e) {
      throw concurrentOr(e);
    }
  }

  /**
   * Two requests opened the same plan's ledger at once: the database kept the first and rolled this
   * one back whole (Spring Data JDBC wraps the duplicate key in its own exception).
   */
  private static RuntimeException concurrentOr(RuntimeException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof DuplicateKeyException) {
        return new ConcurrentEntry();
      }
    }
    return e;
  }

  /** Another entry for the same ledger was being stored at the same moment. */
  static class ConcurrentEntry extends DomainProblem {
    ConcurrentEntry() {
      super(ProblemType.CONFLICT, "The ledger changed at the same moment; reload and try again",
          Map.of("rule", "one-change-at-a-time"));
    }
  }
}
