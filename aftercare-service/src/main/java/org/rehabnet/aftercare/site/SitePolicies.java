package org.rehabnet.aftercare.site;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The policy of each site from intake's latest announcement. A site not announced yet still gets a
 * policy (the defaults, in UTC) so that safety work is scheduled, never skipped; the first time that
 * happens for a site, a WARN says so.
 */
@Component
public class SitePolicies {

  private static final Logger log = LoggerFactory.getLogger(SitePolicies.class);

  private final KnownSites sites;
  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  SitePolicies(KnownSites sites) {
    this.sites = sites;
  }

  @Transactional(readOnly = true)
  public SitePolicy of(String site) {
    return sites.policyOf(site).orElseGet(() -> {
      if (warned.add(site)) {
        log.warn("No settings received for site {} yet (SiteConfigured): using the clinical-reference defaults "
            + "and UTC calendar days for it until they arrive", site);
      }
      return SitePolicy.assumed(site);
    });
  }

  /** Forgets the warning once the site is known, so a site that disappears again is warned about again. */
  void learned(String site) {
    warned.remove(site);
  }
}
