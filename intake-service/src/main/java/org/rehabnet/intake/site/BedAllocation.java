package org.rehabnet.intake.site;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out and takes back beds. Assignment claims one free bed row with {@code FOR UPDATE SKIP
 * LOCKED} inside the admission's transaction: two concurrent admissions lock different rows (or the
 * second finds none), so a bed is never given twice; a rolled-back admission frees its claim.
 */
@Component
public class BedAllocation {

  private final JdbcClient jdbc;

  BedAllocation(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Claims a free bed of the site for the admission and returns its code, or throws {@link SiteFull}. */
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
}
