package org.rehabnet.aftercare;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock tests can move; it follows real time until a test sets it. */
public final class TestClock extends Clock {

  private final AtomicReference<Instant> fixed = new AtomicReference<>();

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
    Instant at = fixed.get();
    return at == null ? Instant.now() : at;
  }

  public void set(Instant at) {
    fixed.set(at);
  }

  public void advance(Duration by) {
    fixed.set(instant().plus(by));
  }

  public void reset() {
    fixed.set(null);
  }

  @TestConfiguration(proxyBeanMethods = false)
  public static class Config {

    @Bean
    @Primary
    TestClock testClock() {
      return new TestClock();
    }
  }
}
