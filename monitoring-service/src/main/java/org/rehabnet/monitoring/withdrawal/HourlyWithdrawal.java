package org.rehabnet.monitoring.withdrawal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.rehabnet.monitoring.episode.ChartedEpisode;
import org.rehabnet.monitoring.episode.EpisodeAccess;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.paging.Window;
import org.rehabnet.platform.web.security.Caller;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The withdrawal trend of a long window, downsampled by the database: one row per clock hour (UTC)
 * with the COWS assessments' count, lowest, highest and mean total, instead of every assessment. A
 * month of 15-minute COWS is about 3,000 rows; its hours are at most 745 (the 744 of 31 days, and the
 * hour the window starts in).
 */
@Component
class HourlyWithdrawal {

  /** One clock hour that holds at least one assessment (an hour without any is left out). */
  record CowsHour(Instant hour, int assessments, int lowest, int highest, BigDecimal mean) {}

  record HourlyTrend(UUID episodeId, Instant from, Instant to, List<CowsHour> cows) {}

  private final JdbcClient jdbc;
  private final EpisodeAccess episodes;
  private final AuditTrail audit;

  HourlyWithdrawal(JdbcClient jdbc, EpisodeAccess episodes, AuditTrail audit) {
    this.jdbc = jdbc;
    this.episodes = episodes;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  HourlyTrend of(UUID episodeId, Window window, Caller caller) {
    ChartedEpisode episode = episodes.forReading(episodeId, caller);
    audit.read("WithdrawalTrend", episodeId, episode.patientId(), episode.site());
    // date_bin on the index (episode_id, assessed_at, id): one range scan, grouped in the database.
    List<CowsHour> hours = jdbc.sql("""
            SELECT date_bin(interval '1 hour', assessed_at, timestamptz '2000-01-01 00:00:00+00') AS hour,
                   count(*) AS assessments, min(total) AS lowest, max(total) AS highest,
                   round(avg(total), 1) AS mean
              FROM cows_assessment
             WHERE episode_id = :episodeId AND assessed_at >= :from AND assessed_at <= :to
             GROUP BY hour
             ORDER BY hour
            """)
        .param("episodeId", episodeId)
        .param("from", utc(window.from()))
        .param("to", utc(window.to()))
        .query((rs, row) -> new CowsHour(rs.getObject("hour", OffsetDateTime.class).toInstant(),
            rs.getInt("assessments"), rs.getInt("lowest"), rs.getInt("highest"), rs.getBigDecimal("mean")))
        .list();
    return new HourlyTrend(episodeId, window.from(), window.to(), hours);
  }

  private static OffsetDateTime utc(Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }
}
