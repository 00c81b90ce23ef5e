package org.rehabnet.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.rehabnet.portal.gateway.FixtureGateway;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The portal with a fixture gateway and a clock the tests move. */
@TestConfiguration(proxyBeanMethods = false)
public class PortalTestConfig {

  @Bean
  @Primary
  FixtureGateway fixtureGateway(PortalProperties properties) {
    return new FixtureGateway(properties);
  }

  @Bean
  @Primary
  MovableClock movableClock() {
    // A weekday morning in New York, so no test depends on the hour it runs at.
    return new MovableClock(Instant.parse("2026-12-01T14:00:00Z"));
  }

  /** A clock that stands still until moved. */
  public static final class MovableClock extends Clock {

    private volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    public void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
