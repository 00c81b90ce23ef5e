package org.rehabnet.monitoring.ward;

import java.util.List;
import java.util.Optional;
import org.rehabnet.monitoring.alert.Alerts;
import org.rehabnet.monitoring.episode.ChartedEpisode;
import org.rehabnet.monitoring.episode.EpisodeAccess;
import org.rehabnet.monitoring.reassessment.DueAssessments;
import org.rehabnet.monitoring.reassessment.Reassessments;
import org.rehabnet.monitoring.vitals.LatestVitals;
import org.rehabnet.monitoring.vitals.VitalSignsService;
import org.rehabnet.monitoring.withdrawal.LatestWithdrawal;
import org.rehabnet.monitoring.withdrawal.WithdrawalService;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.security.Caller;
import org.rehabnet.platform.web.security.SiteScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ward at a glance. It sits above the charting features (it reads them all and none reads it),
 * which is why it is its own feature and not part of the episode.
 */
@Service
class WardCensus {

  private final EpisodeAccess episodes;
  private final WithdrawalService withdrawal;
  private final VitalSignsService vitals;
  private final Reassessments reassessments;
  private final Alerts alerts;
  private final AuditTrail audit;

  WardCensus(EpisodeAccess episodes, WithdrawalService withdrawal, VitalSignsService vitals,
      Reassessments reassessments, Alerts alerts, AuditTrail audit) {
    this.episodes = episodes;
    this.withdrawal = withdrawal;
    this.vitals = vitals;
    this.reassessments = reassessments;
    this.alerts = alerts;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  List<CensusRow> of(String site, Caller caller) {
    SiteScope.readableSite(site, caller);
    return episodes.openAt(site).stream().map(this::row).toList();
  }

  private CensusRow row(ChartedEpisode episode) {
    audit.read("Census", episode.episodeId(), episode.patientId(), episode.site());
    LatestWithdrawal cows = withdrawal.latest(episode.episodeId());
    Optional<LatestVitals> latest = vitals.latest(episode.episodeId());
    Optional<DueAssessments> due = reassessments.due(episode.episodeId());
    return new CensusRow(episode.episodeId(), episode.patientId(), episode.bed(), episode.day(),
        episode.expectedLengthDays(), cows.cowsTotal(), cows.cowsBand(), cows.cowsAssessedAt(),
        latest.map(LatestVitals::news2Total).orElse(null), latest.map(LatestVitals::news2Response).orElse(null),
        latest.map(LatestVitals::takenAt).orElse(null), due.map(DueAssessments::cowsDueAt).orElse(null),
        due.map(DueAssessments::vitalsDueAt).orElse(null), due.map(DueAssessments::cowsOverdue).orElse(false),
        due.map(DueAssessments::vitalsOverdue).orElse(false), alerts.openCount(episode.episodeId()));
  }
}
