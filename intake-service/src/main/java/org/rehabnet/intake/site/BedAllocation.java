package org.rehabnet.intake.site;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.rehabnet.platform.web.problem.InvalidField;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out and takes back beds, and takes them out of service. Every change is one conditional
 * UPDATE on the bed row inside the caller's transaction, so the row lock decides any race: two
 * admissions never get one bed, and a bed cannot be taken out of service while an admission claims it.
 * Only a FREE bed is ever given to an admission: an out-of-service bed never is.
 */
@Component
public class BedAllocation {

  private final JdbcClient jdbc;

  BedAllocation(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Claims the first free bed of the site (by ward and code) for the admission and returns its code,
   * or throws {@link SiteFull}. {@code SKIP LOCKED}: two concurrent admissions lock different rows
   * (or the second finds none); a rolled-back admission frees its claim.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public String assign(String site, UUID admissionId) {
    return jdbc.sql("""
            UPDATE bed SET status = 'OCCUPIED', admission_id = :admission, version = version + 1
            WHERE id = (SELECT id FROM bed WHERE site = :site AND status = 'FREE'
                        ORDER BY ward, code LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING code
            """)
        .param("admission", admissionId)
        .param("site", site)
        .query(String.class)
        .optional()
        .orElseThrow(() -> new SiteFull(site));
  }

  /**
   * Claims this bed of the site for the admission ("admit to this bed" on the bed board). A bed that
   * is taken is a 409 {@code bed-occupied}, one out of service a 409 {@code bed-out-of-service}; a code
   * that is no bed of the site a 400 naming {@code bedCode}.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public String assign(String site, String bedCode, UUID admissionId) {
    Optional<String> claimed = jdbc.sql("""
            UPDATE bed SET status = 'OCCUPIED', admission_id = :admission, version = version + 1
            WHERE site = :site AND code = :code AND status = 'FREE'
            RETURNING code
            """)
        .param("admission", admissionId)
        .param("site", site)
        .param("code", bedCode)
        .query(String.class)
        .optional();
    if (claimed.isPresent()) {
      return claimed.get();
    }
    throw switch (statusOf(site, bedCode).orElse("")) {
      case "OCCUPIED" -> new BedOccupied(site, bedCode);
      case "OUT_OF_SERVICE" -> new BedOutOfService(site, bedCode);
      default -> new InvalidField("bedCode", "is not a bed of site " + site);
    };
  }

  /** Frees the bed an admission holds; true if it held one (false on a repeated release). */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean release(UUID admissionId) {
    return jdbc.sql("""
            UPDATE bed SET status = 'FREE', admission_id = NULL, version = version + 1
            WHERE admission_id = :admission AND status = 'OCCUPIED'
            """)
        .param("admission", admissionId)
        .update() > 0;
  }

  /** Takes a free bed out of service (broken, being cleaned ...); its id, for the audit row. */
  @Transactional(propagation = Propagation.MANDATORY)
  UUID takeOutOfService(String site, String bedCode, String reason, String by, Instant now) {
    Optional<UUID> changed = jdbc.sql("""
            UPDATE bed SET status = 'OUT_OF_SERVICE', out_of_service_since = :now, out_of_service_reason = :reason,
                           out_of_service_by = :by, version = version + 1
            WHERE site = :site AND code = :code AND status = 'FREE'
            RETURNING id
            """)
        .param("now", Timestamp.from(now))
        .param("reason", reason)
        .param("by", by)
        .param("site", site)
        .param("code", bedCode)
        .query(UUID.class)
        .optional();
    if (changed.isPresent()) {
      return changed.get();
    }
    throw switch (statusOf(site, bedCode).orElseThrow(() -> new UnknownBed(site, bedCode))) {
      case "OCCUPIED" -> new BedOccupied(site, bedCode);
      default -> new BedOutOfService(site, bedCode);
    };
  }

  /** Puts an out-of-service bed back into service: free for the next admission. */
  @Transactional(propagation = Propagation.MANDATORY)
  UUID returnToService(String site, String bedCode) {
    Optional<UUID> changed = jdbc.sql("""
            UPDATE bed SET status = 'FREE', out_of_service_since = NULL, out_of_service_reason = NULL,
                           out_of_service_by = NULL, version = version + 1
            WHERE site = :site AND code = :code AND status = 'OUT_OF_SERVICE'
            RETURNING id
            """)
        .param("site", site)
        .param("code", bedCode)
        .query(UUID.class)
        .optional();
    if (changed.isPresent()) {
      return changed.get();
    }
    throw switch (statusOf(site, bedCode).orElseThrow(() -> new UnknownBed(site, bedCode))) {
      case "OCCUPIED" -> new BedOccupied(site, bedCode);
      default -> new BedInService(site, bedCode);
    };
  }

  private Optional<String> statusOf(String site, String bedCode) {
    return jdbc.sql("SELECT status FROM bed WHERE site = :site AND code = :code")
        .param("site", site)
        .param("code", bedCode)
        .query(String.class)
        .optional();
  }
}
