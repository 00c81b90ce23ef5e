package org.rehabnet.platform.web.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Writes a request's held audit rows (reads in read-only transactions, refusals) after its
 * transaction has given its connection back and before its body is written: the access is on
 * record before the data leaves, and a request never holds two connections. Whatever no body
 * carried (an empty 201, a failure before any body) is written when the request ends.
 */
@ControllerAdvice
public class AuditBeforeDisclosure implements ResponseBodyAdvice<Object> {

  private final AuditTrail audit;

  public AuditBeforeDisclosure(AuditTrail audit) {
    this.audit = audit;
  }

  @Override
  public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType, MediaType contentType,
      Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
      ServerHttpResponse response) {
    audit.writeHeld();
    return body;
  }

  /** Holds the rows for the length of each request and writes what is left at its end. */
  public static class RequestScope extends OncePerRequestFilter {

    private final AuditTrail audit;

    public RequestScope(AuditTrail audit) {
      this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      audit.holdForRequest();
      try {
        chain.doFilter(request, response);
      } finally {
        audit.releaseRequest();
      }
    }
  }
}
