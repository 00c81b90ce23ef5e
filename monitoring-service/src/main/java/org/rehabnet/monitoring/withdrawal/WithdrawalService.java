package org.rehabnet.monitoring.withdrawal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.rehabnet.monitoring.alert.AlertRules;
import org.rehabnet.monitoring.alert.AlertSignal;
import org.rehabnet.monitoring.alert.Alerts;
import org.rehabnet.monitoring.episode.ChartedEpisode;
import org.rehabnet.monitoring.episode.EpisodeAccess;
import org.rehabnet.monitoring.episode.WithdrawalScores;
import org.rehabnet.monitoring.reassessment.Reassessments;
import org.rehabnet.monitoring.vitals.LatestVitals;
import org.rehabnet.monitoring.vitals.VitalSignsService;
import org.rehabnet.platform.web.audit.AuditAction;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Charts COWS and symptom observations, raises what they call for and moves the COWS timer. */
@Service
public class WithdrawalService implements WithdrawalScores {

  /** COWS GI upset 3 means vomiting or diarrhoea (shared/clinical-reference.md, aspiration risk). */
  private static final int GI_VOMITING = 3;

  private final CowsAssessments assessments;
  private final SymptomObservations observations;
  private final EpisodeAccess episodes;
  private final VitalSignsService vitals;
  private final Alerts alerts;
  private final Reassessments reassessments;
  private final AuditTrail audit;
  private final Clock clock;

  WithdrawalService(CowsAssessments assessments, SymptomObservations observations, EpisodeAccess episodes,
      VitalSignsService vitals, Alerts alerts, Reassessments reassessments, AuditTrail audit, Clock clock) {
    this.assessments = assessments;
    this.observations = observations;
    this.episodes = episodes;
    this.vitals = vitals;
    this.alerts = alerts;
    this.reassessments = reassessments;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  WithdrawalViews.CowsView chartCows(UUID episodeId, RecordCows request, Caller caller) {
    ChartedEpisode episode = episodes.forCharting(episodeId, caller);
    Instant now = clock.instant();
    CowsAssessment assessment = assessments.save(CowsAssessment.chart(episodeId, episode.patientId(), episode.site(),
        request, now, caller.username()));
    List<AlertSignal> signals = new ArrayList<>(AlertRules.severeWithdrawal(assessment.total()));
    if (assessment.giUpset() >= GI_VOMITING) {
      signals.addAll(AlertRules.aspirationRisk(true, consciousnessReduced(episodeId), latestPossLevel(episodeId)));
    }
    alerts.raise(episodeId, episode.patientId(), episode.site(), signals);
    reassessments.cowsCharted(episodeId, episode.site(), assessment.total(), now);
    audit.wrote(AuditAction.CREATE, "CowsAssessment", assessment.id(), episode.patientId(), episode.site());
    return WithdrawalViews.CowsView.of(episodeId, assessment);
  }

  @Transactional
  WithdrawalViews.ObservationView observe(UUID episodeId, RecordObservation request, Caller caller) {
    ChartedEpisode episode = episodes.forCharting(episodeId, caller);
    SymptomObservation observation = observations.save(SymptomObservation.observe(episodeId, request,
        clock.instant(), caller.username()));
    Integer poss = request.poss() == null ? latestPossLevel(episodeId) : Integer.valueOf(request.poss().level());
    List<AlertSignal> signals = new ArrayList<>();
    if (request.poss() != null || request.breathingDifficulty()) {
      Optional<LatestVitals> latest = vitals.latest(episodeId);
      signals.addAll(AlertRules.respiratoryDepression(latest.map(LatestVitals::respirationRate).orElse(null),
          latest.map(LatestVitals::spo2).orElse(null), request.poss() == null ? null : poss, false));
    }
    signals.addAll(AlertRules.aspirationRisk(request.vomiting(), consciousnessReduced(episodeId), poss));
    alerts.raise(episodeId, episode.patientId(), episode.site(), signals);
    audit.wrote(AuditAction.CREATE, "SymptomObservation", observation.id(), episode.patientId(), episode.site());
    return WithdrawalViews.ObservationView.of(observation);
  }

  @Transactional(readOnly = true)
  WithdrawalViews.Trend trend(UUID episodeId, Caller caller) {
    ChartedEpisode episode = episodes.forReading(episodeId, caller);
    audit.read("WithdrawalTrend", episodeId, episode.patientId(), episode.site());
    return new WithdrawalViews.Trend(episodeId,
        assessments.findByEpisodeIdOrderByAssessedAtAsc(episodeId).stream()
            .map(a -> WithdrawalViews.CowsView.of(episodeId, a)).toList(),
        observations.findByEpisodeIdOrderByObservedAtAsc(episodeId).stream()
            .map(WithdrawalViews.ObservationView::of).toList());
  }

  /** The latest COWS and sedation, for dosing and the census (the caller audits). */
  @Transactional(readOnly = true)
  public LatestWithdrawal latest(UUID episodeId) {
    Optional<CowsAssessment> cows = assessments.findFirstByEpisodeIdOrderByAssessedAtDesc(episodeId);
    Optional<SymptomObservation> sedation = observations.latestSedation(episodeId);
    return new LatestWithdrawal(cows.map(CowsAssessment::total).orElse(null),
        cows.map(CowsAssessment::band).orElse(null), cows.map(CowsAssessment::assessedAt).orElse(null),
        sedation.map(o -> o.poss() == null ? null : o.poss().level()).orElse(null),
        sedation.map(SymptomObservation::observedAt).orElse(null));
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Integer> lastCowsTotal(UUID episodeId) {
    return assessments.findFirstByEpisodeIdOrderByAssessedAtDesc(episodeId).map(CowsAssessment::total);
  }

  private boolean consciousnessReduced(UUID episodeId) {
    return vitals.latest(episodeId).map(LatestVitals::consciousnessReduced).orElse(false);
  }

  private Integer latestPossLevel(UUID episodeId) {
    return observations.latestSedation(episodeId).map(o -> o.poss() == null ? null : o.poss().level()).orElse(null);
  }
}
