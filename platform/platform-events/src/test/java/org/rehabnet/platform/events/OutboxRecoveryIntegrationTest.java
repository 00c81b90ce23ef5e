package org.rehabnet.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabnet.platform.events.intake.BedReleased;
import org.rehabnet.test.infra.DatabaseCoordinates;
import org.rehabnet.test.infra.SharedInfrastructure;
import org.rehabnet.test.process.KafkaBrokerProcess;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox after an outage, against a real broker in its own process that is killed and started
 * again: what failed while it was away is sent within seconds of its return, in the order it was
 * recorded, and the outage costs one WARN and one INFO, not a line per event.
 */
@ExtendWith(OutputCaptureExtension.class)
class OutboxRecoveryIntegrationTest {

  private static final int OUTAGE_EVENTS = 6;
  private static KafkaBrokerProcess broker;
  private static ConfigurableApplicationContext context;

  @BeforeAll
  static void start() throws Exception {
    broker = KafkaBrokerProcess.create("kafka-outbox-recovery",
            Files.createTempDirectory(Files.createDirectories(Path.of("target")), "kafka-outbox-recovery"))
        .start().awaitReady(Duration.ofMinutes(2));
    DatabaseCoordinates db = SharedInfrastructure.get().postgres().database("events_recovery");
    try (Connection c = SharedInfrastructure.get().postgres().superUserConnection("events_recovery");
        var sql = c.createStatement()) {
      sql.execute("SET ROLE events_recovery");
      sql.execute(Files.readString(Path.of("src/main/resources/db/platform/R__platform_events.sql"),
          StandardCharsets.UTF_8));
      sql.execute("DELETE FROM event_publication");
    }
    // Command-line arguments: the in-JVM broker of SharedInfrastructure sets spring.kafka.bootstrap-servers
    // as a system property, which would win over default properties.
    context = new SpringApplicationBuilder(Publisher.class).web(WebApplicationType.NONE).run(
        "--spring.application.name=outbox-recovery-test",
        "--spring.datasource.url=" + db.jdbcUrl(),
        "--spring.datasource.username=" + db.username(),
        "--spring.datasource.password=" + db.password(),
        "--spring.flyway.enabled=false",
        "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
        // Sends give up while the broker is away (the services keep 30 s; the test would only wait longer).
        "--spring.kafka.producer.properties.delivery.timeout.ms=6000",
        "--spring.kafka.producer.properties.request.timeout.ms=3000");
  }

  @AfterAll
  static void stop() {
    if (context != null) {
      context.close();
    }
    broker.close();
  }

  @Test
  void publicationsThatFailedWhileTheBrokerWasDownAreSentWithinSecondsOfItsReturnInOrder(CapturedOutput output)
      throws Exception {
    JdbcClient jdbc = context.getBean(JdbcClient.class);
    TransactionTemplate tx = context.getBean(TransactionTemplate.class);
    ApplicationEventPublisher events = context;
    UUID patient = UUID.randomUUID();
    List<UUID> produced = new ArrayList<>();
    publish(tx, events, patient, produced, 3);
    await("the first events sent").atMost(Duration.ofSeconds(30)).until(() -> incomplete(jdbc) == 0);

    int before = output.getAll().length();
    broker.kill();
    publish(tx, events, patient, produced, OUTAGE_EVENTS);
    await("the sends made while the broker is down fail").atMost(Duration.ofSeconds(30))
        .until(() -> failed(jdbc) == OUTAGE_EVENTS);
    Thread.sleep(2_000);

    broker.start().awaitReady(Duration.ofMinutes(2));
    long back = System.nanoTime();
    await("every publication completed").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .until(() -> incomplete(jdbc) == 0);
    long millis = (System.nanoTime() - back) / 1_000_000;
    System.out.printf("Outbox after a broker outage: %d publications sent %d ms after the broker was ready%n",
        OUTAGE_EVENTS, millis);

    assertThat(millis).as("from the broker's return to the last publication sent").isLessThanOrEqualTo(5_000);
    List<UUID> received = readEventIdsUntil(Topics.INTAKE_ADMISSIONS, produced);
    assertThat(received.stream().filter(produced::contains).distinct().toList()).as("one patient's events in the order recorded")
        .containsExactlyElementsOf(produced);
    String outage = output.getAll().substring(before);
    assertThat(lines(outage, "Kafka does not answer")).as("WARN lines about the outage").isEqualTo(1);
    assertThat(lines(outage, "Kafka answers again")).as("INFO lines about the return").isEqualTo(1);
    assertThat(lines(outage, "\"level\":\"ERROR\"")).as("ERROR lines during the outage").isZero();
    assertThat(outage).contains(OUTAGE_EVENTS + " publications resent")
        .doesNotContain("Failed to send").doesNotContain("could not be established")
        .doesNotContain("Leaving event publication uncompleted");
  }

