package org.rehabnet.intake.site;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;
import org.rehabnet.platform.web.problem.NotFound;
import org.rehabnet.platform.web.security.Caller;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Beds and capacity of a site. No patient data: a bed shows only whether it is taken. */
@RestController
@RequestMapping("/v1/sites/{site}")
@SecurityRequirement(name = "keycloak")
class SiteController {

  private final JdbcClient jdbc;
  private final Sites sites;

  SiteController(JdbcClient jdbc, Sites sites) {
    this.jdbc = jdbc;
    this.sites = sites;
  }

  @GetMapping("/beds")
  @PreAuthorize("hasAnyRole('intake-coordinator', 'physician', 'nurse', 'counsellor', 'site-admin', 'clinical-lead')")
  @Operation(summary = "List the beds of a site (intake-coordinator, physician, nurse, counsellor, site-admin of the"
      + " site; clinical-lead)")
  @ApiResponse(responseCode = "404", description = "Unknown site, or not one of the caller's sites")
  List<BedView> beds(@PathVariable String site) {
    readable(site);
    return jdbc.sql("SELECT ward, code, status FROM bed WHERE site = :site ORDER BY ward, code")
        .param("site", site)
        .query(BedView.class)
        .list();
  }

  @GetMapping("/capacity")
  @PreAuthorize("hasAnyRole('intake-coordinator', 'physician', 'nurse', 'counsellor', 'site-admin', 'clinical-lead')")
  @Operation(summary = "Beds of a site by status (same roles as the bed list)")
  @ApiResponse(responseCode = "404", description = "Unknown site, or not one of the caller's sites")
  CapacityView capacity(@PathVariable String site) {
    readable(site);
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

  private void readable(String site) {
    if (!Caller.current().canRead(site) || !sites.exists(site)) {
      throw new NotFound("Site", site);
    }
  }

  /** One bed: where it is and whether it is free. */
  record BedView(String ward, String code, String status) {}

  /** How many beds a site has, and how many are free. */
  record CapacityView(String site, int total, int free, int occupied, int outOfService) {}
}
