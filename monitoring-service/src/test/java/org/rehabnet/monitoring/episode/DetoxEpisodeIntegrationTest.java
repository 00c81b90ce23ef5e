package org.rehabnet.monitoring.episode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rehabnet.platform.events.CloudEventHeaders;
import org.rehabnet.platform.events.EventFlowMetrics;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.ListenerAssignments;
import org.rehabnet.platform.events.Topics;
import org.rehabnet.platform.events.intake.AdmissionRecorded;
import org.rehabnet.platform.events.intake.SiteConfigured;
import org.rehabnet.platform.events.intake.SiteSettings;
import org.rehabnet.test.devstack.DeadLetters;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.infra.EventProbe;
import org.rehabnet.test.infra.RehabnetIntegrationTest;
import org.rehabnet.test.infra.SharedInfrastructure;
import org.rehabnet.test.time.MutableClockConfiguration;
import org.rehabnet.test.tokens.TestIdentityProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.json.JsonMapper;

@RehabnetIntegrationTest(database = "monitoring")
@Import(MutableClockConfiguration.class)
class DetoxEpisodeIntegrationTest {

  @LocalServerPort
  int port;

  @Autowired
  JsonMapper json;

  @Autowired
  MeterRegistry meters;

  @Autowired
  EventFlowMetrics eventFlow;

  @Autowired
  KafkaListenerEndpointRegistry listeners;

  ApiClient api;
  final TestIdentityProvider idp = TestIdentityProvider.get();
  final String nurseNorth = idp.staff("nurse-north", List.of("nurse"), List.of("north"));

  @BeforeEach
  void client() {
    api = new ApiClient("http://localhost:" + port);
    announce("north", "America/New_York", true);
    announce("south", "America/Chicago", false);
  }

  @Test
  void admissionRecordedOpensAnEpisodeThatStaffOfTheSiteCanRead() {
    AdmissionRecorded admission = admission("north");
    publish(admission);

    var episode = await().atMost(Duration.ofSeconds(20))
        .until(() -> api.get("/v1/admissions/" + admission.admissionId() + "/episode", nurseNorth),
            response -> response.status() == 200)
        .json();

    assertThat(episode.get("patientId").asString()).isEqualTo(admission.patientId().toString());
    assertThat(episode.get("site").asString()).isEqualTo("north");
    assertThat(episode.get("day").asInt()).as("admitted at noon in New York two calendar days ago").isEqualTo(3);
    assertThat(episode.get("expectedLengthDays").asInt()).isEqualTo(7);
    assertThat(episode.get("status").asString()).isEqualTo("OPEN");

    var otherSite = api.get("/v1/admissions/" + admission.admissionId() + "/episode",
        idp.staff("nurse-south", List.of("nurse"), List.of("south")));
    assertThat(otherSite.status()).isEqualTo(404);
    assertThat(otherSite.isProblem()).isTrue();

    var wrongRole = api.get("/v1/admissions/" + admission.admissionId() + "/episode",
        idp.staff("intake-north", List.of("intake-coordinator"), List.of("north")));
    assertThat(wrongRole.status()).isEqualTo(403);
  }

  @Test
  void aRedeliveredEventOpensOneEpisodeOnly() throws SQLException {
    AdmissionRecorded admission = admission("south");
    publish(admission);
    publish(admission);

    await().atMost(Duration.ofSeconds(20)).until(() -> episodes(admission.admissionId()) == 1);
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
        .until(() -> episodes(admission.admissionId()) == 1);
    assertThat(processedMarks(admission.metadata().eventId())).isEqualTo(1);
  }

