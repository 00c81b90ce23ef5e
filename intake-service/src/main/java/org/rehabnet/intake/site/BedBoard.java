package org.rehabnet.intake.site;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.web.audit.AuditAction;
import org.rehabnet.platform.web.audit.AuditOutcome;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.security.Caller;
import org.rehabnet.platform.web.security.SiteScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The beds of a site as the bed board shows them, and taking a bed out of service and back. Only a
 * free bed leaves service (an occupied one waits for its discharge); each change is audited with its
 * reason.
 */
@Service
class BedBoard {

  private final JdbcClient jdbc;
  private final Sites sites;
  private final BedAllocation beds;
  private final Clock clock;
  private final AuditTrail audit;

  BedBoard(JdbcClient jdbc, Sites sites, BedAllocation beds, Clock clock, AuditTrail audit) {
    this.jdbc = jdbc;
    this.sites = sites;
    this.beds = beds;
    this.clock = clock;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  List<BedView> beds(String site, Caller caller) {
    readable(site, caller);
    return jdbc.sql("""
            SELECT ward, code, status, out_of_service_since, out_of_service_reason
            FROM bed WHERE site = :site ORDER BY ward, code
            """)
        .param("site", site)
        .query(BedView.class)
        .list();
  }

  @Transactional(readOnly = true)
  CapacityView capacity(String site, Caller caller) {
    readable(site, caller);
    return jdbc.sql("""
            SELECT :site AS site, count(*) AS total,
                   count(*) FILTER (WHERE status = 'FREE') AS free,
                   count(*) FILTER (WHERE status = 'OCCUPIED') AS occupied,
                   count(*) FILTER (WHERE status = 'OUT_OF_SERVICE') AS out_of_service
            FROM bed WHERE site = :site
            """)
        .param("site", site)
        .query(CapacityView.class)
        .single();
  }

  @Transactional
  BedView takeOutOfService(String site, String bedCode, String reason, Caller caller) {
    writable(site, caller);
    known(site, bedCode);
    String why = reason.strip();
    UUID bedId = beds.takeOutOfService(site, bedCode, why, caller.username(), clock.instant());
    audit.record(AuditAction.UPDATE, "Bed", bedId, null, site, AuditOutcome.SUCCESS,
        "out of service: " + why);
    return bed(site, bedCode);
  }

  @Transactional
  BedView returnToService(String site, String bedCode, Caller caller) {
    writable(site, caller);
    known(site, bedCode);
    UUID bedId = beds.returnToService(site, bedCode);
    audit.record(AuditAction.UPDATE, "Bed", bedId, null, site, AuditOutcome.SUCCESS, "back in service");
    return bed(site, bedCode);
  }

  private BedView bed(String site, String bedCode) {
    return jdbc.sql("""
            SELECT ward, code, status, out_of_service_since, out_of_service_reason
            FROM bed WHERE site = :site AND code = :code
            """)
        .param("site", site)
        .param("code", bedCode)
        .query(BedView.class)
        .single();
  }

  /** A code the bed table could hold; anything else is no bed, without a query. */
  private static void known(String site, String bedCode) {
    if (!BED_CODE.matcher(bedCode).matches()) {
      throw new UnknownBed(site, bedCode.replaceAll("\\p{Cc}", "?"));
    }
  }

  private static final java.util.regex.Pattern BED_CODE =
      java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,19}");

  private void readable(String site, Caller caller) {
    SiteScope.readableSite(site, sites.exists(site), caller);
  }

  private void writable(String site, Caller caller) {
    SiteScope.writableSite(site, sites.exists(site), caller);
  }

  /** One bed: where it is, whether it is free, and since when and why it is out of service. */
  record BedView(String ward, String code, String status, java.time.@Nullable OffsetDateTime outOfServiceSince,
      @Nullable String outOfServiceReason) {}

  /** How many beds a site has, and how many are free. */
  record CapacityView(String site, int total, int free, int occupied, int outOfService) {}
}
