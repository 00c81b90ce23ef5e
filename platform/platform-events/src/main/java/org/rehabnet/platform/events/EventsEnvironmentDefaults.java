package org.rehabnet.platform.events;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Kafka and outbox settings every service shares, added with the lowest precedence so a service or
 * an environment variable can still override one deliberately.
 */
public class EventsEnvironmentDefaults implements EnvironmentPostProcessor {

  static final Map<String, Object> DEFAULTS = defaults();

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    environment.getPropertySources().addLast(new MapPropertySource("rehabnetEventsDefaults", DEFAULTS));
  }

  private static Map<String, Object> defaults() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("spring.kafka.bootstrap-servers", "localhost:9092");
    // Durable, ordered, no duplicates from producer retries.
    d.put("spring.kafka.producer.acks", "all");
    d.put("spring.kafka.producer.properties.enable.idempotence", "true");
    d.put("spring.kafka.producer.properties.max.in.flight.requests.per.connection", "5");
    // Kafka 4 changed the default from 0 to 5 ms, which doubles the latency of single sends; our
    // events are sent one by one from the outbox, so batching buys little.
    d.put("spring.kafka.producer.properties.linger.ms", "1");
    d.put("spring.kafka.producer.properties.delivery.timeout.ms", "30000");
    d.put("spring.kafka.producer.properties.request.timeout.ms", "10000");
    // How long send() may wait for the topic's metadata. Kafka 4 clients rebootstrap when the broker
    // is gone and forget it, so during an outage every send waits this long before it fails, and the
    // outbox sender hands on the next event only then (OutboxHandOff): short, so it fails fast and the
    // registry resends the failed publications in their order once the broker is back.
    d.put("spring.kafka.producer.properties.max.block.ms", "1000");
    d.put("spring.kafka.producer.key-serializer", "org.apache.kafka.common.serialization.StringSerializer");
    // Spring Modulith's Kafka externalizer converts the event to JSON bytes itself.
    d.put("spring.kafka.producer.value-serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
    d.put("spring.kafka.consumer.group-id", "${spring.application.name}");
    d.put("spring.kafka.consumer.auto-offset-reset", "earliest");
    d.put("spring.kafka.consumer.enable-auto-commit", "false");
    d.put("spring.kafka.consumer.key-deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    d.put("spring.kafka.consumer.value-deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
    d.put("spring.kafka.consumer.properties.isolation.level", "read_committed");
    d.put("spring.kafka.listener.ack-mode", "record");
    // A consumer per partition of each listener, so a handler waiting on its database does not hold
    // up the other partitions; order holds where it is needed, within a partition (one aggregate's
    // events share a key). Spring Kafka suffixes each consumer's static group.instance.id (-0, -1, ...).
    // At 100 admissions/s: episodes opened p50 11.8 s behind against 18.0 s with one consumer.
    // That is right for one instance. With several, the group has more consumers than partitions and
    // the assignor, which orders members by their instance ids, gives every partition to the
    // consumers of the first instance: the others idle (ReplicaIT saw a second instance apply nothing).
    // A deployment of N instances sets rehabnet.events.consumers-per-instance to partitions / N.
    d.put("spring.kafka.listener.concurrency",
        "${rehabnet.events.consumers-per-instance:${rehabnet.events.partitions:3}}");
    // Traces cross Kafka: the template's observation writes the producer span's traceparent on the
    // record (also for the outbox's sends after commit), the listener's continues it.
    d.put("spring.kafka.template.observation-enabled", "true");
    d.put("spring.kafka.listener.observation-enabled", "true");
    // Static group membership (EventsAutoConfiguration.staticGroupMembership): a restarted instance
    // rejoins under its old member id and gets its partitions back without a rebalance, as long as
    // it is back within the session timeout. 30 s covers a restart on a loaded machine; a member
    // gone for good hands its partitions to another instance after that long.
    d.put("rehabnet.events.consumer-instance-id", "${REHABNET_CONSUMER_INSTANCE_ID:}");
    d.put("spring.kafka.consumer.properties.session.timeout.ms", "30000");
    d.put("spring.kafka.consumer.properties.heartbeat.interval.ms", "3000");
    // Ready means able to do the work: the database and the broker answer, and every listener has its
    // partitions (ListenerAssignments).
    d.put("management.endpoint.health.group.readiness.include", "readinessState,db,kafka,listeners");
    // An outage is one WARN and one INFO from OutboxRecovery, and readiness reports it. Left alone,
    // Kafka's NetworkClient logs a WARN per reconnect attempt of every client (producer, admin, each
    // listener's consumer: about one a second each), the producer's Sender one per failed batch, and
    // Modulith one INFO per failed publication: hundreds of lines that bury the one that matters.
    d.put("logging.level.org.apache.kafka.clients.NetworkClient", "ERROR");
    d.put("logging.level.org.apache.kafka.clients.producer.internals.Sender", "ERROR");
    // Kafka 4 clients log an INFO "Rebootstrapping" up to ten times a second per client while the
    // broker is gone, and the admin client an INFO with a stack trace per failed metadata fetch.
    d.put("logging.level.org.apache.kafka.clients.Metadata", "WARN");
    d.put("logging.level.org.apache.kafka.clients.admin.internals.AdminMetadataManager", "WARN");
    d.put("logging.level.org.springframework.modulith.events.support.CompletionRegisteringAdvisor", "WARN");
    // Spring's listener adapter logs each failed send again at ERROR with its stack trace; a send that
    // cannot succeed by waiting is logged by OutboxRecovery (the template's producer listener).
    d.put("logging.level.org.springframework.modulith.events.config.EventExternalizationAutoConfiguration", "OFF");
    d.put("spring.modulith.events.externalization.enabled", "true");
    d.put("spring.modulith.events.republish-outstanding-events-on-restart", "true");
    // The event_publication table comes from the platform's Flyway migration.
    d.put("spring.modulith.events.jdbc.schema-initialization.enabled", "false");
    d.put("spring.flyway.locations", "classpath:db/migration,classpath:db/platform");
    return Map.copyOf(d);
  }
}
