package org.rehabnet.gateway.edge;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Reads the query parameters once at the door, right after Spring Security's firewall wrapped the
 * request. The firewall checks parameters only when someone reads them, and the gateway forwards
 * the query unread, so without this a NUL or a bidirectional override in a parameter would travel
 * to a service. A refusal surfaces through the firewall's handler as a request-rejected problem.
 */
public class QueryParameterCheck implements WebFilter, Ordered {

  /** Just inside Spring Security's WebFilterChainProxy (-100), which holds the firewalled exchange. */
  static final int ORDER = -99;

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    return Mono.fromRunnable(() -> exchange.getRequest().getQueryParams()).then(Mono.defer(() -> chain.filter(exchange)));
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
