package org.rehabnet.monitoring;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Features depend on each other only through what they expose; no cycles. */
class ModularityTest {

  @Test
  void featuresRespectTheirBoundaries() {
    ApplicationModules.of(MonitoringApplication.class).verify();
  }
}
