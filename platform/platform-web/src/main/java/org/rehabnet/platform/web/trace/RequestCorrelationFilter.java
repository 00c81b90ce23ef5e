package org.rehabnet.platform.web.trace;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a request id and a W3C traceparent (the tracer's server span, itself a child
 * of the caller's), keeps them in the MDC for logs and outgoing events, and returns them on the
 * response. Runs just inside Spring's observation filter, so the server span is in scope.
 */
public class RequestCorrelationFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Correlation correlation = Correlation.of(request.getHeader(Correlation.REQUEST_ID_HEADER),
        request.getHeader(TraceContext.TRACEPARENT), TraceContext.tracedTraceparent());
    TraceContext.set(correlation.traceparent(), correlation.requestId());
    response.setHeader(Correlation.REQUEST_ID_HEADER, correlation.requestId());
    response.setHeader(TraceContext.TRACEPARENT, correlation.traceparent());
    try {
      chain.doFilter(request, response);
    } finally {
      TraceContext.clear();
    }
  }
}
