package org.rehabnet.test.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Real time plus an offset that a test moves: overdue timers, missed check-ins and consent expiry
 * are tested by advancing it, not by waiting. UTC, like the services' clock.
 */
public final class MutableClock extends Clock {

  private volatile Duration offset = Duration.ZERO;

  /** Moves time forward (or back, with a negative duration). */
  public void advance(Duration by) {
    offset = offset.plus(by);
  }

  /** Makes now the given instant; time then runs on from there. */
  public void set(Instant at) {
    offset = Duration.between(Instant.now(), at);
  }

  /** Back to real time. */
  public void reset() {
    offset = Duration.ZERO;
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    if (ZoneOffset.UTC.equals(zone)) {
      return this;
    }
    throw new UnsupportedOperationException("RehabNet's clock is UTC");
  }
}
