package org.rehabnet.monitoring.site;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.Instant;
import org.rehabnet.platform.events.intake.SiteSettings;
import org.rehabnet.platform.web.security.Caller;
import org.rehabnet.platform.web.security.SiteScope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@SecurityRequirement(name = "keycloak")
class SiteSettingsController {

  private final Sites sites;

  SiteSettingsController(Sites sites) {
    this.sites = sites;
  }

  @GetMapping("/v1/sites/{site}/clinical-settings")
  @PreAuthorize("hasAnyRole('nurse', 'physician', 'clinical-lead')")
  @Operation(summary = "The clinical settings the chart applies at a site, as intake last announced them (nurse, "
      + "physician of the site; clinical lead)")
  @ApiResponse(responseCode = "404", description = "Not announced yet (doses there are refused with "
      + "SITE_NOT_CONFIGURED), or a site that is not the caller's")
  View settings(@PathVariable String site) {
    Caller caller = Caller.current();
    SitePolicy policy = SiteScope.readable(sites.find(site), SitePolicy::site, caller, "Site", site);
    return new View(policy.site(), policy.name(), policy.zone().getId(), policy.otpCertified(), policy.settings(),
        policy.sequence(), policy.changedBy(), policy.changedAt());
  }

  record View(String site, String name, String timeZone, boolean otpCertified, SiteSettings settings, long version,
      String changedBy, Instant changedAt) {}
}
