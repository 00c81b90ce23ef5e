package org.rehabnet.monitoring.reassessment;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * rehabnet_assessments_overdue{site, assessment}: COWS and vital-sign sets late right now, per
 * ward (site), for the clinical-safety dashboard. Every instance reports the same count from the
 * database (read without the overdue check's ShedLock), so dashboards take the max over instances.
 */
@Component
class OverdueAssessmentMetrics {

  private static final Logger log = LoggerFactory.getLogger(OverdueAssessmentMetrics.class);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final MultiGauge overdue;

  OverdueAssessmentMetrics(JdbcClient jdbc, Clock clock, MeterRegistry registry) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.overdue = MultiGauge.builder("rehabnet.assessments.overdue")
        .description("Active episodes whose COWS or vital signs are past due")
        .register(registry);
  }

  @Scheduled(fixedDelayString = "${rehabnet.monitoring.metrics-interval:PT30S}", initialDelayString = "PT3S")
  void refresh() {
    try {
      List<MultiGauge.Row<?>> rows = new ArrayList<>();
      jdbc.sql("""
              SELECT site,
                     count(*) FILTER (WHERE cows_due_at < :now) AS cows,
                     count(*) FILTER (WHERE vitals_due_at < :now) AS vitals
                FROM reassessment_timer WHERE active GROUP BY site""")
          .param("now", Timestamp.from(clock.instant()))
          .query((rs, n) -> {
            String site = rs.getString("site");
            rows.add(MultiGauge.Row.of(Tags.of("site", site, "assessment", "cows"), rs.getLong("cows")));
            rows.add(MultiGauge.Row.of(Tags.of("site", site, "assessment", "vitals"), rs.getLong("vitals")));
            return n;
          })
          .list();
      overdue.register(rows, true);
    } catch (RuntimeException e) {
      log.warn("Overdue-assessment metrics not refreshed: {}", e.toString());
    }
  }
}
