package org.rehabnet.platform.web.overload;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.rehabnet.platform.web.problem.ProblemType;
import org.rehabnet.platform.web.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bounds the requests a service works on at once (see {@link OverloadPolicy}). Turns are given in
 * arrival order; a refused request is answered 503 problem+json with {@code Retry-After: 1} before
 * its token is checked or its body read, so refusing costs almost nothing. The probes are never
 * refused: an overloaded service is alive, and an orchestrator must not restart it for being busy.
 */
public class RequestsInFlight extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(RequestsInFlight.class);
  /** One WARN per overload, not one per refused request. */
  private static final Duration WARN_EVERY = Duration.ofSeconds(30);

  private final OverloadPolicy policy;
  private final Semaphore turns;
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicReference<Instant> lastWarned = new AtomicReference<>(Instant.MIN);
  private final JsonMapper json;
  private final Clock clock;
  private final Counter refusedQueueFull;
  private final Counter refusedWaitedTooLong;

  public RequestsInFlight(OverloadPolicy policy, JsonMapper json, Clock clock, MeterRegistry meters) {
    this.policy = policy;
    this.turns = new Semaphore(policy.maxInFlight(), true);
    this.json = json;
    this.clock = clock;
    this.refusedQueueFull = refused(meters, "queue-full");
    this.refusedWaitedTooLong = refused(meters, "waited-too-long");
    Gauge.builder("rehabnet.http.requests.in.flight", this, RequestsInFlight::inFlight)
        .description("Requests being worked on (at most rehabnet.overload.max-in-flight)").register(meters);
    Gauge.builder("rehabnet.http.requests.queued", queued, AtomicInteger::get)
        .description("Requests waiting for a turn (at most rehabnet.overload.max-queued)").register(meters);
  }

  private static Counter refused(MeterRegistry meters, String reason) {
    return Counter.builder("rehabnet.http.requests.shed")
        .description("Requests answered 503 because the service was at its bound of requests in flight")
        .tag("reason", reason).register(meters);
  }

  public int inFlight() {
    return policy.maxInFlight() - turns.availablePermits();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return path.equals("/livez") || path.equals("/readyz") || path.startsWith("/actuator/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!turns.tryAcquire()) {
      if (queued.incrementAndGet() > policy.maxQueued()) {
        queued.decrementAndGet();
        refuse(request, response, refusedQueueFull);
        return;
      }
      boolean turn;
      try {
        turn = turns.tryAcquire(policy.queueTimeout().toNanos(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        turn = false;
      } finally {
        queued.decrementAndGet();
      }
      if (!turn) {
        refuse(request, response, refusedWaitedTooLong);
        return;
      }
    }
    try {
      chain.doFilter(request, response);
    } finally {
      turns.release();
    }
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, Counter reason) throws IOException {
    reason.increment();
    Instant now = clock.instant();
    Instant last = lastWarned.get();
    if (now.isAfter(last.plus(WARN_EVERY)) && lastWarned.compareAndSet(last, now)) {
      log.warn("Overloaded: {} requests in flight and {} queued; refusing with 503 (rehabnet.overload; "
          + "the rehabnet.http.requests.shed counter has the count)", inFlight(), queued.get());
    }
    response.setStatus(ProblemType.SERVICE_UNAVAILABLE.status().value());
    response.setHeader("Retry-After", "1");
    response.setContentType(Problems.PROBLEM_JSON.toString());
    json.writeValue(response.getOutputStream(), Problems.asMap(Problems.of(ProblemType.SERVICE_UNAVAILABLE,
        "The service is busy; try again in a second", request.getRequestURI())));
  }
}
