package org.rehabnet.monitoring.episode;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.rehabnet.monitoring.alert.ChartReaders;
import org.rehabnet.monitoring.site.Sites;
import org.rehabnet.platform.web.security.Caller;
import org.rehabnet.platform.web.security.SiteScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one door the charting features use to reach an episode, with site isolation next to the data:
 * another site's episode is not found, writing at a site the caller does not work at is refused, and
 * a discharged episode takes no more charting.
 */
@Service
public class EpisodeAccess implements ChartReaders {

  private final DetoxEpisodes episodes;
  private final Sites sites;
  private final Clock clock;

  EpisodeAccess(DetoxEpisodes episodes, Sites sites, Clock clock) {
    this.episodes = episodes;
    this.sites = sites;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public ChartedEpisode forReading(UUID episodeId, Caller caller) {
    return charted(SiteScope.readable(episodes.findById(episodeId), DetoxEpisode::site, caller, "Detox episode",
        episodeId));
  }

  /** For the alert list: exactly the not-found of {@link #forReading} for an unknown or foreign episode. */
  @Override
  @Transactional(readOnly = true)
  public ReadableChart readable(UUID episodeId, Caller caller) {
    ChartedEpisode episode = forReading(episodeId, caller);
    return new ReadableChart(episode.patientId(), episode.site());
  }

  /**
   * For charting inside the caller's transaction: holds a share lock on the episode row, so a
   * discharge cannot slip in between this check and the charting.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public ChartedEpisode forCharting(UUID episodeId, Caller caller) {
    return writable(episodes.lockForCharting(episodeId), episodeId, caller);
  }

  /**
   * For a dose: an exclusive lock on the episode row, so two nurses' doses are checked against the
   * daily maximum one after the other, never side by side.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public ChartedEpisode forDosing(UUID episodeId, Caller caller) {
    return writable(episodes.lockForDosing(episodeId), episodeId, caller);
  }

  @Transactional(readOnly = true)
  public List<ChartedEpisode> openAt(String site) {
    return episodes.findBySiteAndStatusOrderByBed(site, DetoxEpisode.EpisodeStatus.OPEN).stream()
        .map(this::charted)
        .toList();
  }

  private ChartedEpisode writable(java.util.Optional<DetoxEpisode> found, UUID episodeId, Caller caller) {
    DetoxEpisode episode = SiteScope.writable(found, DetoxEpisode::site, caller, "Detox episode", episodeId);
    if (episode.status() != DetoxEpisode.EpisodeStatus.OPEN) {
      throw new EpisodeAlreadyDischarged(episodeId);
    }
    return charted(episode);
  }

  private ChartedEpisode charted(DetoxEpisode episode) {
    DetoxEpisode.RiskFacts risks = episode.risks();
    return new ChartedEpisode(episode.id(), episode.patientId(), episode.site(), episode.bed(), episode.admittedAt(),
        episode.day(clock.instant(), sites.forDisplay(episode.site())), episode.expectedLengthDays(), episode.status(), risks.lastShortActingOpioidUseAt(),
        risks.fentanylExposure(), risks.benzodiazepineRisk());
  }
}
