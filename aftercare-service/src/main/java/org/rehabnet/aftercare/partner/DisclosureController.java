package org.rehabnet.aftercare.partner;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;
import java.util.UUID;
import org.rehabnet.aftercare.care.PatientDirectory;
import org.rehabnet.aftercare.partner.DisclosureLog.Disclosure;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.security.Caller;
import org.rehabnet.platform.web.security.SiteScope;
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
  @Operation(summary = "The patient's disclosures to partners, newest first (counsellor of the patient's site, "
      + "clinical-lead)")
  @ApiResponse(responseCode = "404", description = "unknown patient, or another site's")
  List<Disclosure> disclosures(@PathVariable UUID patientId) {
    Caller caller = Caller.current();
    String site = SiteScope.readable(directory.siteOf(patientId), at -> at, caller, "Patient", patientId);
    List<Disclosure> disclosures = log.of(patientId);
    audit.read("Disclosure", patientId, patientId, site);
    return disclosures;
  }
}
