package org.rehabnet.monitoring.episode;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.monitoring.alert.AlertRules;
import org.rehabnet.monitoring.alert.Alerts;
import org.rehabnet.monitoring.reassessment.Reassessments;
import org.rehabnet.monitoring.site.Sites;
import org.rehabnet.platform.events.clinical.RiskFlag;
import org.rehabnet.platform.events.clinical.Substance;
import org.rehabnet.platform.events.clinical.UdsFlag;
import org.rehabnet.platform.events.intake.AdmissionRecorded;
import org.rehabnet.platform.web.audit.AuditAction;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.problem.InvalidField;
import org.rehabnet.platform.web.security.Caller;
import org.rehabnet.platform.web.security.SiteScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens episodes from admissions, shows them to the staff of their site, and discharges them. */
@Service
class DetoxEpisodeService {

  private static final Logger log = LoggerFactory.getLogger(DetoxEpisodeService.class);
  private final DetoxEpisodes episodes;
  private final Sites sites;
  private final Clock clock;
  private final AuditTrail audit;
  private final Alerts alerts;
  private final Reassessments reassessments;
  private final WithdrawalScores withdrawal;

  DetoxEpisodeService(DetoxEpisodes episodes, Sites sites, Clock clock, AuditTrail audit, Alerts alerts,
      Reassessments reassessments, WithdrawalScores withdrawal) {
    this.audit = audit;
    this.episodes = episodes;
    this.sites = sites;
    this.clock = clock;
    this.alerts = alerts;
    this.reassessments = reassessments;
    this.withdrawal = withdrawal;
  }

  /** Runs inside the event inbox's transaction; every assessment field of the event may be null. */
  void openFrom(AdmissionRecorded admission) {
    if (episodes.existsByAdmissionId(admission.admissionId())) {
      // A second event for the same admission (a resend with a new id cannot happen, but a replay from
      // the dead-letter topic can): the episode is already open.
      return;
    }
    DetoxEpisode.RiskFacts risks = risksOf(admission);
    DetoxEpisode episode = episodes.save(DetoxEpisode.open(admission.admissionId(), admission.patientId(),
        admission.site(), admission.bed(), admission.admittedAt(), admission.expectedLengthDays(), risks,
        clock.instant()));
    reassessments.start(episode.id(), episode.patientId(), episode.site());
    alerts.raise(episode.id(), episode.patientId(), episode.site(), AlertRules.selfHarmRiskAtIntake(risks.selfHarmRisk()));
    log.info("Opened {} for admission {}", episode, admission.admissionId());
  }

  /**
   * The admission facts the chart's rules need. Fentanyl counts when screened positive, when the
   * screen did not test for it (or the strip was invalid: the plan cannot assume it absent) and when
   * reported; benzodiazepines when flagged by intake or reported (immunoassays miss clonazepam).
   */
  static DetoxEpisode.RiskFacts risksOf(AdmissionRecorded admission) {
    var substances = admission.substances() == null ? java.util.List.<AdmissionRecorded.SubstanceUse>of()
        : admission.substances();
    Instant lastShortActing = substances.stream()
        .filter(Objects::nonNull)
        .filter(use -> use.substance().shortActingOpioid())
        .map(AdmissionRecorded.SubstanceUse::lastUseAt)
        .filter(Objects::nonNull)
        .max(Instant::compareTo)
        .orElse(null);
    boolean fentanyl = contains(admission.udsFlags(), UdsFlag.FENTANYL_POSITIVE)
        || contains(admission.udsFlags(), UdsFlag.FENTANYL_NOT_TESTED)
        || substances.stream().filter(Objects::nonNull).anyMatch(use -> use.substance() == Substance.FENTANYL);
    boolean benzodiazepines = contains(admission.udsFlags(), UdsFlag.BENZODIAZEPINES_WITH_OPIOIDS)
        || substances.stream().filter(Objects::nonNull).anyMatch(use -> use.substance() == Substance.BENZODIAZEPINE);
    return new DetoxEpisode.RiskFacts(
        admission.dependenceSeverity() == null ? null : admission.dependenceSeverity().name(), lastShortActing,
        fentanyl, benzodiazepines, contains(admission.mentalHealthFlags(), RiskFlag.SELF_HARM_RISK));
  }

  private static <F> boolean contains(@Nullable Collection<F> flags, F flag) {
    return flags != null && flags.contains(flag);
  }

  private EpisodeView shown(DetoxEpisode episode) {
    audit.read("DetoxEpisode", episode.id(), episode.patientId(), episode.site());
    return EpisodeView.of(episode, episode.day(clock.instant(), sites.forDisplay(episode.site())));
  }

  @Transactional(readOnly = true)
  EpisodeView byAdmission(UUID admissionId, Caller caller) {
    return shown(SiteScope.readable(episodes.findByAdmissionId(admissionId), DetoxEpisode::site, caller,
        "Detox episode for admission", admissionId));
  }

  @Transactional(readOnly = true)
  EpisodeView byId(UUID episodeId, Caller caller) {
    return shown(SiteScope.readable(episodes.findById(episodeId), DetoxEpisode::site, caller, "Detox episode",
        episodeId));
  }

  @Transactional
  EpisodeView discharge(UUID episodeId, DischargePatient request, Caller caller) {
    DetoxEpisode episode = SiteScope.writable(episodes.lockForDosing(episodeId), DetoxEpisode::site, caller,
        "Detox episode", episodeId);
    if (request.expectedVersion() != null && !request.expectedVersion().equals(episode.version())) {
      throw new OptimisticLockingFailureException("Detox episode " + episodeId + " changed since it was read");
    }
    if (!request.naloxoneProvided() && blank(request.naloxoneNotProvidedReason())) {
      throw new InvalidField("naloxoneNotProvidedReason", "is required when naloxone is not provided");
    }
    if (request.medicationPlan() != MedicationPlan.NONE && blank(request.receivingPrescriber())) {
      throw new InvalidField("receivingPrescriber", "is required when medication continues");
    }
    episode.discharge(new DetoxEpisode.Discharge(clock.instant(), request.type(), request.naloxoneProvided(),
        request.naloxoneProvided() ? null : request.naloxoneNotProvidedReason(), request.overdoseEducation(),
        request.medicationPlan(), request.receivingPrescriber(), withdrawal.lastCowsTotal(episodeId).orElse(null),
        caller.username()));
    DetoxEpisode saved = episodes.save(episode);
    reassessments.stop(episodeId);
    audit.wrote(AuditAction.UPDATE, "DetoxEpisode", episodeId, saved.patientId(), saved.site());
    log.info("Discharged {}", saved);
    return EpisodeView.of(saved, saved.day(clock.instant(), sites.forDisplay(saved.site())));
  }

  private static boolean blank(@Nullable String value) {
    return value == null || value.isBlank();
  }
}
