package org.rehabnet.intake.site;

import org.rehabnet.platform.web.problem.NotFound;

/** No bed with this code at the site. */
class UnknownBed extends NotFound {

  UnknownBed(String site, String bed) {
    super("Bed " + bed + " of site", site);
  }
}
