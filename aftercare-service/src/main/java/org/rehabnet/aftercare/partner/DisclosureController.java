package org.rehabnet.aftercare.partner;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;
import java.util.UUID;
import org.rehabnet.aftercare.care.PatientDirectory;
import org.rehabnet.aftercare.partner.DisclosureLog.Disclosure;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.paging.Page;
import org.rehabnet.platform.web.paging.Pages;
import org.rehabnet.platform.web.paging.Position;
import org.rehabnet.platform.web.paging.Window;
import org.rehabnet.platform.web.paging.Windowed;
import org.rehabnet.platform.web.security.Caller;
import org.rehabnet.platform.web.security.SiteScope;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A patient's accounting of disclosures (42 CFR §2.24), for the staff who answer the request. */
@RestController
@SecurityRequirement(name = "keycloak")
class DisclosureController {

  private final DisclosureLog log;
  private final PatientDirectory directory;
  private final AuditTrail audit;

  DisclosureController(DisclosureLog log, PatientDirectory directory, AuditTrail audit) {
    this.log = log;
    this.directory = directory;
    this.audit = audit;
  }

  @GetMapping("/v1/patients/{patientId}/disclosures")
  @PreAuthorize("hasAnyRole('counsellor', 'clinical-lead')")
  @Transactional(readOnly = true)
  @Operation(summary = "The patient's disclosures to partners, newest first, by default those of the last three years "
      + "in pages of 100 with X-Total-Count and Link rel=next (counsellor of the patient's site, clinical-lead)")
  @ApiResponse(responseCode = "400", description = "from, to, limit or cursor not valid, or a window over three years")
  @ApiResponse(responseCode = "404", description = "unknown patient, or another site's")
  ResponseEntity<List<Disclosure>> disclosures(@PathVariable UUID patientId,
      // Three years by default and at most: the span a patient may ask an accounting of
      // (42 CFR §2.24(a)(2), §2.25(a)).
      @Windowed(defaultSpan = "P1096D", maxSpan = "P1096D") Window window) {
    Caller caller = Caller.current();
    String site = SiteScope.readable(directory.siteOf(patientId), at -> at, caller, "Patient", patientId);
    Page<Disclosure> page = Page.read(window, rows -> log.firstPage(patientId, window.from(), window.to(), rows),
        (after, rows) -> log.pageAfter(patientId, window.from(), window.to(), after, rows),
        () -> log.countInWindow(patientId, window.from(), window.to()),
        disclosure -> new Position(disclosure.disclosedAt(), disclosure.id()));
    audit.read("Disclosure", patientId, patientId, site);
    return Pages.respond(page, window);
  }
}
