package org.rehabnet.gateway.edge;

import org.rehabnet.platform.web.problem.ProblemType;
import org.rehabnet.platform.web.security.ProblemServerSecurityHandlers;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Refuses bodies larger than the configured limit before they reach a service (413). */
public class RequestSizeLimitFilter implements WebFilter, Ordered {

  private final DataSize maximum;
  private final ProblemServerSecurityHandlers problems;

  public RequestSizeLimitFilter(DataSize maximum, ProblemServerSecurityHandlers problems) {
    this.maximum = maximum;
    this.problems = problems;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    long length = exchange.getRequest().getHeaders().getContentLength();
    if (length > maximum.toBytes()) {
      return problems.write(exchange, ProblemType.PAYLOAD_TOO_LARGE,
          "The request body may be at most " + maximum.toKilobytes() + " KB");
    }
    return chain.filter(exchange);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }
}
