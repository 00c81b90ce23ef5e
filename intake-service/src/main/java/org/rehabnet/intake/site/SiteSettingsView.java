package org.rehabnet.intake.site;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.intake.SiteSettings;

/**
 * A site's whole clinical policy as it stands, with the version a change sends back (also the ETag),
 * and who made that version when it is recorded.
 */
record SiteSettingsView(String site, String name, String timeZone, boolean otpCertified, long version,
    SiteSettings settings, @Nullable String changedBy, @Nullable Instant changedAt) {}
