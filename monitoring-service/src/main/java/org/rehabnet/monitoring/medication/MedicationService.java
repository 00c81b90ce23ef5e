package org.rehabnet.monitoring.medication;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.rehabnet.monitoring.alert.AlertRules;
import org.rehabnet.monitoring.alert.Alerts;
import org.rehabnet.monitoring.episode.ChartedEpisode;
import org.rehabnet.monitoring.episode.EpisodeAccess;
import org.rehabnet.monitoring.reassessment.Reassessments;
import org.rehabnet.monitoring.vitals.LatestVitals;
import org.rehabnet.monitoring.vitals.VitalSignsService;
import org.rehabnet.monitoring.withdrawal.LatestWithdrawal;
import org.rehabnet.monitoring.withdrawal.WithdrawalService;
import org.rehabnet.platform.web.audit.AuditAction;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.problem.NotFound;
import org.rehabnet.platform.web.security.Caller;
import org.rehabnet.platform.web.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Orders and the MAR: every dose passes the {@link DosingPolicy} or a physician's recorded override. */
@Service
class MedicationService {

  private static final Logger log = LoggerFactory.getLogger(MedicationService.class);

  private final MedicationOrders orders;
  private final Administrations administrations;
  private final DosingPolicy policy;
  private final EpisodeAccess episodes;
  private final WithdrawalService withdrawal;
  private final VitalSignsService vitals;
  private final Alerts alerts;
  private final Reassessments reassessments;
  private final AuditTrail audit;
  private final Clock clock;

  MedicationService(MedicationOrders orders, Administrations administrations, DosingPolicy policy,
      EpisodeAccess episodes, WithdrawalService withdrawal, VitalSignsService vitals, Alerts alerts,
      Reassessments reassessments, AuditTrail audit, Clock clock) {
    this.orders = orders;
    this.administrations = administrations;
    this.policy = policy;
    this.episodes = episodes;
    this.withdrawal = withdrawal;
    this.vitals = vitals;
    this.alerts = alerts;
    this.reassessments = reassessments;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  MedicationViews.OrderView order(UUID episodeId, OrderMedication request, Caller caller) {
    ChartedEpisode episode = episodes.forCharting(episodeId, caller);
    if (!policy.mayOrder(request.drug(), episode.site())) {
      throw new UnsafeDose(List.of(new DosingPolicy.Violation(DoseRule.OTP_REQUIRED,
          "Methadone for opioid use disorder is ordered only at a certified opioid treatment program")), List.of());
    }
    MedicationOrder order = orders.save(MedicationOrder.place(episodeId, request, clock.instant(),
        caller.username()));
    audit.wrote(AuditAction.CREATE, "MedicationOrder", order.id(), episode.patientId(), episode.site());
    return MedicationViews.OrderView.of(order);
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
    order.requireActive();
    Instant now = clock.instant();
    List<Administration> earlier = administrations.findByEpisodeIdAndDrugOrderByGivenAtAsc(episodeId, order.drug());
    LatestWithdrawal withdrawn = withdrawal.latest(episodeId);
    Optional<LatestVitals> latestVitals = vitals.latest(episodeId);
    DosingPolicy.Verdict verdict = policy.check(new DosingPolicy.Proposal(order.drug(), request.doseMg(), now,
        episode.site(), earlier.stream().map(a -> new DosingPolicy.Given(a.givenAt(), a.doseMg())).toList(),
        withdrawn.cowsTotal(), withdrawn.cowsAssessedAt(), episode.latestPossibleShortActingOpioidUse(),
        withdrawn.possLevel(), latestVitals.map(LatestVitals::respirationRate).orElse(null),
        latestVitals.map(LatestVitals::spo2).orElse(null), episode.fentanylExposure(),
        episode.benzodiazepineRisk()));
    String overridden = null;
    if (!verdict.safe()) {
      boolean overriding = request.overrideReason() != null && !request.overrideReason().isBlank();
      if (!overriding || verdict.violations().stream().anyMatch(v -> !v.rule().overridable())) {
        throw new UnsafeDose(verdict.violations(), verdict.warnings());
      }
      if (!caller.hasRole(Roles.PHYSICIAN)) {
        throw new OverrideNotAllowed();
      }
      overridden = verdict.violations().stream().map(v -> v.rule().name()).collect(Collectors.joining(","));
    }
    Administration given = administrations.save(Administration.give(order, request.doseMg(), now,
        caller.username(), overridden, overridden == null ? null : request.overrideReason()));
    if (overridden != null) {
      alerts.raise(episodeId, episode.patientId(), episode.site(), List.of(AlertRules.doseOverride(overridden)));
      log.info("{} given over rule(s) {} by documented override", given, overridden);
    }
    if (order.drug() == Drug.BUPRENORPHINE) {
      Instant firstDose = earlier.isEmpty() ? now : earlier.getFirst().givenAt();
      reassessments.buprenorphineGiven(episodeId, episode.site(), firstDose, now);
    }
    audit.wrote(AuditAction.CREATE, "MedicationAdministration", given.id(), episode.patientId(), episode.site());
    return MedicationViews.AdministrationView.of(given, verdict.warnings());
  }

  @Transactional(readOnly = true)
  List<MedicationViews.OrderView> orders(UUID episodeId, Caller caller) {
    ChartedEpisode episode = episodes.forReading(episodeId, caller);
    audit.read("MedicationOrder", episodeId, episode.patientId(), episode.site());
    return orders.findByEpisodeIdOrderByOrderedAtAsc(episodeId).stream().map(MedicationViews.OrderView::of).toList();
  }

  @Transactional(readOnly = true)
  List<MedicationViews.AdministrationView> mar(UUID episodeId, Caller caller) {
    ChartedEpisode episode = episodes.forReading(episodeId, caller);
    audit.read("MedicationAdministration", episodeId, episode.patientId(), episode.site());
    return administrations.findByEpisodeIdOrderByGivenAtAsc(episodeId).stream()
        .map(a -> MedicationViews.AdministrationView.of(a, List.of())).toList();
  }
}
