package org.rehabnet.intake.site;

import java.util.Map;
import org.rehabnet.platform.web.problem.DomainProblem;
import org.rehabnet.platform.web.problem.ProblemType;

/**
 * The site has no settings yet (added to the database since intake last started; the next start
 * announces it with the defaults). Rules that need the site's policy refuse rather than guess.
 */
public class SiteNotConfigured extends DomainProblem {

  public SiteNotConfigured(String site) {
    super(ProblemType.BUSINESS_RULE, "Site " + site + " has no clinical settings yet",
        Map.of("rule", "site-not-configured", "site", site));
  }
}