  @Test
  void anUnreadableEventGoesToTheDeadLetterTopicAndTheConsumerGoesOn() {
    String key = UUID.randomUUID().toString();
    EventProbe.publish(Topics.INTAKE_ADMISSIONS, key, Map.of(
        CloudEventHeaders.ID, UUID.randomUUID().toString(),
        CloudEventHeaders.TYPE, "rehab.intake.AdmissionRecorded.v1",
        CloudEventHeaders.SPEC_VERSION, "1.0"), "{not json".getBytes(StandardCharsets.UTF_8));

    var dead = EventProbe.awaitRecord(Topics.deadLetterTopic(Topics.INTAKE_ADMISSIONS, "monitoring-service"), key,
        Duration.ofSeconds(30));
    assertThat(EventProbe.header(dead, "kafka_dlt-exception-message")).contains("not a valid AdmissionRecorded");

    AdmissionRecorded next = admission("north");
    publish(next);
    await().atMost(Duration.ofSeconds(20)).until(() -> episodes(next.admissionId()) == 1);
  }

  /**
   * An admission parked while its handler could not run (say, the database was down) is replayed
   * from the dead-letter topic once the cause is fixed: the chart opens, and replaying again sends
   * nothing twice (the runbook's {@code ./rehabnet dlt replay}).
   */
  @Test
  void aParkedAdmissionReplayedFromTheDeadLetterTopicOpensItsEpisodeOnceAndIsNotSentAgain() throws SQLException {
    AdmissionRecorded parked = admission("north");
    String dlt = Topics.deadLetterTopic(Topics.INTAKE_ADMISSIONS, "monitoring-service");
    Map<String, Object> headers = new java.util.LinkedHashMap<>(CloudEventHeaders.of(parked,
        "/rehabnet/intake-service"));
    headers.put("kafka_dlt-original-topic", Topics.INTAKE_ADMISSIONS);
    headers.put("kafka_dlt-exception-fqcn", "org.springframework.jdbc.CannotGetJdbcConnectionException");
    headers.put("kafka_dlt-exception-message", "database unavailable");
    EventProbe.publish(dlt, parked.key(), headers, json.writeValueAsBytes(parked));
    DeadLetters tool = new DeadLetters(SharedInfrastructure.get().kafkaBootstrapServers());
    String eventId = parked.metadata().eventId().toString();
    await().atMost(Duration.ofSeconds(10)).until(() -> tool.show(dlt).stream()
        .anyMatch(p -> eventId.equals(p.eventId()) && !p.replayed()));

    assertThat(tool.replay(dlt)).isPositive();
    await().atMost(Duration.ofSeconds(20)).until(() -> episodes(parked.admissionId()) == 1);
    assertThat(tool.show(dlt)).filteredOn(p -> eventId.equals(p.eventId()))
        .singleElement().satisfies(p -> {
          assertThat(p.replayed()).isTrue();
          assertThat(p.exception()).endsWith("CannotGetJdbcConnectionException");
        });

    tool.replay(dlt);
    var onTopic = EventProbe.read(Topics.INTAKE_ADMISSIONS,
        r -> eventId.equals(EventProbe.header(r, CloudEventHeaders.ID)));
    assertThat(onTopic).as("sent back once, without the dead-letter headers").singleElement()
        .satisfies(r -> assertThat(r.headers().lastHeader("kafka_dlt-original-topic")).isNull());
    assertThat(tool.list()).filteredOn(s -> s.topic().equals(dlt)).singleElement()
        .satisfies(s -> assertThat(s.parked()).isPositive());
    assertThat(episodes(parked.admissionId())).isEqualTo(1);
  }

  @Autowired
  ListenerAssignments listenerAssignments;

