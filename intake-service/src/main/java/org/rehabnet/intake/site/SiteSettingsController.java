package org.rehabnet.intake.site;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rehabnet.intake.web.ExpectedVersion;
import org.rehabnet.platform.web.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A site's clinical policy (every per-site default of docs/clinical-rules.md) and its history. */
@RestController
@RequestMapping("/v1/sites/{site}/settings")
@SecurityRequirement(name = "keycloak")
class SiteSettingsController {

  private static final String STAFF =
      "hasAnyRole('intake-coordinator', 'physician', 'nurse', 'counsellor', 'site-admin', 'clinical-lead')";

  private final SiteSettingsService settings;

  SiteSettingsController(SiteSettingsService settings) {
    this.settings = settings;
  }

  @GetMapping
  @PreAuthorize(STAFF)
  @Operation(summary = "The site's whole settings document, its time zone and version (the ETag); staff of the"
      + " site, clinical-lead")
  @ApiResponse(responseCode = "200", description = "The settings, version, who made the version and when")
  @ApiResponse(responseCode = "403", description = "Role not allowed")
  @ApiResponse(responseCode = "404", description = "Unknown site, or not one of the caller's sites")
  @ApiResponse(responseCode = "422", description = "The site has no settings yet (rule site-not-configured)")
  ResponseEntity<SiteSettingsView> find(@PathVariable String site) {
    SiteSettingsView view = settings.find(site, Caller.current());
    return ResponseEntity.ok().eTag(ExpectedVersion.etag(view.version())).body(view);
  }

  @PutMapping
  @PreAuthorize("hasAnyRole('site-admin', 'clinical-lead')")
  @Operation(summary = "Replace the site's time zone and whole settings document, with the version read in"
      + " If-Match or expectedVersion (site-admin of the site; clinical-lead for any site). Every setting must be"
      + " given and within its bounds. The change, its history, the audit row and SiteConfigured (sequence ="
      + " the new version) commit together")
  @ApiResponse(responseCode = "200", description = "Changed (new version and ETag), or unchanged when every value"
      + " was the same")
  @ApiResponse(responseCode = "400", description = "A setting missing, unknown, of the wrong type or out of its"
      + " bounds, a time zone that is not IANA, or no version; every field is named")
  @ApiResponse(responseCode = "403", description = "Role not allowed")
  @ApiResponse(responseCode = "404", description = "Unknown site, or not one of the caller's sites")
  @ApiResponse(responseCode = "412", description = "The settings changed since the given version")
  ResponseEntity<SiteSettingsView> configure(@PathVariable String site,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      @Valid @RequestBody ConfigureSite request) {
    long expected = ExpectedVersion.resolve(ifMatch, request.expectedVersion());
    SiteSettingsView view = settings.configure(site, request, expected, Caller.current());
    return ResponseEntity.ok().eTag(ExpectedVersion.etag(view.version())).body(view);
  }

  @GetMapping("/history")
  @PreAuthorize(STAFF)
  @Operation(summary = "Every version of the site's settings, newest first: who, when, and per changed setting"
      + " its path with the old and the new value (staff of the site, clinical-lead)")
  @ApiResponse(responseCode = "403", description = "Role not allowed")
  @ApiResponse(responseCode = "404", description = "Unknown site, or not one of the caller's sites")
  List<SettingsHistoryEntry> history(@PathVariable String site) {
    return settings.history(site, Caller.current());
  }
}
