package org.rehabnet.monitoring.withdrawal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.monitoring.alert.AlertRules;
import org.rehabnet.monitoring.alert.AlertSignal;
import org.rehabnet.monitoring.alert.Alerts;
import org.rehabnet.monitoring.episode.ChartedEpisode;
import org.rehabnet.monitoring.episode.EpisodeAccess;
import org.rehabnet.monitoring.episode.OpioidDoses;
import org.rehabnet.monitoring.episode.WithdrawalScores;
import org.rehabnet.monitoring.reassessment.Reassessments;
import org.rehabnet.monitoring.site.Sites;
import org.rehabnet.monitoring.vitals.LatestVitals;
import org.rehabnet.monitoring.vitals.ObservedSymptoms;
import org.rehabnet.monitoring.vitals.VitalSignsService;
import org.rehabnet.platform.web.audit.AuditAction;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.paging.Page;
import org.rehabnet.platform.web.paging.Position;
import org.rehabnet.platform.web.paging.Window;
import org.rehabnet.platform.web.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Charts COWS and symptom observations, raises what they call for and moves the COWS timer. Each
 * charting re-reads the bedside: the current vital signs and POSS (charted within the site's
 * observation window), recent vomiting and the last opioid dose, so respiratory depression and
 * aspiration risk are judged on the same facts whichever charting comes last.
 */
@Service
public class WithdrawalService implements WithdrawalScores {

  /** COWS GI upset 3 means vomiting or diarrhoea (docs/clinical-rules.md, "Aspiration risk"). */
  static final int GI_VOMITING = 3;

  private final CowsAssessments assessments;
  private final SymptomObservations observations;
  private final ObservedSymptoms symptoms;
  private final EpisodeAccess episodes;
  private final VitalSignsService vitals;
  private final OpioidDoses opioidDoses;
  private final Sites sites;
  private final Alerts alerts;
  private final Reassessments reassessments;
  private final AuditTrail audit;
  private final Clock clock;

  WithdrawalService(CowsAssessments assessments, SymptomObservations observations, ObservedSymptoms symptoms,
      EpisodeAccess episodes, VitalSignsService vitals, OpioidDoses opioidDoses, Sites sites, Alerts alerts,
      Reassessments reassessments, AuditTrail audit, Clock clock) {
    this.assessments = assessments;
    this.observations = observations;
    this.symptoms = symptoms;
    this.episodes = episodes;
    this.vitals = vitals;
    this.opioidDoses = opioidDoses;
    this.sites = sites;
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
    Bedside bedside = bedside(episode, now);
    List<AlertSignal> signals = new ArrayList<>(AlertRules.severeWithdrawal(assessment.total()));
    signals.addAll(bedside.respiratoryDepression(null));
    signals.addAll(AlertRules.aspirationRisk(assessment.giUpset() >= GI_VOMITING || bedside.vomitingRecently(),
        bedside.consciousnessReduced(), bedside.poss()));
    alerts.raise(episodeId, episode.patientId(), episode.site(), signals);
    reassessments.cowsCharted(episodeId, episode.site(), assessment.total(), now);
    audit.wrote(AuditAction.CREATE, "CowsAssessment", assessment.id(), episode.patientId(), episode.site());
    return WithdrawalViews.CowsView.of(episodeId, assessment);
  }

  @Transactional
  WithdrawalViews.ObservationView observe(UUID episodeId, RecordObservation request, Caller caller) {
    ChartedEpisode episode = episodes.forCharting(episodeId, caller);
    Instant now = clock.instant();
    SymptomObservation observation = observations.save(SymptomObservation.observe(episodeId, request, now,
        caller.username()));
    // Read after saving: the POSS just charted is the current one, the vomiting just charted counts.
    Bedside bedside = bedside(episode, now);
    List<AlertSignal> signals = new ArrayList<>();
    if (request.poss() != null || request.breathingDifficulty()) {
      signals.addAll(bedside.respiratoryDepression(request.poss() == null ? null : request.poss().level()));
    }
    signals.addAll(AlertRules.aspirationRisk(request.vomiting() || bedside.vomitingRecently(),
        bedside.consciousnessReduced(), bedside.poss()));
    alerts.raise(episodeId, episode.patientId(), episode.site(), signals);
    audit.wrote(AuditAction.CREATE, "SymptomObservation", observation.id(), episode.patientId(), episode.site());
    return WithdrawalViews.ObservationView.of(observation);
  }

