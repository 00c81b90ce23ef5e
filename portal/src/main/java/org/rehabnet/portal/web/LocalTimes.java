package org.rehabnet.portal.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Times as the ward reads them: in the site's zone, not the server's or UTC. Exposed to the pages as
 * {@code @localTimes} (templates may not call static Java).
 */
@Component("localTimes")
public class LocalTimes {

  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

  public String dayTime(@Nullable Object instant, ZoneId zone) {
    return instant == null ? "" : DAY_TIME.format(Instant.parse(instant.toString()).atZone(zone));
  }

  public String time(@Nullable Object instant, ZoneId zone) {
    return instant == null ? "" : TIME.format(Instant.parse(instant.toString()).atZone(zone));
  }
}
