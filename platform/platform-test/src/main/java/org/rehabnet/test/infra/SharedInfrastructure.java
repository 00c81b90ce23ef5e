package org.rehabnet.test.infra;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL and Kafka of this test JVM: started on first use, shared by every test class,
 * stopped when the JVM exits.
 */
public final class SharedInfrastructure {

  private static final Logger log = LoggerFactory.getLogger(SharedInfrastructure.class);
  private static volatile SharedInfrastructure instance;

  private final InfrastructureMode mode;
  private final PostgresServer postgres;
  private final KafkaServer kafka;

  private SharedInfrastructure(InfrastructureMode mode) {
    this.mode = mode;
    long started = System.nanoTime();
    if (mode == InfrastructureMode.TESTCONTAINERS) {
      postgres = new ContainerPostgresServer();
      kafka = new KafkaServer.Container();
    } else {
      postgres = new EmbeddedPostgresServer();
      kafka = new KafkaServer.Embedded();
    }
    log.info("Test infrastructure ({}) up in {} ms: Kafka at {}", mode,
        (System.nanoTime() - started) / 1_000_000, kafka.bootstrapServers());
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "test-infrastructure-stop"));
  }

  public static SharedInfrastructure get() {
    SharedInfrastructure local = instance;
    if (local == null) {
      synchronized (SharedInfrastructure.class) {
        local = instance;
        if (local == null) {
          local = new SharedInfrastructure(InfrastructureMode.resolve());
          instance = local;
        }
      }
    }
    return local;
  }

  public InfrastructureMode mode() {
    return mode;
  }

  public PostgresServer postgres() {
    return postgres;
  }

  public String kafkaBootstrapServers() {
    return kafka.bootstrapServers();
  }

  private void stop() {
    try {
      kafka.close();
    } catch (RuntimeException e) {
      log.debug("Kafka stop: {}", e.toString());
    }
    try {
      postgres.close();
    } catch (Exception e) {
      log.debug("PostgreSQL stop: {}", e.toString());
    }
  }
}
