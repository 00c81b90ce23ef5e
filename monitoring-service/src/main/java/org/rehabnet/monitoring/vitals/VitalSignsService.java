package org.rehabnet.monitoring.vitals;

import java.time.Clock;
import java.time.Duration;
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
import org.rehabnet.monitoring.episode.OpioidDoses;
import org.rehabnet.monitoring.reassessment.Reassessments;
import org.rehabnet.monitoring.site.Sites;
import org.rehabnet.platform.web.audit.AuditAction;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.paging.Page;
import org.rehabnet.platform.web.paging.Window;
import org.rehabnet.platform.web.problem.InvalidField;
import org.rehabnet.platform.web.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Charts vital signs, scores NEWS2 on the episode's SpO2 scale, raises what they call for (with the
 * latest POSS, recent vomiting and the last opioid dose) and moves the vital-signs timer.
 */
@Service
public class VitalSignsService {

  private final VitalSignsRecords records;
  private final VitalSignsPages pages;
  private final Spo2ScaleAssignments scales;
  private final EpisodeAccess episodes;
  private final ObservedSymptoms symptoms;
  private final OpioidDoses opioidDoses;
  private final Sites sites;
  private final Alerts alerts;
  private final Reassessments reassessments;
  private final AuditTrail audit;
  private final Clock clock;

  VitalSignsService(VitalSignsRecords records, VitalSignsPages pages, Spo2ScaleAssignments scales, EpisodeAccess episodes,
      ObservedSymptoms symptoms, OpioidDoses opioidDoses, Sites sites, Alerts alerts, Reassessments reassessments,
      AuditTrail audit, Clock clock) {
    this.records = records;
    this.pages = pages;
    this.scales = scales;
    this.episodes = episodes;
    this.symptoms = symptoms;
    this.opioidDoses = opioidDoses;
    this.sites = sites;
    this.alerts = alerts;
    this.reassessments = reassessments;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  VitalSignsView chart(UUID episodeId, RecordVitalSigns request, Caller caller) {
    ChartedEpisode episode = episodes.forCharting(episodeId, caller);
    if (request.diastolic() >= request.systolic()) {
      throw new InvalidField("diastolic", "must be below systolic");
    }
    Instant now = clock.instant();
    Spo2Scale scale = currentScale(episodeId);
    VitalSigns vitals = records.save(VitalSigns.chart(episodeId, request, scale, now, caller.username()));
    // "Current" POSS: charted within the site's observation window, the same window the holds use.
    Duration window = sites.forDisplay(episode.site()).settings().holds().observationsValidFor();
    Integer poss = symptoms.sedationSince(episodeId, now.minus(window)).map(ObservedSymptoms.Sedation::level)
        .orElse(null);
    List<AlertSignal> signals = new ArrayList<>(AlertRules.respiratoryDepression(vitals.respirationRate(),
        vitals.spo2(), scale == Spo2Scale.SCALE_2, poss,
        AlertRules.withinOpioidPeak(opioidDoses.lastOpioidAgonistDoseAt(episodeId).orElse(null), now)));
    signals.addAll(AlertRules.deterioration(vitals.news2Total(), vitals.news2SingleThree()));
    signals.addAll(AlertRules.aspirationRisk(
        symptoms.vomitingSince(episodeId, now.minus(AlertRules.VOMITING_LOOKBACK)),
        vitals.consciousness().reduced(), poss));
    alerts.raise(episodeId, episode.patientId(), episode.site(), signals);
    reassessments.vitalsCharted(episodeId, episode.site(), vitals.news2Response().tighterThanRoutine(), now);
    audit.wrote(AuditAction.CREATE, "VitalSigns", vitals.id(), episode.patientId(), episode.site());
    return VitalSignsView.of(vitals);
  }

  @Transactional(readOnly = true)
  Page<VitalSignsView> ofEpisode(UUID episodeId, Window window, Caller caller) {
    ChartedEpisode episode = episodes.forReading(episodeId, caller);
    audit.read("VitalSigns", episodeId, episode.patientId(), episode.site());
    return pages.of(episodeId, window).map(VitalSignsView::of);
  }

  /** A physician sets the SpO2 scale (who, when and why are kept); the next set is scored on it. */
  @Transactional
  Spo2ScaleView setScale(UUID episodeId, SetSpo2Scale request, Caller caller) {
    ChartedEpisode episode = episodes.forCharting(episodeId, caller);
    Spo2ScaleAssignment saved = scales.save(Spo2ScaleAssignment.set(episodeId, request, caller.username(),
        clock.instant()));
    audit.wrote(AuditAction.UPDATE, "Spo2Scale", saved.id(), episode.patientId(), episode.site());
    return scaleView(episodeId);
  }

  @Transactional(readOnly = true)
  Spo2ScaleView scale(UUID episodeId, Caller caller) {
    ChartedEpisode episode = episodes.forReading(episodeId, caller);
    audit.read("Spo2Scale", episodeId, episode.patientId(), episode.site());
    return scaleView(episodeId);
  }

  private Spo2ScaleView scaleView(UUID episodeId) {
    List<Spo2ScaleView.Change> history = scales.findByEpisodeIdOrderBySetAtAsc(episodeId).stream()
        .map(a -> new Spo2ScaleView.Change(a.scale(), a.reason(), a.setBy(), a.setAt()))
        .toList();
    return new Spo2ScaleView(episodeId, currentScale(episodeId), history);
  }

  private Spo2Scale currentScale(UUID episodeId) {
    return scales.findFirstByEpisodeIdOrderBySetAtDesc(episodeId).map(Spo2ScaleAssignment::scale)
        .orElse(Spo2Scale.SCALE_1);
  }

  /** The latest set, for rules in other features; no caller, so no audit here (the caller audits). */
  @Transactional(readOnly = true)
  public Optional<LatestVitals> latest(UUID episodeId) {
    return records.findFirstByEpisodeIdOrderByTakenAtDesc(episodeId)
        .map(vitals -> new LatestVitals(vitals.takenAt(), vitals.respirationRate(), vitals.spo2(), vitals.systolic(),
            vitals.pulse(), vitals.consciousness().reduced(), vitals.news2Total(), vitals.news2Response()));
  }

  /** Whether a physician set SpO2 scale 2 for the episode: holds and alerts then use its 88-92 % target. */
  @Transactional(readOnly = true)
  public boolean onScale2(UUID episodeId) {
    return currentScale(episodeId) == Spo2Scale.SCALE_2;
  }
}
