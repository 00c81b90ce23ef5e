package org.rehabnet.platform.web.overload;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much work a service takes on at once (docs/runbook.md, "Overload"). With virtual threads Tomcat
 * starts a handler for every request it reads, so without a bound an arrival rate above what the
 * database pool can serve grows the set of waiting requests, and their buffers, until the heap is
 * gone: the charting benchmark took monitoring-service out of memory from 300 sets/s that way.
 */
@ConfigurationProperties("rehabnet.overload")
public record OverloadPolicy(
    /** Requests worked on at once; a few times the database pool, so the pool is never idle. */
    @DefaultValue("64") int maxInFlight,
    /** Requests waiting for a turn; beyond them a request is refused without waiting. */
    @DefaultValue("256") int maxQueued,
    /** How long a queued request waits for a turn before it is refused. */
    @DefaultValue("500ms") Duration queueTimeout) {

  public OverloadPolicy {
    if (maxInFlight < 1 || maxQueued < 0 || queueTimeout.isNegative()) {
      throw new IllegalArgumentException("rehabnet.overload needs max-in-flight >= 1, max-queued >= 0 and a "
          + "queue-timeout >= 0, was " + maxInFlight + ", " + maxQueued + ", " + queueTimeout);
    }
  }
}