  /**
   * After a commit the registry marks the publication as being processed, then sends it. With the
   * database away at that moment nothing is sent and the publication stays PUBLISHED: the row below is
   * one such, written as the registry writes it. It must leave within seconds of being due, not with
   * the fixed-age resubmission (older than 30 s, every 15 s).
   */
  @Test
  void aPublicationWhoseSendNeverStartedIsSentWithinSecondsNotAfterTheFixedAge() throws Exception {
    JdbcClient jdbc = context.getBean(JdbcClient.class);
    TransactionTemplate tx = context.getBean(TransactionTemplate.class);
    UUID patient = UUID.randomUUID();
    List<UUID> produced = new ArrayList<>();
    publish(tx, context, patient, produced, 1);
    await("the first event sent").atMost(Duration.ofSeconds(30)).until(() -> incomplete(jdbc) == 0);
    var metadata = EventMetadata.next(Instant.now(), 2);
    var event = new BedReleased(metadata, UUID.randomUUID(), patient, "north", "N-02", Instant.now());
    String listener = jdbc.sql("SELECT listener_id FROM event_publication WHERE event_type = :type LIMIT 1")
        .param("type", BedReleased.class.getName()).query(String.class).single();
    jdbc.sql("""
            INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
                                           completion_attempts)
            VALUES (:id, :listener, :type, :event, now() - interval '2 seconds', 'PUBLISHED', 0)""")
        .param("id", UUID.randomUUID())
        .param("listener", listener)
        .param("type", BedReleased.class.getName())
        .param("event", context.getBean(EventSerializer.class).serialize(event).toString())
        .update();

    long start = System.nanoTime();
    await("the publication whose send never started completed").atMost(Duration.ofSeconds(40))
        .pollInterval(Duration.ofMillis(100)).until(() -> incomplete(jdbc) == 0);
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("Outbox: a publication whose send never started sent %d ms after it was written%n", millis);

    assertThat(millis).as("due after 5 s (it was written 2 s old), checked every second").isLessThanOrEqualTo(8_000);
    assertThat(readEventIdsUntil(Topics.INTAKE_ADMISSIONS, List.of(metadata.eventId()))).contains(metadata.eventId());
  }

  private static void publish(TransactionTemplate tx, ApplicationEventPublisher events, UUID patient,
      List<UUID> produced, int count) {
    for (int i = 0; i < count; i++) {
      var metadata = EventMetadata.next(Instant.now(), produced.size() + 1);
      produced.add(metadata.eventId());
      tx.executeWithoutResult(s -> events.publishEvent(
          new BedReleased(metadata, UUID.randomUUID(), patient, "north", "N-01", Instant.now())));
    }
  }

  private static long incomplete(JdbcClient jdbc) {
    return jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class).single();
  }

  private static long failed(JdbcClient jdbc) {
    return jdbc.sql("SELECT count(*) FROM event_publication WHERE status = 'FAILED'").query(Long.class).single();
  }

  private static long lines(String output, String text) {
    return output.lines().filter(line -> line.contains(text)).count();
  }

  /** The ids of the events on the topic, read from its start until all of {@code wanted} are among them. */
  private static List<UUID> readEventIdsUntil(String topic, List<UUID> wanted) {
    return read(topic, ids -> ids.containsAll(wanted));
  }

  private static List<UUID> read(String topic, java.util.function.Predicate<List<UUID>> enough) {
    List<UUID> ids = new ArrayList<>();
    try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "outbox-recovery-reader-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!enough.test(ids) && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(r -> {
          var header = r.headers().lastHeader("ce_id");
          ids.add(UUID.fromString(new String(header.value(), StandardCharsets.UTF_8)));
        });
      }
    }
    return ids;
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class Publisher {}
}
