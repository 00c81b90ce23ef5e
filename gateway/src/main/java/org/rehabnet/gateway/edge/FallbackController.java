package org.rehabnet.gateway.edge;

import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.web.problem.ProblemType;
import org.rehabnet.platform.web.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where the circuit breaker sends a request whose service is down, failing or too slow: a quick,
 * clear problem instead of a hanging caller. 504 when the service did not answer in time, 503 else.
 */
@RestController
class FallbackController {

  private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

  @RequestMapping("/fallback/{service}")
  ResponseEntity<Map<String, Object>> unavailable(@PathVariable String service, ServerWebExchange exchange) {
    Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
    boolean timedOut = timedOut(cause);
    log.warn("{} answered by the fallback: {}", service, cause == null ? "no cause" : cause.toString());
    ProblemType type = timedOut ? ProblemType.GATEWAY_TIMEOUT : ProblemType.SERVICE_UNAVAILABLE;
    var problem = Problems.of(type, timedOut
        ? "The " + service + " service did not answer in time"
        : "The " + service + " service is unavailable; try again shortly", exchange.getRequest().getPath().value());
    String requestId = exchange.getAttribute(org.rehabnet.platform.web.trace.Correlation.REQUEST_ID_HEADER);
    if (requestId != null) {
      problem.setProperty("requestId", requestId);
    }
    return ResponseEntity.status(type.status())
        .header(HttpHeaders.RETRY_AFTER, "5")
        .contentType(Problems.PROBLEM_JSON)
        .body(Problems.asMap(problem));
  }

  /** The HTTP client's response timeout (Netty's) or a Reactor timeout, possibly wrapped. */
  private static boolean timedOut(@Nullable Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof TimeoutException || t instanceof io.netty.handler.timeout.TimeoutException) {
        return true;
      }
    }
    return false;
  }
}
