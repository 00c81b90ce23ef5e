package org.rehabnet.intake.patient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The records team's review list: a registration or correction whose identity matched a patient
 * only at sites the caller cannot read. The caller was told nothing; the records team links the
 * patient into the site ({@link SiteLinks}) or merges the records.
 */
@Repository
class PossibleDuplicates {

  /** How many open items one page of the review list shows, oldest first. */
  static final int PAGE = 100;

  enum FoundBy {
    REGISTRATION,
    CORRECTION
  }

  /** One review item: the record just written, the one it matched, where and how it was found. */
  record Item(UUID id, UUID patientId, UUID matchedPatientId, String foundAtSite, FoundBy foundBy, Instant foundAt) {}

  private final JdbcClient jdbc;

  PossibleDuplicates(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Files the pair once (a second correction into the same identity adds nothing); its id. */
  UUID file(UUID patientId, UUID matchedPatientId, String site, FoundBy foundBy, Instant at) {
    UUID id = UUID.randomUUID();
    return jdbc.sql("""
            INSERT INTO possible_duplicate (id, patient_id, matched_patient_id, found_at_site, found_by, found_at)
            VALUES (:id, :patient, :matched, :site, :foundBy, :at)
            ON CONFLICT (patient_id, matched_patient_id) DO UPDATE SET found_at = possible_duplicate.found_at
            RETURNING id
            """)
        .param("id", id)
        .param("patient", patientId)
        .param("matched", matchedPatientId)
        .param("site", site)
        .param("foundBy", foundBy.name())
        .param("at", Timestamp.from(at))
        .query(UUID.class).single();
  }

  List<Item> open() {
    return jdbc.sql("""
            SELECT id, patient_id, matched_patient_id, found_at_site, found_by, found_at FROM possible_duplicate
            WHERE resolved_at IS NULL ORDER BY found_at, id LIMIT :page
            """)
        .param("page", PAGE)
        .query(PossibleDuplicates::item)
        .list();
  }

  Optional<Item> findOpen(UUID id) {
    return jdbc.sql("""
            SELECT id, patient_id, matched_patient_id, found_at_site, found_by, found_at FROM possible_duplicate
            WHERE id = :id AND resolved_at IS NULL
            """)
        .param("id", id)
        .query(PossibleDuplicates::item)
        .optional();
  }

  void resolveLinked(UUID id, Instant at) {
    jdbc.sql("UPDATE possible_duplicate SET resolved_at = :at, resolution = 'LINKED' WHERE id = :id")
        .param("id", id)
        .param("at", Timestamp.from(at))
        .update();
  }

  private static Item item(ResultSet rs, int row) throws SQLException {
    return new Item(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
        rs.getObject("matched_patient_id", UUID.class), rs.getString("found_at_site"),
        FoundBy.valueOf(rs.getString("found_by")), rs.getTimestamp("found_at").toInstant());
  }
}
