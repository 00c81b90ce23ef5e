package org.rehabnet.monitoring.vitals;

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
import org.rehabnet.monitoring.reassessment.Reassessments;
import org.rehabnet.platform.web.audit.AuditAction;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.problem.InvalidField;
import org.rehabnet.platform.web.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Charts vital signs, scores NEWS2, raises what it calls for and moves the vital-signs timer. */
@Service
public class VitalSignsService {

  private final VitalSignsRecords records;
  private final EpisodeAccess episodes;
  private final Alerts alerts;
  private final Reassessments reassessments;
  private final AuditTrail audit;
  private final Clock clock;

  VitalSignsService(VitalSignsRecords records, EpisodeAccess episodes, Alerts alerts, Reassessments reassessments,
      AuditTrail audit, Clock clock) {
    this.records = records;
    this.episodes = episodes;
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
    VitalSigns vitals = records.save(VitalSigns.chart(episodeId, request, now, caller.username()));
    List<AlertSignal> signals = new ArrayList<>(AlertRules.respiratoryDepression(vitals.respirationRate(),
        vitals.spo2(), null, false));
    signals.addAll(AlertRules.deterioration(vitals.news2Total(), vitals.news2SingleThree()));
    alerts.raise(episodeId, episode.patientId(), episode.site(), signals);
    reassessments.vitalsCharted(episodeId, episode.site(), vitals.news2Response().tighterThanRoutine(), now);
    audit.wrote(AuditAction.CREATE, "VitalSigns", vitals.id(), episode.patientId(), episode.site());
    return VitalSignsView.of(vitals);
  }

  @Transactional(readOnly = true)
  List<VitalSignsView> ofEpisode(UUID episodeId, Caller caller) {
    ChartedEpisode episode = episodes.forReading(episodeId, caller);
    audit.read("VitalSigns", episodeId, episode.patientId(), episode.site());
    return records.findByEpisodeIdOrderByTakenAtAsc(episodeId).stream().map(VitalSignsView::of).toList();
  }

  /** The latest set, for rules in other features; no caller, so no audit here (the caller audits). */
  @Transactional(readOnly = true)
  public Optional<LatestVitals> latest(UUID episodeId) {
    return records.findFirstByEpisodeIdOrderByTakenAtDesc(episodeId)
        .map(vitals -> new LatestVitals(vitals.takenAt(), vitals.respirationRate(), vitals.spo2(),
            vitals.consciousness().reduced(), vitals.news2Total(), vitals.news2Response()));
  }
}
