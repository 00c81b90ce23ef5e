package org.rehabnet.intake.patient;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.rehabnet.platform.web.security.Caller;
import org.rehabnet.platform.web.security.Roles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds patients within the caller's sites: a patient belongs to a site where they were registered
 * or referred (an admission comes from a referral, so it counts too); a clinical lead searches every
 * site. Another site's patient is simply not found.
 */
@Component
class PatientSearch {

  private final JdbcClient jdbc;

  PatientSearch(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  PatientSearchResult find(PatientQuery query, int page, int size, Caller caller) {
    boolean everySite = caller.hasRole(Roles.CLINICAL_LEAD);
    if (!everySite && caller.sites().isEmpty()) {
      return new PatientSearchResult(List.of(), page, size, 0);
    }
    // Sites as an array parameter, so an empty list never becomes the invalid "IN ()".
    String[] sites = caller.sites().toArray(String[]::new);
    String where = " WHERE (:everySite OR EXISTS (SELECT 1 FROM patient_site ps"
        + " WHERE ps.patient_id = p.id AND ps.site = ANY (:sites))) AND (" + criterion(query) + ") ";
    long total = bind(jdbc.sql("SELECT count(*) FROM patient p " + where), query, everySite, sites)
        .query(Long.class).single();
    List<PatientSearchResult.Item> items = total == 0 ? List.of() : bind(jdbc.sql("""
            SELECT p.id, p.mrn, p.given_name, p.family_name, p.date_of_birth,
                   ARRAY(SELECT ps.site FROM patient_site ps
                         WHERE ps.patient_id = p.id AND (:everySite OR ps.site = ANY (:sites))
                         ORDER BY ps.site) AS sites
            FROM patient p
            """ + where + """
            ORDER BY split_part(p.name_key, '|', 2), split_part(p.name_key, '|', 1), p.date_of_birth, p.mrn
            LIMIT :size OFFSET :offset
            """), query, everySite, sites)
        .param("size", size)
        .param("offset", (long) page * size)
        .query((rs, row) -> new PatientSearchResult.Item(rs.getObject("id", UUID.class), rs.getString("mrn"),
            rs.getString("given_name"), rs.getString("family_name"), rs.getObject("date_of_birth", LocalDate.class),
            strings(rs.getArray("sites"))))
        .list();
    return new PatientSearchResult(items, page, size, total);
  }

  private static String criterion(PatientQuery query) {
    return switch (query) {
      case PatientQuery.Mrn m -> "p.mrn = :mrn";
      case PatientQuery.BirthDate d -> "p.date_of_birth = :dateOfBirth";
      // The start of any word of "given family" or "family given" ("zoe", "o bri", "o brien zo"), or
      // of a name with its spaces dropped, since staff type O'Brien as "obrien" as often as "o brien".
      case PatientQuery.NamePrefix n -> """
          (' ' || replace(p.name_key, '|', ' ')) LIKE :wordStart ESCAPE '\\'
          OR (' ' || split_part(p.name_key, '|', 2) || ' ' || split_part(p.name_key, '|', 1)) LIKE :wordStart
             ESCAPE '\\'
          OR replace(split_part(p.name_key, '|', 1), ' ', '') LIKE :joinedStart ESCAPE '\\'
          OR replace(split_part(p.name_key, '|', 2), ' ', '') LIKE :joinedStart ESCAPE '\\'""";
    };
  }

  private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, PatientQuery query,
      boolean everySite, String[] sites) {
    statement = statement.param("everySite", everySite).param("sites", sites);
    return switch (query) {
      case PatientQuery.Mrn m -> statement.param("mrn", m.mrn());
      case PatientQuery.BirthDate d -> statement.param("dateOfBirth", d.date());
      case PatientQuery.NamePrefix n -> statement.param("wordStart", "% " + escapeLike(n.prefix()) + "%")
          .param("joinedStart", escapeLike(n.prefix().replace(" ", "")) + "%");
    };
  }

  /** The prefix is matched literally: a % or _ typed into the search is not a wildcard. */
  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }
}