  private Bedside bedside(ChartedEpisode episode, Instant now) {
    UUID episodeId = episode.episodeId();
    Duration window = sites.forDisplay(episode.site()).settings().holds().observationsValidFor();
    Optional<LatestVitals> latest = vitals.latest(episodeId)
        .filter(v -> !v.takenAt().isBefore(now.minus(window)));
    Integer poss = symptoms.sedationSince(episodeId, now.minus(window)).map(ObservedSymptoms.Sedation::level)
        .orElse(null);
    return new Bedside(latest.map(LatestVitals::respirationRate).orElse(null),
        latest.map(LatestVitals::spo2).orElse(null), vitals.onScale2(episodeId), poss,
        latest.map(LatestVitals::consciousnessReduced).orElse(false),
        symptoms.vomitingSince(episodeId, now.minus(AlertRules.VOMITING_LOOKBACK)),
        AlertRules.withinOpioidPeak(opioidDoses.lastOpioidAgonistDoseAt(episodeId).orElse(null), now));
  }

  /** The current bedside facts the alert rules read. */
  private record Bedside(@Nullable Integer respirationRate, @Nullable Integer spo2, boolean scale2,
      @Nullable Integer poss, boolean consciousnessReduced, boolean vomitingRecently, boolean opioidWithinPeak) {

    /** With the POSS to judge by (the one just charted, or the current one when null). */
    List<AlertSignal> respiratoryDepression(@Nullable Integer charted) {
      return AlertRules.respiratoryDepression(respirationRate, spo2, scale2, charted != null ? charted : poss,
          opioidWithinPeak);
    }
  }

  @Transactional(readOnly = true)
  WithdrawalViews.Trend trend(UUID episodeId, Window window, Caller caller) {
    ChartedEpisode episode = episodes.forReading(episodeId, caller);
    audit.read("WithdrawalTrend", episodeId, episode.patientId(), episode.site());
    return new WithdrawalViews.Trend(episodeId,
        assessments.inWindow(episodeId, window.from(), window.to()).stream()
            .map(a -> WithdrawalViews.CowsView.of(episodeId, a)).toList(),
        observations.inWindow(episodeId, window.from(), window.to()).stream()
            .map(WithdrawalViews.ObservationView::of).toList());
  }

  @Transactional(readOnly = true)
  Page<WithdrawalViews.CowsView> cows(UUID episodeId, Window window, Caller caller) {
    ChartedEpisode episode = episodes.forReading(episodeId, caller);
    audit.read("CowsAssessment", episodeId, episode.patientId(), episode.site());
    return Page.read(window, rows -> assessments.firstPage(episodeId, window.from(), window.to(), rows),
        (after, rows) -> assessments.pageAfter(episodeId, window.from(), window.to(), after.at(), after.id(), rows),
        () -> assessments.countInWindow(episodeId, window.from(), window.to()),
        a -> new Position(a.assessedAt(), a.id())).map(a -> WithdrawalViews.CowsView.of(episodeId, a));
  }

  @Transactional(readOnly = true)
  Page<WithdrawalViews.ObservationView> observations(UUID episodeId, Window window, Caller caller) {
    ChartedEpisode episode = episodes.forReading(episodeId, caller);
    audit.read("SymptomObservation", episodeId, episode.patientId(), episode.site());
    return Page.read(window, rows -> observations.firstPage(episodeId, window.from(), window.to(), rows),
        (after, rows) -> observations.pageAfter(episodeId, window.from(), window.to(), after.at(), after.id(), rows),
        () -> observations.countInWindow(episodeId, window.from(), window.to()),
        o -> new Position(o.observedAt(), o.id())).map(WithdrawalViews.ObservationView::of);
  }

  /** The latest COWS and sedation with their times, for dosing and the census (the caller audits). */
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
}
