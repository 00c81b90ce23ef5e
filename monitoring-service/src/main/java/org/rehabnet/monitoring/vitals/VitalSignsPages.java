package org.rehabnet.monitoring.vitals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rehabnet.platform.web.paging.Page;
import org.rehabnet.platform.web.paging.Position;
import org.rehabnet.platform.web.paging.Window;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * An episode's vital signs a window and a page at a time, oldest first, in three statements (the
 * window's count, one page of sets by the keyset (taken_at, id), their coded observations at once)
 * rather than Spring Data JDBC's one select of observations per set.
 */
@Repository
class VitalSignsPages {

  private final JdbcClient jdbc;

  VitalSignsPages(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Page<VitalSigns> of(UUID episodeId, Window window) {
    long total = jdbc.sql("""
            SELECT count(*) FROM vital_signs
            WHERE episode_id = :episodeId AND taken_at >= :from AND taken_at <= :to
            """)
        .param("episodeId", episodeId).param("from", utc(window.from())).param("to", utc(window.to()))
        .query(Long.class).single();
    Position after = window.after();
    var statement = jdbc.sql("SELECT id, episode_id, taken_at, recorded_by, respiration_rate, spo2, on_oxygen, "
        + "systolic, diastolic, pulse, consciousness, temperature, news2_total, news2_single_three, news2_response, "
        + "spo2_scale FROM vital_signs WHERE episode_id = :episodeId AND taken_at >= :from AND taken_at <= :to "
        + (after == null ? "" : "AND (taken_at, id) > (:afterAt, :afterId) ")
        + "ORDER BY taken_at, id LIMIT :rows")
        .param("episodeId", episodeId).param("from", utc(window.from())).param("to", utc(window.to()))
        .param("rows", window.limit() + 1);
    if (after != null) {
      statement = statement.param("afterAt", utc(after.at())).param("afterId", after.id());
    }
    List<Row> rows = statement.query((rs, n) -> Row.of(rs)).list();
    Map<UUID, Set<VitalSigns.Observation>> observations = observations(rows);
    List<VitalSigns> sets = rows.stream()
        .map(row -> row.vitals(observations.getOrDefault(row.id(), Set.of())))
        .toList();
    return Page.of(sets, window, total, set -> new Position(set.takenAt(), set.id()));
  }

  private Map<UUID, Set<VitalSigns.Observation>> observations(List<Row> rows) {
    Map<UUID, Set<VitalSigns.Observation>> byId = new HashMap<>();
    if (rows.isEmpty()) {
      return byId;
    }
    jdbc.sql("SELECT vital_signs_id, loinc, value, unit FROM vital_observation WHERE vital_signs_id IN (:ids)")
        .param("ids", rows.stream().map(Row::id).toList())
        .query(rs -> {
          byId.computeIfAbsent(rs.getObject("vital_signs_id", UUID.class), id -> new HashSet<>())
              .add(new VitalSigns.Observation(rs.getString("loinc"), rs.getBigDecimal("value"), rs.getString("unit")));
        });
    return byId;
  }

  private static OffsetDateTime utc(java.time.Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }

  /** One vital_signs row before its observations join it. */
  private record Row(UUID id, UUID episodeId, java.time.Instant takenAt, String recordedBy, int respirationRate,
      int spo2, boolean onOxygen, int systolic, int diastolic, int pulse, Consciousness consciousness,
      java.math.BigDecimal temperature, int news2Total, boolean news2SingleThree, EarlyWarningScore.Response response,
      Spo2Scale scale) {

    static Row of(ResultSet rs) throws SQLException {
      return new Row(rs.getObject("id", UUID.class), rs.getObject("episode_id", UUID.class),
          rs.getObject("taken_at", OffsetDateTime.class).toInstant(), rs.getString("recorded_by"),
          rs.getInt("respiration_rate"), rs.getInt("spo2"), rs.getBoolean("on_oxygen"), rs.getInt("systolic"),
          rs.getInt("diastolic"), rs.getInt("pulse"), Consciousness.valueOf(rs.getString("consciousness")),
          rs.getBigDecimal("temperature"), rs.getInt("news2_total"), rs.getBoolean("news2_single_three"),
          EarlyWarningScore.Response.valueOf(rs.getString("news2_response")),
          Spo2Scale.valueOf(rs.getString("spo2_scale")));
    }

    VitalSigns vitals(Set<VitalSigns.Observation> observations) {
      return new VitalSigns(id, episodeId, takenAt, recordedBy, respirationRate, spo2, onOxygen, systolic, diastolic,
          pulse, consciousness, temperature, news2Total, news2SingleThree, response, scale, observations);
    }
  }
}
