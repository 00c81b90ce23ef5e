package org.rehabnet.intake.site;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rehabnet.platform.web.audit.AuditAction;
import org.rehabnet.platform.web.audit.AuditOutcome;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.problem.DomainProblem;
import org.rehabnet.platform.web.problem.NotFound;
import org.rehabnet.platform.web.problem.ProblemType;
import org.rehabnet.platform.web.security.Caller;
import org.rehabnet.platform.web.security.SiteScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A site's wards and beds as its site admin shapes them: a ward added or renamed, a bed added or
 * given a new code. Each change is audited with the old and the new value, in the change's
 * transaction. Beds are intake's alone (the bed board, admissions); the other services know a bed
 * only as the code an admission carried, so a rename reaches nobody's history.
 */
@Service
class WardAdministration {

  private final JdbcClient jdbc;
  private final Sites sites;
  private final AuditTrail audit;

  WardAdministration(JdbcClient jdbc, Sites sites, AuditTrail audit) {
    this.jdbc = jdbc;
    this.sites = sites;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  List<WardView> wards(String site, Caller caller) {
    SiteScope.readableSite(site, sites.exists(site), caller);
    return wards(site);
  }

  @Transactional
  WardView addWard(String site, WardRequests.AddWard request, Caller caller) {
    SiteScope.writableSite(site, sites.exists(site), caller);
    String name = request.name().strip();
    int added = jdbc.sql("INSERT INTO ward (site, code, name) VALUES (:site, :code, :name) ON CONFLICT DO NOTHING")
        .param("site", site).param("code", request.code()).param("name", name)
        .update();
    if (added == 0) {
      throw new Conflict("Site " + site + " already has a ward " + request.code(), "ward-exists", site,
          Map.of("ward", request.code()));
    }
    audit.record(AuditAction.CREATE, "Ward", site + "/" + request.code(), null, site, AuditOutcome.SUCCESS,
        "ward added: " + request.code() + " (" + name + ")");
    return ward(site, request.code());
  }

  @Transactional
  WardView renameWard(String site, String wardCode, WardRequests.RenameWard request, Caller caller) {
    SiteScope.writableSite(site, sites.exists(site), caller);
    String before = wardName(site, wardCode);
    String name = request.name().strip();
    jdbc.sql("UPDATE ward SET name = :name WHERE site = :site AND code = :code")
        .param("name", name).param("site", site).param("code", wardCode)
        .update();
    audit.record(AuditAction.UPDATE, "Ward", site + "/" + wardCode, null, site, AuditOutcome.SUCCESS,
        "ward renamed: " + before + " -> " + name);
    return ward(site, wardCode);
  }

  @Transactional
  BedBoard.BedView addBed(String site, String wardCode, WardRequests.AddBed request, Caller caller) {
    SiteScope.writableSite(site, sites.exists(site), caller);
    wardName(site, wardCode);
    UUID bedId = UUID.randomUUID();
    int added = jdbc.sql("""
            INSERT INTO bed (id, site, ward, code, status) VALUES (:id, :site, :ward, :code, 'FREE')
            ON CONFLICT (site, code) DO NOTHING
            """)
        .param("id", bedId).param("site", site).param("ward", wardCode).param("code", request.code())
        .update();
    if (added == 0) {
      throw bedCodeTaken(site, request.code());
    }
    audit.record(AuditAction.CREATE, "Bed", bedId, null, site, AuditOutcome.SUCCESS,
        "bed added: " + request.code() + " on ward " + wardCode);
    return bed(site, request.code());
  }

  @Transactional
  BedBoard.BedView renameBed(String site, String bedCode, WardRequests.RenameBed request, Caller caller) {
    SiteScope.writableSite(site, sites.exists(site), caller);
    var bed = jdbc.sql("SELECT id, status FROM bed WHERE site = :site AND code = :code FOR UPDATE")
        .param("site", site).param("code", bedCode)
        .query((rs, row) -> Map.entry(rs.getObject("id", UUID.class), rs.getString("status")))
        .optional()
        .orElseThrow(() -> new UnknownBed(site, bedCode));
    if ("OCCUPIED".equals(bed.getValue())) {
      throw new BedOccupied(site, bedCode);
    }
    if (!bedCode.equals(request.code())) {
      boolean taken = jdbc.sql("SELECT count(*) FROM bed WHERE site = :site AND code = :code")
          .param("site", site).param("code", request.code())
          .query(Integer.class).single() > 0;
      if (taken) {
        throw bedCodeTaken(site, request.code());
      }
      jdbc.sql("UPDATE bed SET code = :code, version = version + 1 WHERE id = :id")
          .param("code", request.code()).param("id", bed.getKey())
          .update();
      audit.record(AuditAction.UPDATE, "Bed", bed.getKey(), null, site, AuditOutcome.SUCCESS,
          "bed renamed: " + bedCode + " -> " + request.code());
    }
    return bed(site, request.code());
  }

  private String wardName(String site, String wardCode) {
    return jdbc.sql("SELECT name FROM ward WHERE site = :site AND code = :code")
        .param("site", site).param("code", wardCode)
        .query(String.class)
        .optional()
        .orElseThrow(() -> new NotFound("Ward " + wardCode.replaceAll("\\p{Cc}", "?") + " of site", site));
  }

  private WardView ward(String site, String wardCode) {
    return wards(site).stream().filter(w -> w.code().equals(wardCode)).findFirst().orElseThrow();
  }

  private List<WardView> wards(String site) {
    return jdbc.sql("""
            SELECT w.code, w.name, count(b.id) AS beds, count(b.id) FILTER (WHERE b.status = 'FREE') AS free
            FROM ward w LEFT JOIN bed b ON b.site = w.site AND b.ward = w.code
            WHERE w.site = :site GROUP BY w.code, w.name ORDER BY w.code
            """)
        .param("site", site)
        .query(WardView.class)
        .list();
  }

  private BedBoard.BedView bed(String site, String bedCode) {
    return jdbc.sql("""
            SELECT ward, code, status, out_of_service_since, out_of_service_reason
            FROM bed WHERE site = :site AND code = :code
            """)
        .param("site", site).param("code", bedCode)
        .query(BedBoard.BedView.class)
        .single();
  }

  private static Conflict bedCodeTaken(String site, String code) {
    return new Conflict("Site " + site + " already has a bed " + code, "bed-code-taken", site, Map.of("bed", code));
  }

  /** A ward: its code, its name, and how many beds it has and how many are free. */
  record WardView(String code, String name, int beds, int free) {}

  /** A change that would make two wards or two beds of a site one. */
  static final class Conflict extends DomainProblem {

    Conflict(String detail, String rule, String site, Map<String, Object> more) {
      super(ProblemType.CONFLICT, detail, merged(rule, site, more));
    }

    private static Map<String, Object> merged(String rule, String site, Map<String, Object> more) {
      var all = new java.util.LinkedHashMap<String, Object>(more);
      all.put("rule", rule);
      all.put("site", site);
      return all;
    }
  }
}
