package org.rehabnet.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.rehabnet.platform.events.CloudEventHeaders;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.Topics;
import org.rehabnet.platform.events.intake.AdmissionRecorded;
import org.rehabnet.test.infra.EventProbe;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivery under faults (issue #14) and the outbox after an outage (issue #17), with real processes
 * on loopback: under a steady stream of admissions, discharges and relapses, the broker is frozen
 * (SIGSTOP) and resumed, killed (-9) and restarted, a consumer and a producer are killed (-9)
 * and restarted, PostgreSQL is restarted under all three services, and each service in turn is
 * stopped gracefully and started again (a rolling restart), and poison is put on the admissions topic. After each, every event produced reached
 * its consumer's state exactly once (rows counted against the produced ids), nothing is left in any
 * outbox, everything answered 2xx is still there, nothing was answered a 5xx other than 503, and the
 * platform serves again within 30 s. After a broker outage every event recorded during it is published
 * within 5 s of the broker's return, and each service logs a few lines about it, none with a stack
 * trace. The figures go to target/fault-suite.md.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteIT {

  private static final Duration BEFORE = Duration.ofSeconds(6);
  private static final Duration AFTER = Duration.ofSeconds(6);

  private FaultPlatform platform;
  private final List<String> rows = new ArrayList<>();

  @BeforeAll
  void start() throws SQLException {
    platform = new FaultPlatform(Duration.parse(System.getProperty("rehabnet.e2e.startup-timeout", "PT8M")));
    // Room for every admission of the suite: a ward of its own (the ward first, a bed names its ward).
    try (Connection c = platform.db("intake"); var sql = c.createStatement()) {
      sql.execute("INSERT INTO ward (site, code, name) VALUES ('north', 'F', 'Ward F (fault suite)')");
      sql.execute("""
          INSERT INTO bed (id, site, ward, code, status)
          SELECT gen_random_uuid(), 'north', 'F', 'F-' || lpad(n::text, 3, '0'), 'FREE'
          FROM generate_series(1, 600) AS n""");
    }
  }

  @AfterAll
  void report() throws IOException {
    try {
      String table = Scenario.table("Fault suite", rows);
      Path out = Path.of("target/fault-suite.md");
      Files.writeString(out, table, StandardCharsets.UTF_8);
      System.out.println(table);
    } finally {
      if (platform != null) {
        platform.close();
      }
    }
  }

  /**
   * #17: every event recorded while the broker was away is published within 5 s of its return. Since
   * the outbox sender stopped waiting for each send's answer (OutboxHandOff) this took 0.6-2.2 s in
   * every run on this 2-core machine; before, 3.9-7.3 s, which is why it was only reported then.
   */
  static final long PUBLISH_AFTER_RETURN_BOUND_MS = 5_000;

  @Test
  @Order(1)
  void aBrokerFrozenFor20SecondsLosesNothingAndPublishesEverythingOnceItReturns() throws Exception {
    Scenario scenario = new Scenario(platform, rows, "Kafka broker frozen (SIGSTOP) 20 s, resumed");
    Traffic traffic = scenario.traffic();
    Thread.sleep(BEFORE);
    platform.broker.suspend();
    Thread.sleep(20_000);
    platform.broker.resume();
    Instant back = Instant.now();
    long publish = scenario.timeUntilPublishedBefore(back);
    Thread.sleep(AFTER);
    traffic.close();
    Scenario.Result result = scenario.finish(back, publish + " ms");
    assertThat(publish).as("ms from the broker's return until everything recorded before it was published")
        .isLessThanOrEqualTo(PUBLISH_AFTER_RETURN_BOUND_MS);
    result.assertHeld();
    result.assertOutageLoggedQuietly();
  }

  @Test
  @Order(2)
  void aBrokerKilledAndRestartedLosesNothing() throws Exception {
    Scenario scenario = new Scenario(platform, rows, "Kafka broker killed (-9), restarted");
    Traffic traffic = scenario.traffic();
    Thread.sleep(BEFORE);
    platform.broker.kill();
    Thread.sleep(10_000);
    platform.broker.start().awaitReady(Duration.ofMinutes(2));
    Instant back = Instant.now();
    long publish = scenario.timeUntilPublishedBefore(back);
    Thread.sleep(AFTER);
    traffic.close();
    Scenario.Result result = scenario.finish(back, publish + " ms");
    assertThat(publish).as("ms from the broker's return until everything recorded before it was published")
        .isLessThanOrEqualTo(PUBLISH_AFTER_RETURN_BOUND_MS);
    result.assertHeld();
    result.assertOutageLoggedQuietly();
  }

  @Test
  @Order(3)
  void aConsumerKilledMidStreamConsumesAgainWithinFiveSecondsOfBeingReady() throws Exception {
    Scenario scenario = new Scenario(platform, rows, "monitoring killed (-9) mid-stream, restarted");
    Traffic traffic = scenario.traffic();
    Thread.sleep(BEFORE);
    Instant killed = Instant.now();
    platform.process("monitoring").kill();
    Thread.sleep(5_000);
    platform.start("monitoring").awaitHealthy(Duration.ofMinutes(3));
    Instant ready = Instant.now();
    List<UUID> admittedWhileDown = traffic.admissions.entrySet().stream()
        .filter(e -> e.getValue().isAfter(killed) && e.getValue().isBefore(ready)).map(Map.Entry::getKey).toList();
    await("an episode for an admission made while monitoring was down").atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> admittedWhileDown.isEmpty() || count("monitoring",
            "SELECT count(*) FROM detox_episode WHERE admission_id = ANY(?)", admittedWhileDown) > 0);
    long consuming = Duration.between(ready, Instant.now()).toMillis();
    Thread.sleep(AFTER);
    traffic.close();
    Scenario.Result result = scenario.finish(ready, consuming + " ms from ready to consuming");
    assertThat(admittedWhileDown).as("admissions made while monitoring was down").isNotEmpty();
    assertThat(consuming).as("ms from monitoring ready to its first consumed record").isLessThanOrEqualTo(5_000);
    result.assertHeld();
  }

  @Test
  @Order(4)
  void aProducerKilledRightAfterABurstOfAdmissionsLosesNone() throws Exception {
    Scenario scenario = new Scenario(platform, rows, "intake killed (-9) right after a burst of 201s, restarted");
    Traffic traffic = scenario.traffic();
    Thread.sleep(BEFORE);
    List<UUID> referrals = new ArrayList<>();
    while (referrals.size() < 12) {
      UUID referral = traffic.readyReferral();
      if (referral != null) {
        referrals.add(referral);
      }
    }
    List<CompletableFuture<UUID>> burst = referrals.stream()
        .map(r -> CompletableFuture.supplyAsync(() -> traffic.admit(r))).toList();
    CompletableFuture.allOf(burst.toArray(CompletableFuture[]::new)).join();
    platform.process("intake").kill();
    long unsentAtKill = count("intake", "SELECT count(*) FROM event_publication WHERE completion_date IS NULL", null);
    Thread.sleep(3_000);
    platform.start("intake").awaitHealthy(Duration.ofMinutes(3));
    Instant ready = Instant.now();
    long publish = scenario.timeUntilPublishedBefore(ready);
    Thread.sleep(AFTER);
    traffic.close();
    Scenario.Result result = scenario.finish(ready, publish + " ms after intake was ready (" + unsentAtKill
        + " unsent at the kill)");
    assertThat(burst.stream().map(CompletableFuture::join).filter(java.util.Objects::nonNull).count())
        .as("admissions of the burst answered 201").isEqualTo(referrals.size());
    result.assertHeld();
  }

  @Test
  @Order(5)
  void postgresRestartedUnderProducersAndConsumersLosesNothing() throws Exception {
    Scenario scenario = new Scenario(platform, rows, "PostgreSQL restarted under the three services");
    Traffic traffic = scenario.traffic();
    Thread.sleep(BEFORE);
    platform.postgres.restart();
    Instant back = Instant.now();
    long publish = scenario.timeUntilPublishedBefore(back);
    Thread.sleep(AFTER);
    traffic.close();
    Scenario.Result result = scenario.finish(back, publish + " ms after PostgreSQL was back");
    result.assertHeld();
  }

  /**
   * An upgrade as an orchestrator rolls it: each service in turn stopped with SIGTERM (graceful
   * shutdown: readiness down, requests in flight finished, the listener leaving its group, the
   * outbox handed to the producer) and started again, under the stream.
   */
  @Test
  @Order(6)
  void aRollingRestartUnderLoadLosesNoAnsweredRequest() throws Exception {
    Scenario scenario = new Scenario(platform, rows, "rolling restart: intake, monitoring, aftercare each stopped (SIGTERM) and "
        + "started again in turn");
    Traffic traffic = scenario.traffic();
    Thread.sleep(BEFORE);
    List<String> steps = new ArrayList<>();
    Instant back = null;
    for (String service : FaultPlatform.SERVICES) {
      Instant stopping = Instant.now();
      int exit = platform.process(service).stop(Duration.ofSeconds(30));
      Instant stopped = Instant.now();
      platform.start(service).awaitHealthy(Duration.ofMinutes(3));
      back = Instant.now();
      steps.add(String.format(Locale.ROOT, "%s stopped in %.1f s (exit %d), ready %.1f s later", service,
          Duration.between(stopping, stopped).toMillis() / 1000.0, exit,
          Duration.between(stopped, back).toMillis() / 1000.0));
      assertThat(Duration.between(stopping, stopped)).as(service + ": graceful shutdown")
          .isLessThan(Duration.ofSeconds(20));
      Thread.sleep(3_000);
    }
    long publish = scenario.timeUntilPublishedBefore(back);
    Thread.sleep(AFTER);
    traffic.close();
    Scenario.Result result = scenario.finish(back, publish + " ms after the last was ready; " + String.join("; ", steps));
    result.assertHeld();
  }

  /**
   * Poison on the admissions topic, between the stream's own admissions: a body that is not JSON, an
   * event type nobody handles, JSON that is not a valid AdmissionRecorded, and a valid one whose handling
   * fails every time (monitoring's database refuses its episode: a trigger the test puts on the table for
   * that one bed code, as a constraint a later migration broke would). The malformed go to each
   * consumer's dead-letter topic at once, the failing one after its bounded retries, the unknown type is
   * passed over (a topic carries several types; a consumer names those it acts on), and no poison opens
   * an episode, while every admission of the stream is applied once.
   */
  @Test
  @Order(7)
  void poisonOnTheAdmissionsTopicIsParkedInTheDeadLetterTopicsWhileTheStreamGoesOn() throws Exception {
    Scenario scenario = new Scenario(platform, rows,
        "poison on the admissions topic (not JSON, unknown type, not an AdmissionRecorded, a handler that throws)");
    Traffic traffic = scenario.traffic();
    Thread.sleep(BEFORE);
    String bootstrap = platform.broker.bootstrapServers();
    JsonMapper json = JsonMapper.builder().build();
    Instant now = Instant.now();

    String notJson = UUID.randomUUID().toString();
    EventProbe.publish(bootstrap, Topics.INTAKE_ADMISSIONS, notJson, headers("rehab.intake.AdmissionRecorded.v1"),
        "{\"admissionId\": ".getBytes(StandardCharsets.UTF_8));
    String unknownType = UUID.randomUUID().toString();
    EventProbe.publish(bootstrap, Topics.INTAKE_ADMISSIONS, unknownType, headers("rehab.intake.BedPainted.v1"),
        "{\"colour\": \"green\"}".getBytes(StandardCharsets.UTF_8));
    String notAnAdmission = UUID.randomUUID().toString();
    EventProbe.publish(bootstrap, Topics.INTAKE_ADMISSIONS, notAnAdmission, headers("rehab.intake.AdmissionRecorded.v1"),
        "{\"admissionId\": \"not-a-uuid\", \"site\": 7}".getBytes(StandardCharsets.UTF_8));
    try (Connection c = platform.db("monitoring"); var sql = c.createStatement()) {
      sql.execute("""
          CREATE FUNCTION fault_suite_refuse_bed() RETURNS trigger LANGUAGE plpgsql
            AS $$ BEGIN RAISE EXCEPTION 'fault suite: bed % refused', NEW.bed; END $$""");
      sql.execute("""
          CREATE TRIGGER fault_suite_refuse_bed BEFORE INSERT ON detox_episode FOR EACH ROW
            WHEN (NEW.bed = 'F-POISON') EXECUTE FUNCTION fault_suite_refuse_bed()""");
    }
    AdmissionRecorded throwing = new AdmissionRecorded(EventMetadata.next(now, 1), UUID.randomUUID(), UUID.randomUUID(),
        "north", "F-POISON", now, 7);
    EventProbe.publish(bootstrap, Topics.INTAKE_ADMISSIONS, throwing.key(),
        CloudEventHeaders.of(throwing, "/rehabnet/intake-service"), json.writeValueAsBytes(throwing));
    Instant sent = Instant.now();

    String monitoringDlt = Topics.deadLetterTopic(Topics.INTAKE_ADMISSIONS, "monitoring-service");
    String aftercareDlt = Topics.deadLetterTopic(Topics.INTAKE_ADMISSIONS, "aftercare-service");
    Map<String, String> parkedAtMonitoring = new LinkedHashMap<>();
    for (String key : List.of(notJson, notAnAdmission, throwing.key())) {
      var dead = EventProbe.awaitRecord(bootstrap, monitoringDlt, key, Duration.ofSeconds(60));
      parkedAtMonitoring.put(key, EventProbe.header(dead, "kafka_dlt-exception-cause-fqcn") + ": "
          + EventProbe.header(dead, "kafka_dlt-exception-message"));
    }
    long parked = Duration.between(sent, Instant.now()).toMillis();
    try (Connection c = platform.db("monitoring"); var sql = c.createStatement()) {
      sql.execute("DROP TRIGGER fault_suite_refuse_bed ON detox_episode");
      sql.execute("DROP FUNCTION fault_suite_refuse_bed()");
    }
    for (String key : List.of(notJson, notAnAdmission)) {
      EventProbe.awaitRecord(bootstrap, aftercareDlt, key, Duration.ofSeconds(60));
    }
    Thread.sleep(AFTER);
    traffic.close();
    Scenario.Result result = scenario.finish(sent, "all 3 parked at monitoring " + parked + " ms after they were sent");

    assertThat(parkedAtMonitoring.get(notJson)).as("not JSON: refused at once").contains("MalformedEvent: ");
    assertThat(parkedAtMonitoring.get(notAnAdmission)).as("not an AdmissionRecorded: refused at once")
        .contains("MalformedEvent: ");
    assertThat(parkedAtMonitoring.get(throwing.key())).as("a handler failing each time: parked after its retries")
        .doesNotContain("MalformedEvent").contains("Exception: ");
    assertThat(EventProbe.read(bootstrap, monitoringDlt, r -> unknownType.equals(r.key())))
        .as("an event type nobody handles is passed over, not parked").isEmpty();
    assertThat(count("monitoring", "SELECT count(*) FROM detox_episode WHERE admission_id = ANY(?)",
        List.of(throwing.admissionId()))).as("no episode from poison").isZero();
    result.assertHeld();
  }

  private static Map<String, Object> headers(String type) {
    return Map.of(CloudEventHeaders.ID, UUID.randomUUID().toString(), CloudEventHeaders.TYPE, type,
        CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0, CloudEventHeaders.SOURCE,
        "/rehabnet/fault-suite");
  }

  // ---------------------------------------------------------------------------------------------

  private long count(String service, String sql, Collection<UUID> ids) throws SQLException {
    return Scenario.count(platform, service, sql, ids);
  }
}
