package org.rehabnet.platform.events;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The broker answers: part of readiness (with the database), since a service that cannot reach
 * Kafka neither opens episodes from events nor gets its own events out of the outbox.
 */
public class KafkaBrokerHealthIndicator extends AbstractHealthIndicator {

  private final Admin admin;

  public KafkaBrokerHealthIndicator(Admin admin) {
    super("Kafka broker not reachable");
    this.admin = admin;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(3_000))
        .nodes().get(4, TimeUnit.SECONDS).size();
    builder.up().withDetail("nodes", nodes);
  }
}
