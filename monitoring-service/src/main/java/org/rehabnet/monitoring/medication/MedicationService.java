package org.rehabnet.monitoring.medication;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.monitoring.alert.AlertRules;
import org.rehabnet.monitoring.alert.Alerts;
import org.rehabnet.monitoring.episode.ChartedEpisode;
import org.rehabnet.monitoring.episode.EpisodeAccess;
import org.rehabnet.monitoring.reassessment.Reassessments;
import org.rehabnet.monitoring.site.SitePolicy;
import org.rehabnet.monitoring.site.Sites;
import org.rehabnet.monitoring.vitals.LatestVitals;
import org.rehabnet.monitoring.vitals.VitalSignsService;
import org.rehabnet.monitoring.withdrawal.LatestWithdrawal;
import org.rehabnet.monitoring.withdrawal.WithdrawalService;
import org.rehabnet.platform.web.audit.AuditAction;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.paging.Page;
import org.rehabnet.platform.web.paging.Position;
import org.rehabnet.platform.web.paging.Window;
import org.rehabnet.platform.web.problem.InvalidField;
import org.rehabnet.platform.web.problem.NotFound;
import org.rehabnet.platform.web.security.Caller;
import org.rehabnet.platform.web.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders and the MAR. Every dose is put to the {@link DosingPolicy} with what is charted at the
 * bedside; the policy decides, including whether an override is allowed, and this records it.
 */
@Service
class MedicationService {

  private static final Logger log = LoggerFactory.getLogger(MedicationService.class);

  private final MedicationOrders orders;
  private final Administrations administrations;
  private final DosingPolicy policy;
  private final EpisodeAccess episodes;
  private final Sites sites;
  private final WithdrawalService withdrawal;
  private final VitalSignsService vitals;
  private final Alerts alerts;
  private final Reassessments reassessments;
  private final AuditTrail audit;
  private final Clock clock;
  private final DoseRefusals refusals;

  MedicationService(MedicationOrders orders, Administrations administrations, DosingPolicy policy,
      EpisodeAccess episodes, Sites sites, WithdrawalService withdrawal, VitalSignsService vitals, Alerts alerts,
      Reassessments reassessments, AuditTrail audit, Clock clock, DoseRefusals refusals) {
    this.orders = orders;
    this.administrations = administrations;
    this.policy = policy;
    this.episodes = episodes;
    this.sites = sites;
    this.withdrawal = withdrawal;
    this.vitals = vitals;
    this.alerts = alerts;
    this.reassessments = reassessments;
    this.audit = audit;
    this.clock = clock;
    this.refusals = refusals;
  }

  @Transactional
  MedicationViews.OrderView order(UUID episodeId, OrderMedication request, Caller caller) {
    ChartedEpisode episode = episodes.forCharting(episodeId, caller);
    requireOneDoseForm(request);
    List<Violation> refusals = policy.orderRefusals(request.drug(), request.highestDoseMg(),
        request.documentedDayOneMaxMg(), sites.find(episode.site()).orElse(null));
    if (!refusals.isEmpty()) {
      Verdict verdict = new Verdict(refusals, List.of());
      this.refusals.orderRefused(verdict);
      throw new UnsafeDose(verdict);
    }
    MedicationOrder order = orders.save(MedicationOrder.place(episodeId, request, clock.instant(),
        caller.username()));
    audit.wrote(AuditAction.CREATE, "MedicationOrder", order.id(), episode.patientId(), episode.site());
    return MedicationViews.OrderView.of(order);
  }

  private static void requireOneDoseForm(OrderMedication request) {
    boolean fixed = request.doseMg() != null;
    boolean range = request.doseMinMg() != null || request.doseMaxMg() != null;
    if (fixed == range) {
      throw new InvalidField(fixed ? "doseMinMg" : "doseMg", "give either doseMg or doseMinMg and doseMaxMg");
    }
    if (range && (request.doseMinMg() == null || request.doseMaxMg() == null)) {
      throw new InvalidField(request.doseMinMg() == null ? "doseMinMg" : "doseMaxMg",
          "a PRN range needs both doseMinMg and doseMaxMg");
    }
    if (range && request.doseMinMg().compareTo(request.doseMaxMg()) > 0) {
      throw new InvalidField("doseMaxMg", "must not be below doseMinMg");
    }
    if ((request.documentedDayOneMaxMg() == null) != (request.documentation() == null)) {
      throw new InvalidField(request.documentation() == null ? "documentation" : "documentedDayOneMaxMg",
          "a documented day-1 maximum and its documentation go together");
    }
  }

