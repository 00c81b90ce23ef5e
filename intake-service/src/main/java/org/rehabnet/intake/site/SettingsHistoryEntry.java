package org.rehabnet.intake.site;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One version of a site's settings: INITIAL (the defaults the site started with) or CHANGE, who
 * made it and when, and per changed setting its path with the old and the new value.
 */
record SettingsHistoryEntry(long version, String kind, String changedBy, Instant changedAt, List<Change> changes) {

  /** One changed setting. */
  record Change(String path, @Nullable JsonNode oldValue, @Nullable JsonNode newValue) {}
}
