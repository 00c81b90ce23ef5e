package org.rehabnet.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rehabnet.test.infra.DatabaseCoordinates;
import org.rehabnet.test.infra.SharedInfrastructure;
import org.rehabnet.test.tokens.TestIdentityProvider;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A rolling restart from the ward's side (docs/runbook.md, "Rolling restart"): when monitoring is told
 * to stop, it says it is not ready before anything else, takes no new request, and finishes the one a
 * nurse's tablet already sent, with its real answer, before it lets go of the database. The census
 * request is held in flight by a table lock taken in the test, so the drain is seen, not raced.
 *
 * <p>This starts a monitoring-service of its own (the shared test context must stay up for the other
 * tests), on the shared PostgreSQL and broker, with its listeners left stopped so that it takes no
 * partitions from the other tests' consumers.
 */
class GracefulShutdownIntegrationTest {

  private static final Duration DRAIN = Duration.ofSeconds(10);

  private @Nullable ConfigurableApplicationContext service;

  @AfterEach
  void stopWhatIsLeft() {
    if (service != null && service.isActive()) {
      service.close();
    }
  }

  @Test
  void aStoppingServiceReportsNotReadyFirstRefusesNewRequestsAndFinishesTheOneInFlight() throws Exception {
    AtomicReference<@Nullable Instant> refusingTrafficAt = new AtomicReference<>();
    ConfigurableApplicationContext service = start(refusingTrafficAt);
    this.service = service;
    int port = ((WebServerApplicationContext) service).getWebServer().getPort();
    String nurse = TestIdentityProvider.get().staff("nurse-north", List.of("nurse"), List.of("north"));
    assertThat(get(port, "/readyz", null).statusCode()).isEqualTo(200);
    // The ward has been open a while: the first read's one-off start-up work is behind it.
    assertThat(get(port, "/v1/sites/north/census", nurse).statusCode()).isEqualTo(200);

    CompletableFuture<HttpResponse<String>> census;
    Thread stopping;
    Instant released;
    try (Connection lock = SharedInfrastructure.get().postgres().superUserConnection("monitoring")) {
      lock.setAutoCommit(false);
      lock.createStatement().execute("LOCK TABLE detox_episode IN ACCESS EXCLUSIVE MODE");
      census = CompletableFuture.supplyAsync(() -> uncheckedGet(port, "/v1/sites/north/census", nurse));
      await().atMost(Duration.ofSeconds(10)).until(() -> census.isDone() || waitingOnTheLock(lock));
      assertThat(census).as(() -> "held by the lock, not answered: " + census.join().statusCode() + " "
          + census.join().body()).isNotDone();

      stopping = Thread.ofPlatform().name("sigterm").start(service::close);

      await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(refusingTrafficAt.get()).isNotNull());
      await().atMost(Duration.ofSeconds(5)).untilAsserted(
          () -> assertThat(answerOrRefusal(port, "/readyz", null)).as("readiness while draining").isNotEqualTo(200));
      assertThat(answerOrRefusal(port, "/v1/sites/north/census", nurse))
          .as("a request sent after the stop began: refused at the door (-1), never served or 5xx").isEqualTo(-1);
      assertThat(census).as("the census sent before the stop is still being answered").isNotDone();
      assertThat(stopping.isAlive()).as("the service waits for it").isTrue();

      lock.commit();
      released = Instant.now();
    }

    HttpResponse<String> answered = census.get(DRAIN.toSeconds(), TimeUnit.SECONDS);
    assertThat(answered.statusCode()).isEqualTo(200);
    assertThat(answered.body()).startsWith("[");
    stopping.join(DRAIN.toMillis());
    assertThat(stopping.isAlive()).as("stopped once the request was answered").isFalse();
    assertThat(refusingTrafficAt.get()).isBefore(released);
  }

  private static ConfigurableApplicationContext start(AtomicReference<@Nullable Instant> refusingTrafficAt) {
    SharedInfrastructure infrastructure = SharedInfrastructure.get();
    DatabaseCoordinates db = infrastructure.postgres().database("monitoring");
    TestIdentityProvider idp = TestIdentityProvider.get();
    ApplicationListener<ApplicationEvent> readiness = event -> {
      if (event instanceof AvailabilityChangeEvent<?> change && change.getState() == ReadinessState.REFUSING_TRAFFIC) {
        refusingTrafficAt.compareAndSet(null, Instant.now());
      }
    };
    // As arguments: they outrank application.yml, as a deployment's environment does.
    return new SpringApplicationBuilder(MonitoringApplication.class)
        .listeners(readiness)
        .run("--server.port=0",
            "--spring.datasource.url=" + db.jdbcUrl(),
            "--spring.datasource.username=" + db.username(),
            "--spring.datasource.password=" + db.password(),
            "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
            "--spring.kafka.listener.auto-startup=false",
            "--rehabnet.security.issuer-uri=" + idp.issuer(),
            "--rehabnet.security.jwk-set-uri=" + idp.jwkSetUri());
  }

  private static boolean waitingOnTheLock(Connection lock) throws Exception {
    try (var statement = lock.prepareStatement(
        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE '%detox_episode%'");
        var rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1) > 0;
    }
  }

  /** The status, or -1 when the connection itself is refused (the listener is closed). */
  private static int answerOrRefusal(int port, String path, @Nullable String token) throws Exception {
    try {
      return get(port, path, token).statusCode();
    } catch (ConnectException refused) {
      return -1;
    } catch (IOException closed) {
      // A connection accepted by the kernel before Tomcat paused its acceptor is closed unanswered.
      return -1;
    }
  }

  private static HttpResponse<String> uncheckedGet(int port, String path, String token) {
    try {
      return get(port, path, token);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A new client for each request: a pooled keep-alive connection would hide a closed listener. */
  private static HttpResponse<String> get(int port, String path, @Nullable String token) throws Exception {
    try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
      var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(DRAIN);
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
  }
}