  @Transactional
  MedicationViews.OrderView stop(UUID episodeId, UUID orderId, StopOrder request, Caller caller) {
    ChartedEpisode episode = episodes.forCharting(episodeId, caller);
    MedicationOrder order = orders.findById(orderId).filter(found -> found.episodeId().equals(episodeId))
        .orElseThrow(() -> new NotFound("Medication order", orderId));
    if (!request.expectedVersion().equals(order.version())) {
      throw new OptimisticLockingFailureException("Medication order " + orderId + " changed since it was read");
    }
    order.stop(caller.username(), clock.instant());
    MedicationOrder saved = orders.save(order);
    audit.wrote(AuditAction.UPDATE, "MedicationOrder", orderId, episode.patientId(), episode.site());
    return MedicationViews.OrderView.of(saved);
  }

  @Transactional
  MedicationViews.AdministrationView administer(UUID episodeId, AdministerDose request, Caller caller) {
    ChartedEpisode episode = episodes.forDosing(episodeId, caller);
    MedicationOrder order = orders.findById(request.orderId()).filter(found -> found.episodeId().equals(episodeId))
        .orElseThrow(() -> new NotFound("Medication order", request.orderId()));
    Instant now = clock.instant();
    @Nullable SitePolicy site = sites.find(episode.site()).orElse(null);
    List<Administration> earlier = administrations.findByEpisodeIdAndDrugOrderByGivenAtAsc(episodeId, order.drug());
    DoseProposal proposal = new DoseProposal(request.drug(), request.doseMg(), request.route(), now, site,
        order.terms(), earlier.stream().map(a -> new DoseProposal.Given(a.givenAt(), a.doseMg())).toList(),
        bedside(episodeId), episode.latestPossibleShortActingOpioidUse(), episode.fentanylExposure(),
        episode.benzodiazepineRisk());
    DoseDecision decision = policy.decide(proposal, request.overrideReason(), caller.hasRole(Roles.PHYSICIAN));
    Administration given = switch (decision) {
      case DoseDecision.Refuse refused -> {
        refusals.doseRefused(refused.verdict());
        throw new UnsafeDose(refused.verdict());
      }
      case DoseDecision.OverrideNotPermitted ignored -> throw new OverrideNotAllowed();
      case DoseDecision.Give give -> Administration.give(order, request.doseMg(), request.route(), now,
          caller.username(), List.of(), null, give.warnings(), site == null ? null : site.sequence());
      case DoseDecision.GiveOverridden overridden -> Administration.give(order, request.doseMg(), request.route(),
          now, caller.username(), overridden.overridden(), overridden.reason(), overridden.warnings(),
          site == null ? null : site.sequence());
    };
    given = administrations.save(given);
    if (given.overriddenRule() != null) {
      alerts.raise(episodeId, episode.patientId(), episode.site(),
          List.of(AlertRules.doseOverride(given.overriddenRule())));
      log.info("{} given over rule(s) {} by documented override", given, given.overriddenRule());
    }
    if (order.drug().opioidAgonist()) {
      Instant firstDose = earlier.isEmpty() ? now : earlier.getFirst().givenAt();
      reassessments.opioidGiven(episodeId, episode.site(), firstDose, now);
    }
    audit.wrote(AuditAction.CREATE, "MedicationAdministration", given.id(), episode.patientId(), episode.site());
    return MedicationViews.AdministrationView.of(given);
  }

  /** What the hold and induction rules read, with the time each was charted. */
  private DoseProposal.Bedside bedside(UUID episodeId) {
    Optional<LatestVitals> latest = vitals.latest(episodeId);
    LatestWithdrawal withdrawn = withdrawal.latest(episodeId);
    return new DoseProposal.Bedside(latest.map(LatestVitals::takenAt).orElse(null),
        latest.map(LatestVitals::respirationRate).orElse(null), latest.map(LatestVitals::spo2).orElse(null),
        latest.map(LatestVitals::systolic).orElse(null), latest.map(LatestVitals::pulse).orElse(null),
        vitals.onScale2(episodeId), withdrawn.possObservedAt(), withdrawn.possLevel(), withdrawn.cowsAssessedAt(),
        withdrawn.cowsTotal());
  }

  @Transactional(readOnly = true)
  List<MedicationViews.OrderView> orders(UUID episodeId, Caller caller) {
    ChartedEpisode episode = episodes.forReading(episodeId, caller);
    audit.read("MedicationOrder", episodeId, episode.patientId(), episode.site());
    return orders.findByEpisodeIdOrderByOrderedAtAsc(episodeId).stream().map(MedicationViews.OrderView::of).toList();
  }

  @Transactional(readOnly = true)
  Page<MedicationViews.AdministrationView> mar(UUID episodeId, Window window, Caller caller) {
    ChartedEpisode episode = episodes.forReading(episodeId, caller);
    audit.read("MedicationAdministration", episodeId, episode.patientId(), episode.site());
    return Page.read(window, rows -> administrations.firstPage(episodeId, window.from(), window.to(), rows),
        (after, rows) -> administrations.pageAfter(episodeId, window.from(), window.to(), after.at(), after.id(),
            rows),
        () -> administrations.countInWindow(episodeId, window.from(), window.to()),
        given -> new Position(given.givenAt(), given.id())).map(MedicationViews.AdministrationView::of);
  }
}
