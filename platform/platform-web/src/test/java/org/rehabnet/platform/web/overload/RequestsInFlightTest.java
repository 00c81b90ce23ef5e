package org.rehabnet.platform.web.overload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class RequestsInFlightTest {

  private static final Duration QUEUE_TIMEOUT = Duration.ofMillis(300);

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final RequestsInFlight limit = new RequestsInFlight(new OverloadPolicy(2, 1, QUEUE_TIMEOUT),
      JsonMapper.builder().build(), Clock.systemUTC(), meters);
  private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger handled = new AtomicInteger();

  @AfterEach
  void stop() {
    release.countDown();
    callers.shutdownNow();
  }

  @Test
  void aRequestQueuedBehindBusyTurnsIsServedWhenOneFrees() throws Exception {
    occupyBothTurns();
    Future<MockHttpServletResponse> queued = callers.submit(() -> send("/v1/episodes", instantChain()));
    awaitQueued(1);
    release.countDown();

    assertThat(queued.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
    assertThat(handled).hasValue(3);
  }

  @Test
  void beyondTheQueueARequestIsRefusedAtOnceWithRetryAfterAndNeverHandled() throws Exception {
    occupyBothTurns();
    callers.submit(() -> send("/v1/episodes", instantChain()));
    awaitQueued(1);

    long started = System.nanoTime();
    MockHttpServletResponse refused = send("/v1/episodes/x/vital-signs", instantChain());
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(refused.getStatus()).isEqualTo(503);
    assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
    assertThat(refused.getContentType()).isEqualTo("application/problem+json");
    assertThat(refused.getContentAsString())
        .contains("\"type\":\"https://rehabnet.example/problems/service-unavailable\"")
        .contains("\"status\":503").contains("try again in a second");
    assertThat(took).isLessThan(QUEUE_TIMEOUT);
    assertThat(handled).hasValue(2);
    assertThat(meters.get("rehabnet.http.requests.shed").tag("reason", "queue-full").counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void aQueuedRequestThatWaitsPastTheTimeoutIsRefusedAndFreesItsPlaceInTheQueue() throws Exception {
    occupyBothTurns();

    long started = System.nanoTime();
    MockHttpServletResponse refused = send("/v1/episodes", instantChain());
    Duration waited = Duration.ofNanos(System.nanoTime() - started);

    assertThat(refused.getStatus()).isEqualTo(503);
    assertThat(waited).isGreaterThanOrEqualTo(QUEUE_TIMEOUT);
    assertThat(meters.get("rehabnet.http.requests.queued").gauge().value()).isZero();
    assertThat(meters.get("rehabnet.http.requests.shed").tag("reason", "waited-too-long").counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void probesAndActuatorAreAnsweredHoweverBusyTheServiceIs() throws Exception {
    occupyBothTurns();
    callers.submit(() -> send("/v1/episodes", instantChain()));
    awaitQueued(1);

    assertThat(send("/readyz", instantChain()).getStatus()).isEqualTo(200);
    assertThat(send("/livez", instantChain()).getStatus()).isEqualTo(200);
    assertThat(send("/actuator/health", instantChain()).getStatus()).isEqualTo(200);
  }

  @Test
  void aTurnIsGivenBackWhenTheHandlerFails() throws Exception {
    FilterChain failing = (request, response) -> {
      throw new IllegalStateException("handler failed");
    };
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> send("/v1/episodes", failing)).hasMessage("handler failed");
    }

    assertThat(limit.inFlight()).isZero();
    assertThat(send("/v1/episodes", instantChain()).getStatus()).isEqualTo(200);
  }

  @Test
  void aPolicyThatCouldNeverServeAnythingIsRefusedAtStart() {
    assertThatThrownBy(() -> new OverloadPolicy(0, 10, QUEUE_TIMEOUT))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max-in-flight");
  }

  private void occupyBothTurns() throws InterruptedException {
    CountDownLatch inside = new CountDownLatch(2);
    FilterChain blocking = (request, response) -> {
      handled.incrementAndGet();
      inside.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    callers.submit(() -> send("/v1/episodes", blocking));
    callers.submit(() -> send("/v1/episodes", blocking));
    assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(limit.inFlight()).isEqualTo(2);
  }

  private void awaitQueued(int expected) throws InterruptedException {
    long deadline = System.nanoTime() + QUEUE_TIMEOUT.toNanos() / 2;
    while (meters.get("rehabnet.http.requests.queued").gauge().value() < expected) {
      assertThat(System.nanoTime()).as("a request queued in time").isLessThan(deadline);
      Thread.sleep(1);
    }
  }

  private FilterChain instantChain() {
    return (request, response) -> handled.incrementAndGet();
  }

  private MockHttpServletResponse send(String path, FilterChain chain) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
    MockHttpServletResponse response = new MockHttpServletResponse();
    limit.doFilter(request, response, chain);
    return response;
  }
}
