package org.rehabnet.aftercare.partner;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.web.paging.Position;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The accounting of disclosures (42 CFR §2.24): one append-only row per patient per partner read that
 * returned their data. The database refuses UPDATE and DELETE on it, as on the audit trail.
 */
@Component
class DisclosureLog {

  private final JdbcClient jdbc;

  DisclosureLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One disclosure; written in the transaction of the read it records. */
  record Disclosure(UUID id, Instant disclosedAt, UUID patientId, @Nullable String site, String partnerOrg,
      @Nullable String clientId, List<String> resourceTypes, List<String> resourceIds, List<String> dataCategories,
      List<UUID> consentIds, String purpose, @Nullable String requestId) {

    Disclosure {
      resourceTypes = List.copyOf(resourceTypes);
      resourceIds = List.copyOf(resourceIds);
      dataCategories = List.copyOf(dataCategories);
      consentIds = List.copyOf(consentIds);
    }
  }

  void append(Disclosure d) {
    jdbc.sql("""
            INSERT INTO disclosure (id, disclosed_at, patient_id, site, partner_org, client_id, resource_types,
                                    resource_ids, data_categories, consent_ids, purpose, request_id)
            VALUES (:id, :at, :patientId, :site, :partnerOrg, :clientId, :types, :ids, :categories,
                    CAST(:consents AS uuid[]), :purpose, :requestId)
            """)
        .param("id", d.id())
        .param("at", Timestamp.from(d.disclosedAt()))
        .param("patientId", d.patientId())
        .param("site", d.site())
        .param("partnerOrg", d.partnerOrg())
        .param("clientId", d.clientId())
        .param("types", d.resourceTypes().toArray(String[]::new))
        .param("ids", d.resourceIds().toArray(String[]::new))
        .param("categories", d.dataCategories().toArray(String[]::new))
        .param("consents", d.consentIds().stream().map(UUID::toString).toArray(String[]::new))
        .param("purpose", d.purpose())
        .param("requestId", d.requestId())
        .update();
  }

  // The patient's disclosures: keyset pages of a time window, newest first (docs/api.md, "Paging"); the index
  // (patient_id, disclosed_at, id) serves all three.
  List<Disclosure> firstPage(UUID patientId, Instant from, Instant to, int rows) {
    return jdbc.sql("""
            SELECT * FROM disclosure WHERE patient_id = :patientId AND disclosed_at >= :from AND disclosed_at <= :to
             ORDER BY disclosed_at DESC, id DESC LIMIT :rows""")
        .param("patientId", patientId).param("from", at(from)).param("to", at(to)).param("rows", rows)
        .query(DisclosureLog::map)
        .list();
  }

  List<Disclosure> pageAfter(UUID patientId, Instant from, Instant to, Position after, int rows) {
    return jdbc.sql("""
            SELECT * FROM disclosure WHERE patient_id = :patientId AND disclosed_at >= :from AND disclosed_at <= :to
               AND (disclosed_at, id) < (:afterAt, :afterId)
             ORDER BY disclosed_at DESC, id DESC LIMIT :rows""")
        .param("patientId", patientId).param("from", at(from)).param("to", at(to))
        .param("afterAt", at(after.at())).param("afterId", after.id()).param("rows", rows)
        .query(DisclosureLog::map)
        .list();
  }

  long countInWindow(UUID patientId, Instant from, Instant to) {
    return jdbc.sql("""
            SELECT count(*) FROM disclosure WHERE patient_id = :patientId AND disclosed_at >= :from
               AND disclosed_at <= :to""")
        .param("patientId", patientId).param("from", at(from)).param("to", at(to))
        .query(Long.class)
        .single();
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }


  private static Disclosure map(ResultSet rs, int row) throws SQLException {
    return new Disclosure(rs.getObject("id", UUID.class), rs.getTimestamp("disclosed_at").toInstant(),
        rs.getObject("patient_id", UUID.class), rs.getString("site"), rs.getString("partner_org"),
        rs.getString("client_id"), strings(rs, "resource_types"), strings(rs, "resource_ids"),
        strings(rs, "data_categories"),
        Arrays.stream((Object[]) rs.getArray("consent_ids").getArray()).map(o -> (UUID) o).toList(),
        rs.getString("purpose"), rs.getString("request_id"));
  }

  private static List<String> strings(ResultSet rs, String column) throws SQLException {
    return List.of((String[]) rs.getArray(column).getArray());
  }
}
