package org.rehabnet.monitoring.episode;

import java.time.Clock;
import java.util.UUID;
import org.rehabnet.platform.events.intake.AdmissionRecorded;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.problem.NotFound;
import org.rehabnet.platform.web.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens episodes from admissions and shows them to the staff of their site. */
@Service
class DetoxEpisodeService {

  private static final Logger log = LoggerFactory.getLogger(DetoxEpisodeService.class);

  private final DetoxEpisodes episodes;
  private final Clock clock;
  private final AuditTrail audit;

  DetoxEpisodeService(DetoxEpisodes episodes, Clock clock, AuditTrail audit) {
    this.audit = audit;
    this.episodes = episodes;
    this.clock = clock;
  }

  /** Runs inside the event inbox's transaction. */
  void openFrom(AdmissionRecorded admission) {
    if (episodes.existsByAdmissionId(admission.admissionId())) {
      // A second event for the same admission (a resend with a new id cannot happen, but a replay from
      // the dead-letter topic can): the episode is already open.
      return;
    }
    DetoxEpisode episode = episodes.save(DetoxEpisode.open(admission.admissionId(), admission.patientId(),
        admission.site(), admission.bed(), admission.admittedAt(), admission.expectedLengthDays(), clock.instant()));
    log.info("Opened {} for admission {}", episode, admission.admissionId());
  }

  private EpisodeView shown(DetoxEpisode episode) {
    audit.read("DetoxEpisode", episode.id(), episode.patientId(), episode.site());
    return EpisodeView.of(episode, episode.day(clock));
  }

  @Transactional(readOnly = true)
  EpisodeView byAdmission(UUID admissionId, Caller caller) {
    return episodes.findByAdmissionId(admissionId)
        .filter(episode -> caller.canRead(episode.site()))
        .map(this::shown)
        .orElseThrow(() -> new NotFound("Detox episode for admission", admissionId));
  }

  @Transactional(readOnly = true)
  EpisodeView byId(UUID episodeId, Caller caller) {
    return episodes.findById(episodeId)
        .filter(episode -> caller.canRead(episode.site()))
        .map(this::shown)
        .orElseThrow(() -> new NotFound("Detox episode", episodeId));
  }
}
