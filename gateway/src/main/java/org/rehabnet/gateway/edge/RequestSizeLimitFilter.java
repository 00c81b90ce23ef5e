package org.rehabnet.gateway.edge;

import java.util.Optional;
import org.rehabnet.platform.web.problem.ProblemType;
import org.rehabnet.platform.web.security.ProblemServerSecurityHandlers;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses bodies larger than the configured limit before they reach a service (413). A declared
 * Content-Length is checked at once (HTTP framing then holds the client to it). A body without one
 * (chunked) is read into memory up to the limit before it is forwarded: counted on the bytes that
 * actually arrive, so a 2 MB chunked upload is refused and nothing of it reaches a service, which a
 * header check alone let through.
 */
public class RequestSizeLimitFilter implements WebFilter, Ordered {

  private final DataSize maximum;
  private final ProblemServerSecurityHandlers problems;

  public RequestSizeLimitFilter(DataSize maximum, ProblemServerSecurityHandlers problems) {
    this.maximum = maximum;
    this.problems = problems;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    long length = request.getHeaders().getContentLength();
    if (length > maximum.toBytes()) {
      return tooLarge(exchange);
    }
    if (length >= 0 || !hasBody(request)) {
      return chain.filter(exchange);
    }
    // The rest of the chain runs exactly once: whether a body came is decided before the chain is
    // called. (A switchIfEmpty after the flatMap would run it a second time, because the chain
    // itself completes empty: the second pass then wrote headers onto the committed response and
    // reset the connection.)
    return DataBufferUtils.join(request.getBody(), (int) maximum.toBytes())
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .flatMap(body -> body.isPresent()
            ? chain.filter(exchange.mutate().request(withBody(request, body.get())).build())
            : chain.filter(exchange))
        .onErrorResume(DataBufferLimitException.class, e -> tooLarge(exchange));
  }

  private static boolean hasBody(ServerHttpRequest request) {
    return request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING);
  }

  /** The body read so far, now with its length declared for the service. */
  private static ServerHttpRequest withBody(ServerHttpRequest request, DataBuffer body) {
    HttpHeaders headers = new HttpHeaders();
    headers.putAll(request.getHeaders());
    headers.remove(HttpHeaders.TRANSFER_ENCODING);
    headers.setContentLength(body.readableByteCount());
    return new ServerHttpRequestDecorator(request) {
      @Override
      public HttpHeaders getHeaders() {
        return headers;
      }

      @Override
      public Flux<DataBuffer> getBody() {
        return Flux.just(body);
      }
    };
  }

  private Mono<Void> tooLarge(ServerWebExchange exchange) {
    return problems.write(exchange, ProblemType.PAYLOAD_TOO_LARGE,
        "The request body may be at most " + maximum.toKilobytes() + " KB");
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }
}
