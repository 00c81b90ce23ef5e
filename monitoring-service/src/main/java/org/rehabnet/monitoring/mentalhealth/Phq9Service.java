package org.rehabnet.monitoring.mentalhealth;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.rehabnet.monitoring.alert.AlertRules;
import org.rehabnet.monitoring.alert.Alerts;
import org.rehabnet.monitoring.episode.ChartedEpisode;
import org.rehabnet.monitoring.episode.EpisodeAccess;
import org.rehabnet.platform.web.audit.AuditAction;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Re-screens depression during the stay and raises SELF_HARM_RISK on every positive item 9. */
@Service
class Phq9Service {

  private final Phq9Screenings screenings;
  private final EpisodeAccess episodes;
  private final Alerts alerts;
  private final AuditTrail audit;
  private final Clock clock;

  Phq9Service(Phq9Screenings screenings, EpisodeAccess episodes, Alerts alerts, AuditTrail audit, Clock clock) {
    this.screenings = screenings;
    this.episodes = episodes;
    this.alerts = alerts;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  Phq9View screen(UUID episodeId, RecordPhq9 request, Caller caller) {
    ChartedEpisode episode = episodes.forCharting(episodeId, caller);
    Phq9Screening screening = screenings.save(Phq9Screening.screen(episodeId, request.items(), clock.instant(),
        caller.username()));
    alerts.raise(episodeId, episode.patientId(), episode.site(), AlertRules.selfHarmRiskOnRescreen(screening.item9()));
    audit.wrote(AuditAction.CREATE, "Phq9Screening", screening.id(), episode.patientId(), episode.site());
    return Phq9View.of(episodeId, screening);
  }

  @Transactional(readOnly = true)
  List<Phq9View> trend(UUID episodeId, Caller caller) {
    ChartedEpisode episode = episodes.forReading(episodeId, caller);
    audit.read("Phq9Screening", episodeId, episode.patientId(), episode.site());
    return screenings.findByEpisodeIdOrderByScreenedAtAsc(episodeId).stream()
        .map(screening -> Phq9View.of(episodeId, screening)).toList();
  }
}
