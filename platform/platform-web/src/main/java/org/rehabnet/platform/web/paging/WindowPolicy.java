package org.rehabnet.platform.web.paging;

import java.time.Duration;

/** What a list allows: its default and widest span, and the page sizes (the same for every list). */
public record WindowPolicy(Duration defaultSpan, Duration maxSpan) {

  /** Rows per page when the caller names no limit. */
  public static final int DEFAULT_LIMIT = 100;

  /** The largest page: a chart page of 500 sets is about 300 kB, still quick on a ward tablet. */
  public static final int MAX_LIMIT = 500;

  public WindowPolicy {
    if (defaultSpan.isNegative() || defaultSpan.isZero() || defaultSpan.compareTo(maxSpan) > 0) {
      throw new IllegalArgumentException("default span must be positive and within the max span");
    }
  }

  static WindowPolicy of(Windowed windowed) {
    return new WindowPolicy(Duration.parse(windowed.defaultSpan()), Duration.parse(windowed.maxSpan()));
  }
}
