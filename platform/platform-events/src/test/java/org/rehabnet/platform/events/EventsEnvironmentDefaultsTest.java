package org.rehabnet.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The producer settings a lost broker's acknowledged events depend on (issue #16). */
class EventsEnvironmentDefaultsTest {

  @Test
  void everyServiceSendsWithAcksAllAndIdempotence() {
    // acks=all: a send is acknowledged only once every in-sync replica has it (two of three with
    // min.insync.replicas=2), so a broker killed after the acknowledgement loses nothing.
    assertThat(EventsEnvironmentDefaults.DEFAULTS)
        .containsEntry("spring.kafka.producer.acks", "all")
        .containsEntry("spring.kafka.producer.properties.enable.idempotence", "true")
        .containsEntry("spring.kafka.producer.properties.max.in.flight.requests.per.connection", "5");
  }
}
