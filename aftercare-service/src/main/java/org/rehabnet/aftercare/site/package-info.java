/**
 * The sites aftercare serves, as intake announces them ({@code SiteConfigured}): each site's time
 * zone, in which every calendar rule of aftercare counts days, and its aftercare settings (check-in
 * cadence, outreach windows). Other features ask {@link org.rehabnet.aftercare.site.SitePolicies}.
 */
@NullMarked
package org.rehabnet.aftercare.site;

import org.jspecify.annotations.NullMarked;
