package org.rehabnet.test.time;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Replaces the service's clock with a {@link MutableClock}. Import it in every integration test of a
 * service (or none), so they share one application context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MutableClockConfiguration {

  @Bean
  @Primary
  MutableClock mutableClock() {
    return new MutableClock();
  }
}
