package org.rehabnet.platform.web.trace;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * At the gateway: every request gets a request id and a traceparent, passed on to the service and
 * returned to the caller, also when the gateway itself answers (401, 429, 503). The traceparent is
 * the gateway's server span (WebFlux observes each request before any filter runs), so the
 * service's span is its child and the whole request is one trace in the backend.
 */
public class RequestCorrelationWebFilter implements WebFilter, Ordered {

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    var headers = exchange.getRequest().getHeaders();
    Correlation correlation = Correlation.of(headers.getFirst(Correlation.REQUEST_ID_HEADER),
        headers.getFirst(TraceContext.TRACEPARENT), serverSpan(exchange));
    ServerHttpRequest request = exchange.getRequest().mutate()
        .headers(h -> {
          h.set(Correlation.REQUEST_ID_HEADER, correlation.requestId());
          h.set(TraceContext.TRACEPARENT, correlation.traceparent());
        })
        .build();
    exchange.getAttributes().put(Correlation.REQUEST_ID_HEADER, correlation.requestId());
    exchange.getAttributes().put(TraceContext.TRACEPARENT, correlation.traceparent());
    // Set as the response is committed, whoever answers: over a routed service's own copies (its
    // traceparent names its span, not the caller's), and never on headers already sent.
    exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> {
      exchange.getResponse().getHeaders().set(Correlation.REQUEST_ID_HEADER, correlation.requestId());
      exchange.getResponse().getHeaders().set(TraceContext.TRACEPARENT, correlation.traceparent());
    }));
    return chain.filter(exchange.mutate().request(request).build());
  }

  /** The traceparent of the tracer's span for this exchange, or null without a tracer. */
  private static @Nullable String serverSpan(ServerWebExchange exchange) {
    TracingContext tracing = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
        .<TracingContext>map(context -> context.get(TracingContext.class))
        .orElse(null);
    Span span = tracing == null ? null : tracing.getSpan();
    if (span == null || span.isNoop()) {
      return null;
    }
    var context = span.context();
    String traceId = context.traceId();
    return "00-" + "0".repeat(Math.max(0, 32 - traceId.length())) + traceId + "-" + context.spanId()
        + (Boolean.TRUE.equals(context.sampled()) ? "-01" : "-00");
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
