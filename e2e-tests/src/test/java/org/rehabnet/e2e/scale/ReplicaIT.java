package org.rehabnet.e2e.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.rehabnet.platform.events.CloudEventHeaders;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.IntegrationEvent;
import org.rehabnet.platform.events.Topics;
import org.rehabnet.platform.events.intake.AdmissionRecorded;
import org.rehabnet.platform.events.intake.SiteConfigured;
import org.rehabnet.platform.events.intake.SiteSettings;
import org.rehabnet.platform.events.monitoring.PatientDischarged;
import org.rehabnet.test.infra.DatabaseCoordinates;
import org.rehabnet.test.infra.SharedInfrastructure;
import org.rehabnet.test.process.ManagedProcess;
import org.rehabnet.test.process.Ports;
import org.rehabnet.test.tokens.TestIdentityProvider;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances of monitoring-service and two of aftercare-service, real processes from this
 * build's jars, share the work of one consumer group per listener: 5,000 admissions and 5,000
 * discharges written as intake and monitoring write them become exactly 5,000 episodes and 5,000
 * plans while one instance of each is killed with SIGKILL at a third of the stream and started again
 * at two thirds; and the overdue-assessment check, ticking on both monitoring instances, raises each
 * due assessment's alert once.
 *
 * <p>The services get a broker of their own (6 partitions a topic) and databases of their own: the
 * listener ids are the consumer groups, fixed in code, so on the shared broker these instances would
 * join the groups of the e2e platform's services and split the events with them (and with their
 * databases). Figures go to {@code target/replicas.md}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicaIT {

  private static final int EVENTS = Integer.getInteger("rehabnet.e2e.replicas.events", 5_000);
  /** Events a second on each stream: slow enough that the kill and the restart fall mid-stream. */
  private static final int RATE = Integer.getInteger("rehabnet.e2e.replicas.rate", 100);
  private static final int PARTITIONS = 6;
  private static final String SITE = "replicas";
  private static final String TICK_SITE = "ticks";
  private static final String INTAKE = "/rehabnet/intake-service";
  private static final String MONITORING = "/rehabnet/monitoring-service";
  private static final String EPISODES_CONSUMER = "monitoring.episode.admissions";
  private static final String PLANS_CONSUMER = "aftercare.plan.discharges";
  private static final String OVERDUE_LOCK = "monitoring.overdue-assessments";
  /** The reassessment interval the test site announces, so due times pass within the test. */
  private static final Duration DUE_AFTER = Duration.ofSeconds(20);
  private static final int WAVES = 5;
  private static final int PER_WAVE = 40;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final Path ROOT =
      Path.of(System.getProperty("rehabnet.repository.root", "..")).toAbsolutePath().normalize();
  private static final Path LOGS = Path.of(System.getProperty("rehabnet.e2e.logs", "target/e2e-logs"))
      .resolve("replicas");
  private static final Path REPORT = Path.of(System.getProperty("rehabnet.e2e.logs", "target/e2e-logs"))
      .toAbsolutePath().getParent().resolve("replicas.md");
  private static final Duration STARTUP =
      Duration.parse(System.getProperty("rehabnet.e2e.startup-timeout", "PT8M"));

  private static final List<String> rows = new ArrayList<>();
  private static final List<String> instanceRows = new ArrayList<>();
  private static final List<String> notes = new ArrayList<>();

  private static long classStarted;
  private static String loadAtStart;
  private static EmbeddedKafkaKraftBroker broker;
  private static DatabaseCoordinates monitoringDb;
  private static DatabaseCoordinates aftercareDb;
  private static Replica monitoringA;
  private static Replica monitoringB;
  private static Replica aftercareA;
  private static Replica aftercareB;
  private static Events events;

  @BeforeAll
  static void startTwoInstancesOfEachConsumingService() {
    classStarted = System.nanoTime();
    loadAtStart = loadAverage();
    broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS, Topics.INTAKE_PATIENTS, Topics.INTAKE_ADMISSIONS,
        Topics.INTAKE_CONSENTS, Topics.MONITORING_EPISODES, Topics.MONITORING_ALERTS, Topics.AFTERCARE_PLANS,
        Topics.AFTERCARE_ENGAGEMENT);
    // Not spring.embedded.kafka.brokers: that system property would name this broker to the whole JVM.
    broker.brokerListProperty("rehabnet.e2e.replicas.brokers");
    broker.brokerProperty("auto.create.topics.enable", "true");
    broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
    broker.afterPropertiesSet();
    broker.addTopics(TopicBuilder.name(Topics.INTAKE_SITES).partitions(PARTITIONS).replicas(1).compact().build());
    events = new Events(broker.getBrokersAsString());

    var postgres = SharedInfrastructure.get().postgres();
    monitoringDb = postgres.database("replica_monitoring");
    aftercareDb = postgres.database("replica_aftercare");
    // Both ticking every second or so, at different rates, so that neither always polls first after
    // the other's lock runs out: each instance gets ticks, and each tick is contended.
    monitoringA = replica("monitoring", "replica-a", monitoringDb, overdueCheckEvery("PT1S"));
    monitoringB = replica("monitoring", "replica-b", monitoringDb, overdueCheckEvery("PT0.7S"));
    aftercareA = replica("aftercare", "replica-a", aftercareDb, Map.of());
    aftercareB = replica("aftercare", "replica-b", aftercareDb, Map.of());
    List<ManagedProcess> started = Stream.of(monitoringA, monitoringB, aftercareA, aftercareB)
        .map(Replica::start).toList();
    CompletableFuture.allOf(started.stream()
        .map(process -> CompletableFuture.runAsync(() -> process.awaitHealthy(STARTUP)))
        .toArray(CompletableFuture[]::new)).join();
    notes.add(String.format(Locale.ROOT, "Four instances started and ready in %.1f s.", seconds(classStarted)));
  }

  @AfterAll
  static void stopAndReport() throws IOException {
    Stream.of(monitoringA, monitoringB, aftercareA, aftercareB).filter(r -> r != null).forEach(Replica::stop);
    if (events != null) {
      events.close();
    }
    if (broker != null) {
      broker.destroy();
    }
    notes.add(String.format(Locale.ROOT, "Whole class: %.0f s; load average at start %s, at end %s (2 cores).",
        seconds(classStarted), loadAtStart, loadAverage()));
    StringBuilder report = new StringBuilder("# Replicas on one machine (ReplicaIT)\n\n")
        .append("| scenario | events produced | applied | duplicated | lost | time to recover |\n")
        .append("|---|---|---|---|---|---|\n");
    rows.forEach(row -> report.append(row).append('\n'));
    report.append("\n| instance | run | events applied | redeliveries skipped |\n|---|---|---|---|\n");
    instanceRows.forEach(row -> report.append(row).append('\n'));
    report.append('\n');
    notes.forEach(note -> report.append("- ").append(note).append('\n'));
    Files.createDirectories(REPORT.getParent());
    Files.writeString(REPORT, report);
    System.out.println(report);
  }

  @Test
  @Order(1)
  void everyAdmissionAndDischargeIsAppliedOnceWhileOneInstanceOfEachIsKilledAndRestarted() {
    List<UUID> admissions = new ArrayList<>(EVENTS);
    List<UUID> episodes = new ArrayList<>(EVENTS);
    Instant killedAt = null;
    CompletableFuture<Instant> monitoringReady = null;
    CompletableFuture<Instant> aftercareReady = null;
    Pacer pacer = new Pacer(RATE);
    for (int i = 0; i < EVENTS; i++) {
      if (i == EVENTS / 3) {
        events.flush();
        monitoringA.current().kill();
        aftercareA.current().kill();
        killedAt = Instant.now();
      }
      if (i == 2 * EVENTS / 3) {
        monitoringReady = startAgain(monitoringA);
        aftercareReady = startAgain(aftercareA);
      }
      if (i == EVENTS * 9 / 10) {
        // The last tenth waits for the restarted instances, so they have records to take whichever
        // way their partitions come back (their own, or new ones from a rebalance).
        CompletableFuture.allOf(monitoringReady, aftercareReady).join();
        pacer.restart();
      }
      pacer.awaitTurn();
      UUID patientId = UUID.randomUUID();
      UUID admissionId = UUID.randomUUID();
      UUID episodeId = UUID.randomUUID();
      Instant now = Instant.now();
      events.send(new AdmissionRecorded(EventMetadata.next(now, 1), admissionId, patientId, SITE, null, now, 7),
          INTAKE);
      events.send(new PatientDischarged(EventMetadata.next(now, 3), episodeId, admissionId, patientId, SITE, null,
          now.minus(Duration.ofDays(7)), now, "COMPLETED", true, true, "BUPRENORPHINE_MAINTENANCE", null, 4),
          MONITORING);
      admissions.add(admissionId);
      episodes.add(episodeId);
    }
    events.flush();
    long lastProduced = System.nanoTime();

    Map<String, Double> caughtUp = new LinkedHashMap<>();
    awaitOrExplain("every event applied", () -> {
      if (!caughtUp.containsKey("monitoring")
          && count(monitoringDb, "SELECT count(*) FROM detox_episode WHERE site = '" + SITE + "'") >= EVENTS) {
        caughtUp.put("monitoring", seconds(lastProduced));
      }
      if (!caughtUp.containsKey("aftercare")
          && count(aftercareDb, "SELECT count(*) FROM aftercare_plan WHERE site = '" + SITE + "'") >= EVENTS) {
        caughtUp.put("aftercare", seconds(lastProduced));
      }
      return caughtUp.size() == 2;
    }, admissions.size());

    Instant killed = killedAt;
    Instant monitoringBack = monitoringReady.join();
    Instant aftercareBack = aftercareReady.join();
    Outcome episodesOpened = outcome(admissions,
        uuids(monitoringDb, "SELECT admission_id FROM detox_episode WHERE site = '" + SITE + "'"));
    Outcome plansOpened = outcome(episodes,
        uuids(aftercareDb, "SELECT episode_id FROM aftercare_plan WHERE site = '" + SITE + "'"));
    Handling monitoringWork = handling(EPISODES_CONSUMER, monitoringA, monitoringB);
    Handling aftercareWork = handling(PLANS_CONSUMER, aftercareA, aftercareB);
    Resumed monitoringResumed = resumed(monitoringA, EPISODES_CONSUMER, monitoringBack);
    Resumed aftercareResumed = resumed(aftercareA, PLANS_CONSUMER, aftercareBack);

    rows.add(row("monitoring-service ×2, replica-a killed -9 at 1/3 and restarted at 2/3: AdmissionRecorded → "
        + "detox episodes", episodesOpened, monitoringWork, caughtUp.get("monitoring"), killed, monitoringBack,
        monitoringResumed));
    rows.add(row("aftercare-service ×2, replica-a killed -9 at 1/3 and restarted at 2/3: PatientDischarged → "
        + "aftercare plans", plansOpened, aftercareWork, caughtUp.get("aftercare"), killed, aftercareBack,
        aftercareResumed));
    notes.add(String.format(Locale.ROOT, "%d events on each stream at %d/s, %d partitions a topic; static group "
        + "membership, session timeout 30 s: an instance back later than that finds its partitions handed to "
        + "the other and gets some back in a rebalance.", EVENTS, RATE, PARTITIONS));

    for (Outcome outcome : List.of(episodesOpened, plansOpened)) {
      assertThat(outcome.lost()).as("events produced but never applied").isEmpty();
      assertThat(outcome.duplicated()).as("events applied twice").isZero();
      assertThat(outcome.unexpected()).as("rows for events nobody produced").isEmpty();
      assertThat(outcome.applied()).isEqualTo(EVENTS);
    }
    for (Handling work : List.of(monitoringWork, aftercareWork)) {
      work.appliedByRun().forEach((run, applied) ->
          assertThat(applied).as("events %s applied", run).isPositive());
    }
  }

  @Test
  @Order(2)
  void theOverdueAssessmentCheckRaisesEachDueAssessmentOnceWhileBothInstancesTakeTicks() {
    // Intake would refuse a routine interval under 30 minutes (SiteSettingsRules); the test writes the
    // site's announcement itself, as intake would, so that due times pass within seconds.
    SiteSettings defaults = SiteSettings.defaults();
    SiteSettings fast = new SiteSettings(defaults.detoxLength(),
        new SiteSettings.Reassessment(DUE_AFTER, DUE_AFTER, defaults.reassessment().intensiveCowsThreshold()),
        defaults.buprenorphine(), defaults.methadone(), defaults.holds(), defaults.alerts(), defaults.aftercare());
    Instant announced = Instant.now();
    events.send(new SiteConfigured(EventMetadata.next(announced, 1), TICK_SITE, "Replica ticks", "UTC", false, fast,
        "system", announced), INTAKE);
    events.flush();
    await("the site's settings").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
        .until(() -> count(monitoringDb, "SELECT count(*) FROM site_settings WHERE site = '" + TICK_SITE + "'") == 1);

    String alerts = "SELECT count(*) FROM clinical_alert WHERE site = '" + TICK_SITE
        + "' AND kind = 'OVERDUE_ASSESSMENT'";
    long started = System.nanoTime();
    try (LockWatch ticks = new LockWatch(monitoringDb, OVERDUE_LOCK)) {
      for (int wave = 0; wave < WAVES; wave++) {
        for (int i = 0; i < PER_WAVE; i++) {
          Instant now = Instant.now();
          events.send(new AdmissionRecorded(EventMetadata.next(now, 1), UUID.randomUUID(), UUID.randomUUID(),
              TICK_SITE, null, now, 7), INTAKE);
        }
        events.flush();
        LockSupport.parkNanos(Duration.ofSeconds(6).toNanos());
      }
      int due = 2 * WAVES * PER_WAVE;
      await("an overdue alert for each COWS and vital-signs set").atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(250)).until(() -> count(monitoringDb, alerts) >= due);
      // Two more ticks after the last alert: a second alert for a due item would come with one of them.
      int seen = ticks.ticks().size();
      await("two more ticks").atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250))
          .until(() -> ticks.ticks().size() >= seen + 2);

      long episodes = count(monitoringDb, "SELECT count(*) FROM detox_episode WHERE site = '" + TICK_SITE + "'");
      long raised = count(monitoringDb, alerts);
      long dueItemsAlerted = count(monitoringDb, "SELECT count(*) FROM (SELECT DISTINCT episode_id, reason FROM "
          + "clinical_alert WHERE site = '" + TICK_SITE + "' AND kind = 'OVERDUE_ASSESSMENT') d");
      double latestAlert = number(monitoringDb, """
          SELECT EXTRACT(EPOCH FROM max(a.raised_at - CASE WHEN a.reason LIKE 'COWS%' THEN t.cows_due_at
                                                           ELSE t.vitals_due_at END))
            FROM clinical_alert a JOIN reassessment_timer t ON t.episode_id = a.episode_id
           WHERE a.site = 'ticks' AND a.kind = 'OVERDUE_ASSESSMENT'""");
      Map<String, String> holders = ticks.ticks();
      long byA = holders.values().stream().filter(holder -> holder.endsWith("/" + monitoringA.current().pid()))
          .count();
      long byB = holders.values().stream().filter(holder -> holder.endsWith("/" + monitoringB.current().pid()))
          .count();
      List<Integer> raisedByA = monitoringA.logs().getLast().overdueAlertsPerTick();
      List<Integer> raisedByB = monitoringB.logs().getLast().overdueAlertsPerTick();
      int loggedTotal = Stream.concat(raisedByA.stream(), raisedByB.stream()).mapToInt(Integer::intValue).sum();

      rows.add(String.format(Locale.ROOT, "| monitoring-service ×2, overdue-assessment check (ShedLock, a tick at "
              + "most every 5 s, polled every 1 s and 0.7 s): %d admissions in %d waves, %d assessments falling due "
              + "| %d due | %d alerts | %d | %d | due → alert at most %.1f s |", WAVES * PER_WAVE, WAVES, due, due,
          raised, raised - dueItemsAlerted, due - dueItemsAlerted, latestAlert));
      notes.add(String.format(Locale.ROOT, "Overdue check: %d ticks in %.0f s (from shedlock.locked_at and "
          + "locked_by), %d held by replica-a and %d by replica-b, none by both; alerts raised per tick that found "
          + "work: replica-a %s, replica-b %s.", holders.size(), seconds(started), byA, byB, raisedByA, raisedByB));

      assertThat(episodes).isEqualTo(WAVES * PER_WAVE);
      assertThat(dueItemsAlerted).as("due assessments with an alert").isEqualTo(due);
      assertThat(raised).as("alerts: one per due assessment, none from a second instance's tick").isEqualTo(due);
      assertThat(loggedTotal).as("alerts the instances' ticks say they raised").isEqualTo(due);
      assertThat(byA).as("ticks run by replica-a").isPositive();
      assertThat(byB).as("ticks run by replica-b").isPositive();
      assertThat(byA + byB).as("every tick held by one of the two").isEqualTo(holders.size());
    }
  }

  // --- the instances ---

  private static Replica replica(String service, String instanceId, DatabaseCoordinates db,
      Map<String, String> extra) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SPRING_DATASOURCE_URL", db.jdbcUrl());
    env.put("SPRING_DATASOURCE_USERNAME", db.username());
    env.put("SPRING_DATASOURCE_PASSWORD", db.password());
    env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", broker.getBrokersAsString());
    // No request reaches these instances; the issuer is only needed to start.
    env.put("REHABNET_ISSUER_URI", TestIdentityProvider.get().issuer());
    // Distinct static members: a shared id would make the second instance fence the first.
    env.put("REHABNET_CONSUMER_INSTANCE_ID", instanceId);
    env.put("REHABNET_EVENTS_PARTITIONS", Integer.toString(PARTITIONS));
    // Two instances share each group: half the partitions' worth of consumers each, or the first
    // instance's consumers would take every partition and the second would only stand by.
    env.put("REHABNET_EVENTS_CONSUMERS_PER_INSTANCE", Integer.toString(PARTITIONS / 2));
    env.put("MANAGEMENT_SERVER_PORT", Integer.toString(Ports.free()));
    // The runbook's advice for load: sample a tenth of the traces (nothing is exported here anyway).
    env.put("REHABNET_TRACE_SAMPLING", "0.1");
    env.putAll(extra);
    return new Replica(service, instanceId, ROOT.resolve(service + "-service/target/" + service + "-service.jar"),
        Ports.free(), env, LOGS);
  }

  private static Map<String, String> overdueCheckEvery(String interval) {
    return Map.of("SPRING_APPLICATION_JSON",
        "{\"rehabnet\":{\"monitoring\":{\"reassessment\":{\"overdue-check-interval\":\"" + interval + "\"}}}}");
  }

  /**
   * Waits for every event to be applied; if they are not within three minutes, fails with what an
   * engineer would look at first: rows per database, each group's committed offsets against the
   * topics' ends, what the dead-letter topics hold, which runs are alive and what they logged at
   * ERROR, so a failure on a CI machine says where the stream stopped.
   */
  private static void awaitOrExplain(String alias, java.util.concurrent.Callable<Boolean> applied, int produced) {
    try {
      await(alias).atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(applied);
    } catch (org.awaitility.core.ConditionTimeoutException timeout) {
      throw new AssertionError(alias + " within 3 minutes: " + produced + " produced on each stream\n"
          + StreamDiagnosis.of(broker.getBrokersAsString(), Map.of(
              EPISODES_CONSUMER, Topics.INTAKE_ADMISSIONS, PLANS_CONSUMER, Topics.MONITORING_EPISODES))
              .withRows("monitoring detox_episode", count(monitoringDb,
                  "SELECT count(*) FROM detox_episode WHERE site = '" + SITE + "'"))
              .withRows("aftercare aftercare_plan", count(aftercareDb,
                  "SELECT count(*) FROM aftercare_plan WHERE site = '" + SITE + "'"))
              .withRuns(List.of(monitoringA, monitoringB, aftercareA, aftercareB)), timeout);
    }
  }

  /** Starts a killed instance again; completes when it answers ready. */
  private static CompletableFuture<Instant> startAgain(Replica replica) {
    ManagedProcess process = replica.start();
    return CompletableFuture.supplyAsync(() -> {
      process.awaitHealthy(STARTUP);
      return Instant.now();
    });
  }

  /**
   * From ready to the restarted run's first partitions and first applied event (zero where that came
   * before /readyz said ready: the listeners start while the context is still starting).
   */
  private static Resumed resumed(Replica replica, String consumer, Instant ready) {
    ServiceLog log = replica.logs().getLast();
    Instant first = await(replica + " consuming again").atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(100)).until(() -> log.firstApplied(consumer), Optional::isPresent)
        .orElseThrow();
    Instant assigned = log.firstAssigned(consumer).orElse(first);
    return new Resumed(nonNegative(Duration.between(ready, assigned)), nonNegative(Duration.between(ready, first)));
  }

  /** From ready to partitions assigned, and to the first event applied. */
  private record Resumed(Duration assigned, Duration applied) {}

  private static Duration nonNegative(Duration duration) {
    return duration.isNegative() ? Duration.ZERO : duration;
  }

  // --- what was applied ---

  private record Outcome(int produced, int applied, int duplicated, Set<UUID> lost, Set<UUID> unexpected) {}

  private static Outcome outcome(List<UUID> produced, List<UUID> rows) {
    Set<UUID> distinct = new HashSet<>(rows);
    Set<UUID> lost = new HashSet<>(produced);
    lost.removeAll(distinct);
    Set<UUID> unexpected = new HashSet<>(distinct);
    produced.forEach(unexpected::remove);
    return new Outcome(produced.size(), distinct.size(), rows.size() - distinct.size(), lost, unexpected);
  }

  private record Handling(Map<String, Integer> appliedByRun, int redeliveriesSkipped) {}

  /** Who applied what, from each run's log: every run of both instances must have done a share. */
  private static Handling handling(String consumer, Replica a, Replica b) {
    Map<String, Integer> applied = new LinkedHashMap<>();
    int skipped = 0;
    for (Replica replica : List.of(a, b)) {
      List<ServiceLog> logs = replica.logs();
      for (int run = 0; run < logs.size(); run++) {
        List<ServiceLog.Handled> handled = logs.get(run).handled(consumer);
        int appliedHere = (int) handled.stream().filter(ServiceLog.Handled::applied).count();
        int skippedHere = handled.size() - appliedHere;
        String name = replica + (logs.size() > 1 ? (run == 0 ? " (until killed)" : " (restarted)") : "");
        applied.put(name, appliedHere);
        skipped += skippedHere;
        instanceRows.add(String.format(Locale.ROOT, "| %s | %d | %d | %d |", replica, run + 1, appliedHere,
            skippedHere));
      }
    }
    return new Handling(applied, skipped);
  }

  private static String row(String scenario, Outcome outcome, Handling work, double caughtUp, Instant killed,
      Instant ready, Resumed resumed) {
    return String.format(Locale.ROOT, "| %s | %d | %d | %d (%d redelivered after the kill, skipped by the inbox) "
            + "| %d | last event produced → all applied %.1f s; killed → ready again %.1f s; ready → consuming %.1f s "
            + "(partitions assigned after %.1f s) |",
        scenario, outcome.produced(), outcome.applied(), outcome.duplicated(), work.redeliveriesSkipped(),
        outcome.lost().size(), caughtUp, Duration.between(killed, ready).toMillis() / 1000.0,
        resumed.applied().toMillis() / 1000.0, resumed.assigned().toMillis() / 1000.0);
  }

  // --- producing as the services do ---

  /** Writes events as the outbox does: JSON payload, CloudEvents headers, the patient (or site) as key. */
  private static final class Events implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    Events(String bootstrapServers) {
      Properties props = new Properties();
      props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
      props.put(ProducerConfig.ACKS_CONFIG, "all");
      props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
      props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
      producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    void send(IntegrationEvent event, String source) {
      var record = new ProducerRecord<String, byte[]>(CloudEventHeaders.typeOf(event.getClass()).topic(),
          event.key(), JSON.writeValueAsBytes(event));
      CloudEventHeaders.of(event, source).forEach((name, value) -> record.headers().add(name, (byte[]) value));
      producer.send(record, (metadata, e) -> {
        if (e != null) {
          failure.compareAndSet(null, e);
        }
      });
    }

    /** Waits until the broker has acknowledged everything sent. */
    void flush() {
      producer.flush();
      if (failure.get() != null) {
        throw new IllegalStateException("An event was not acknowledged", failure.get());
      }
    }

    @Override
    public void close() {
      producer.close(Duration.ofSeconds(5));
    }
  }

  /** Sends on a schedule, whether or not the consumers keep up (an open model, as in bench/). */
  private static final class Pacer {

    private final long intervalNanos;
    private long start = System.nanoTime();
    private long sent;

    Pacer(int perSecond) {
      intervalNanos = 1_000_000_000L / perSecond;
    }

    void awaitTurn() {
      long wait = start + sent++ * intervalNanos - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
    }

    void restart() {
      start = System.nanoTime();
      sent = 0;
    }
  }

  /**
   * Samples ShedLock's row for one job: every acquisition writes a new {@code locked_at} and its
   * holder ({@code <host>/<pid>}), and a tick holds the row at least 5 s, so sampling every 100 ms
   * sees every tick and who ran it.
   */
  private static final class LockWatch implements AutoCloseable {

    private final Map<String, String> ticks = new LinkedHashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    LockWatch(DatabaseCoordinates db, String lock) {
      sampler = Thread.ofPlatform().daemon().name("shedlock-watch").start(() -> {
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
            var query = connection.prepareStatement("SELECT locked_at, locked_by FROM shedlock WHERE name = ?")) {
          query.setString(1, lock);
          // The row as it stands when watching begins belongs to an earlier tick, not to this watch.
          String before = null;
          try (ResultSet rs = query.executeQuery()) {
            if (rs.next()) {
              before = rs.getString(1);
            }
          }
          while (running) {
            try (ResultSet rs = query.executeQuery()) {
              if (rs.next() && !rs.getString(1).equals(before)) {
                synchronized (ticks) {
                  ticks.putIfAbsent(rs.getString(1), rs.getString(2));
                }
              }
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
          }
        } catch (SQLException e) {
          throw new IllegalStateException("Cannot watch " + lock, e);
        }
      });
    }

    /** Every tick seen so far: its locked_at and holder. */
    Map<String, String> ticks() {
      synchronized (ticks) {
        return new LinkedHashMap<>(ticks);
      }
    }

    @Override
    public void close() {
      running = false;
      try {
        sampler.join(Duration.ofSeconds(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  // --- JDBC ---

  private static long count(DatabaseCoordinates db, String sql) {
    return (long) number(db, sql);
  }

  private static double number(DatabaseCoordinates db, String sql) {
    try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getDouble(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static List<UUID> uuids(DatabaseCoordinates db, String sql) {
    try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      List<UUID> ids = new ArrayList<>();
      while (rs.next()) {
        ids.add(rs.getObject(1, UUID.class));
      }
      return ids;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static double seconds(long sinceNanos) {
    return (System.nanoTime() - sinceNanos) / 1e9;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "unknown";
    }
  }
}
