/**
 * The sites' clinical settings as intake announces them ({@code SiteConfigured}): the read model every
 * per-site rule of the chart reads (dosing, holds, reassessment, alert suppression, the site's time zone).
 */
@NullMarked
package org.rehabnet.monitoring.site;

import org.jspecify.annotations.NullMarked;
