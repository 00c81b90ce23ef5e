package org.rehabnet.gateway.edge;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.rehabnet.platform.web.security.ProblemServerSecurityHandlers;
import org.rehabnet.platform.web.security.TokenPolicy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/** The gateway's edge behaviour: upstream timeouts and circuit breaking, CORS, size limits, access log, warm-up. */
@Configuration(proxyBeanMethods = false)
class EdgeConfig {

  /**
   * Every route's circuit breaker: a service failing half its recent calls is not called for a while
   * (503 at once). Slow calls are cut by the HTTP client below and count as failures here.
   */
  @Bean
  Customizer<ReactiveResilience4JCircuitBreakerFactory> circuitBreakerDefaults() {
    return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
        .circuitBreakerConfig(CircuitBreakerConfig.custom()
            .slidingWindowSize(20)
            .minimumNumberOfCalls(10)
            .failureRateThreshold(50)
            .waitDurationInOpenState(Duration.ofSeconds(10))
            .build())
        .build());
  }

  /**
   * A service that has not answered within the upstream timeout is cut (504). Timed by Netty on the
   * connection's own event loop: no timer thread is woken per request, unlike a Reactor timeout.
   */
  @Bean
  HttpClientCustomizer upstreamTimeout(@Value("${rehabnet.gateway.upstream-timeout:10s}") Duration upstreamTimeout) {
    return httpClient -> httpClient.responseTimeout(upstreamTimeout);
  }

  /** Only the configured staff-portal origins may call from a browser. */
  @Bean
  CorsConfigurationSource corsConfigurationSource(
      @Value("${rehabnet.gateway.cors.allowed-origins:http://localhost:8090}") List<String> origins) {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(origins);
    cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
    cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "Idempotency-Key", "X-Request-Id",
        "traceparent"));
    cors.setExposedHeaders(List.of("ETag", "Location", "Retry-After", "X-Request-Id", "traceparent"));
    cors.setMaxAge(Duration.ofHours(1));
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/api/**", cors);
    return source;
  }

  @Bean
  RequestSizeLimitFilter requestSizeLimitFilter(
      @Value("${rehabnet.gateway.max-request-size:1MB}") DataSize maximum, ProblemServerSecurityHandlers problems) {
    return new RequestSizeLimitFilter(maximum, problems);
  }

  @Bean
  QueryParameterCheck queryParameterCheck() {
    return new QueryParameterCheck();
  }

  @Bean
  AccessLogFilter accessLogFilter() {
    return new AccessLogFilter();
  }

  /** The request paths sent through before readiness, for each service routed under /api/<service>. */
  @Bean
  WarmUpBeforeReady warmUpBeforeReady(@Value("${rehabnet.gateway.warm-up.requests:2000}") int requests,
      @Value("${rehabnet.gateway.warm-up.duration:20s}") Duration duration, TokenPolicy policy,
      Environment environment, ObjectProvider<MeterRegistry> meters) {
    List<String> services = List.copyOf(Binder.get(environment)
        .bind("rehabnet.routes", Bindable.mapOf(String.class, String.class)).orElse(Map.of()).keySet());
    return new WarmUpBeforeReady(requests, duration, services, policy, environment, meters);
  }
}
