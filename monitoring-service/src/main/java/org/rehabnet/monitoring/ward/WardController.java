package org.rehabnet.monitoring.ward;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;
import org.rehabnet.platform.web.security.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@SecurityRequirement(name = "keycloak")
class WardController {

  private final WardCensus census;

  WardController(WardCensus census) {
    this.census = census;
  }

  @GetMapping("/v1/sites/{site}/census")
  @PreAuthorize("hasAnyRole('nurse', 'physician', 'clinical-lead')")
  @Operation(summary = "The ward census: bed, day n of N, last COWS and NEWS2, due and overdue assessments, open "
      + "alerts (nurse, physician of the site; clinical lead)")
  @ApiResponse(responseCode = "404", description = "A site that is not the caller's")
  List<CensusRow> census(@PathVariable String site) {
    return census.of(site, Caller.current());
  }
}