  @Test
  void theEventPathShowsInMetricsAndReadinessNamesTheBroker() {
    // Ready only once every running listener has been given its partitions by its group.
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(listenerAssignments.health().getStatus())
        .hasToString("UP"));
    assertThat(listenerAssignments.assigned()).contains(AdmissionEventHandler.CONSUMER);
    // The admissions listener stopped: what intake publishes now waits on the broker, and the lag of
    // the listener's own group says so (it is what an on-call engineer alerts on).
    MessageListenerContainer admissions = listeners.getListenerContainer(AdmissionEventHandler.CONSUMER);
    admissions.stop();
    AdmissionRecorded admission = admission("north");
    try {
      publish(admission);
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
        eventFlow.refresh();
        assertThat(lag(Topics.INTAKE_ADMISSIONS)).as("lag while the consumer is stopped").isGreaterThanOrEqualTo(1);
      });
    } finally {
      admissions.start();
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> episodes(admission.admissionId()) == 1);
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      eventFlow.refresh();
      assertThat(lag(Topics.INTAKE_ADMISSIONS)).as("lag once it has caught up").isZero();
    });

    assertThat(meters.get("rehabnet.events.handled").tag("consumer", AdmissionEventHandler.CONSUMER)
        .tag("outcome", "processed").timer().count()).isPositive();
    assertThat(meters.get("rehabnet.events.dlt.depth")
        .tag("topic", Topics.deadLetterTopic(Topics.INTAKE_ADMISSIONS, "monitoring-service")).gauge().value())
        .isGreaterThanOrEqualTo(0);
    assertThat(meters.get("rehabnet.outbox.backlog").gauge().value()).isGreaterThanOrEqualTo(0);
    assertThat(meters.get("rehabnet.outbox.oldest.age").gauge().value()).isGreaterThanOrEqualTo(0);
    assertThat(meters.get("rehabnet.dose.refusals").tag("rule", "DAILY_MAXIMUM").tag("stage", "administration")
        .counter()).isNotNull();

    var readiness = api.get("/readyz", null);
    assertThat(readiness.status()).isEqualTo(200);
    var health = api.get("/actuator/health/readiness", null);
    assertThat(health.body()).contains("UP");
  }

  private double lag(String topic) {
    return meters.get("rehabnet.events.consumer.lag").tag("group", AdmissionEventHandler.CONSUMER)
        .tag("topic", topic).gauge().value();
  }

  /** Admitted at noon, site time, two calendar days ago: day 3 whatever the hour now. */
  private AdmissionRecorded admission(String site) {
    ZoneId zone = ZoneId.of("south".equals(site) ? "America/Chicago" : "America/New_York");
    Instant admittedAt = LocalDate.now(zone).minusDays(2).atTime(12, 0).atZone(zone).toInstant();
    return new AdmissionRecorded(EventMetadata.next(Instant.now(), 1), UUID.randomUUID(), UUID.randomUUID(), site,
        null, admittedAt, 7);
  }

  /** The site as intake announces it at its first start: monitoring keeps it before any admission arrives. */
  private void announce(String site, String zone, boolean otp) {
    SiteConfigured event = new SiteConfigured(EventMetadata.next(Instant.now(), 1), site, site, zone, otp,
        SiteSettings.defaults(), "system", Instant.now());
    EventProbe.publish(Topics.INTAKE_SITES, event.key(), CloudEventHeaders.of(event, "/rehabnet/intake-service"),
        json.writeValueAsBytes(event));
    await().atMost(Duration.ofSeconds(20)).until(() -> count(
        "SELECT count(*) FROM site_settings WHERE site = '" + site + "'") == 1);
  }

  private void publish(AdmissionRecorded event) {
    EventProbe.publish(Topics.INTAKE_ADMISSIONS, event.key(), CloudEventHeaders.of(event, "/rehabnet/intake-service"),
        json.writeValueAsBytes(event));
  }

  private static long episodes(UUID admissionId) throws SQLException {
    return count("SELECT count(*) FROM detox_episode WHERE admission_id = '" + admissionId + "'");
  }

  private static long processedMarks(UUID eventId) throws SQLException {
    return count("SELECT count(*) FROM processed_event WHERE event_id = '" + eventId + "'");
  }

  private static long count(String sql) throws SQLException {
    try (var connection = SharedInfrastructure.get().postgres().superUserConnection("monitoring");
        var rs = connection.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
