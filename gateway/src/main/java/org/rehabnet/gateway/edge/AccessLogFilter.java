package org.rehabnet.gateway.edge;

import org.rehabnet.platform.web.trace.Correlation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * One line per request: method, path (never the query string, which may carry names), status,
 * duration and request id. No headers, no bodies, no token contents.
 */
public class AccessLogFilter implements WebFilter, Ordered {

  private static final Logger log = LoggerFactory.getLogger("rehabnet.gateway.access");

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    long started = System.nanoTime();
    return chain.filter(exchange).doFinally(signal -> {
      var status = exchange.getResponse().getStatusCode();
      log.info("{} {} {} {}ms request={}", exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(),
          status == null ? "-" : status.value(), (System.nanoTime() - started) / 1_000_000,
          exchange.getAttributeOrDefault(Correlation.REQUEST_ID_HEADER, "-"));
    });
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 1;
  }
}
