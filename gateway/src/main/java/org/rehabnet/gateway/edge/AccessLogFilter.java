package org.rehabnet.gateway.edge;

import org.rehabnet.platform.web.trace.Correlation;
import org.rehabnet.platform.web.trace.TraceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * One line per request: method, path (never the query string, which may carry names), status,
 * duration and request id, with the request's traceId and spanId so that the on-call engineer goes
 * from the door's line to the trace. No headers, no bodies, no token contents.
 */
public class AccessLogFilter implements WebFilter, Ordered {

  private static final Logger log = LoggerFactory.getLogger("rehabnet.gateway.access");

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (WarmUpBeforeReady.isWarmUp(exchange)) {
      return chain.filter(exchange);
    }
    long started = System.nanoTime();
    return chain.filter(exchange).doFinally(signal -> {
      var status = exchange.getResponse().getStatusCode();
      // The reactive chain carries no MDC of its own; the traceparent the correlation filter made
      // for this exchange names the gateway's server span.
      String traceparent = exchange.getAttribute(TraceContext.TRACEPARENT);
      boolean traced = traceparent != null && traceparent.length() == 55;
      if (traced) {
        MDC.put("traceId", traceparent.substring(3, 35));
        MDC.put("spanId", traceparent.substring(36, 52));
      }
      try {
        log.info("{} {} {} {}ms request={}", exchange.getRequest().getMethod(),
            exchange.getRequest().getPath().value(), status == null ? "-" : status.value(),
            (System.nanoTime() - started) / 1_000_000, exchange.getAttributeOrDefault(Correlation.REQUEST_ID_HEADER, "-"));
      } finally {
        if (traced) {
          MDC.remove("traceId");
          MDC.remove("spanId");
        }
      }
    });
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 1;
  }
}
