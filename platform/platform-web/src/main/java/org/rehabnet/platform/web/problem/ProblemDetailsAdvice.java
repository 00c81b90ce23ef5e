package org.rehabnet.platform.web.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.web.audit.AuditAction;
import org.rehabnet.platform.web.audit.AuditOutcome;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.json.RefusedInput;
import org.rehabnet.platform.web.trace.TraceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.validation.BindingResult;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.DatabindException;

/**
 * Every error a servlet service answers, as RFC 9457 problem+json with a stable type URI, the
 * offending fields and the request id.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  private final ObjectProvider<AuditTrail> audit;

  public ProblemDetailsAdvice(ObjectProvider<AuditTrail> audit) {
    this.audit = audit;
  }

  @ExceptionHandler(DomainProblem.class)
  ResponseEntity<ProblemDetail> domainProblem(DomainProblem problem, HttpServletRequest request) {
    ProblemDetail body = Problems.of(problem.type(), problem.getMessage(), request.getRequestURI());
    problem.properties().forEach(body::setProperty);
    auditRefusal(request, switch (problem.type()) {
      case NOT_FOUND -> AuditOutcome.NOT_FOUND;
      case VALIDATION, MALFORMED_REQUEST, BUSINESS_RULE, UNSAFE_DOSE, CONFLICT, STALE_VERSION -> AuditOutcome.INVALID;
      default -> AuditOutcome.REFUSED;
    }, problem.type().name());
    return respond(body);
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e, HttpServletRequest request) {
    List<FieldError> errors = e.getConstraintViolations().stream()
        .map(v -> new FieldError(leaf(v.getPropertyPath().toString()), v.getMessage()))
        .sorted(Comparator.comparing(FieldError::field))
        .toList();
    return respond(validation(errors, request.getRequestURI()));
  }

  @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
  ResponseEntity<ProblemDetail> accessDenied(RuntimeException e, HttpServletRequest request) {
    auditRefusal(request, AuditOutcome.REFUSED, "role");
    return respond(Problems.of(ProblemType.FORBIDDEN, "Your role does not allow this request",
        request.getRequestURI()));
  }

  @ExceptionHandler(OptimisticLockingFailureException.class)
  ResponseEntity<ProblemDetail> staleVersion(OptimisticLockingFailureException e, HttpServletRequest request) {
    return respond(Problems.of(ProblemType.STALE_VERSION,
        "The record was changed since you read it; reload and try again", request.getRequestURI()));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    if (DatabaseUnavailable.causedBy(e)) {
      // Not a fault of the request or the code: one line, no stack trace per request while it lasts.
      log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
      return ResponseEntity.status(ProblemType.SERVICE_UNAVAILABLE.status())
          .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS))
          .contentType(Problems.PROBLEM_JSON)
          .body(Problems.of(ProblemType.SERVICE_UNAVAILABLE,
              "The database is unavailable; try again shortly (a retry with the same Idempotency-Key is safe)", request.getRequestURI()));
    }
    log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
    auditRefusal(request, AuditOutcome.ERROR, e.getClass().getSimpleName());
    return respond(Problems.of(ProblemType.INTERNAL,
        "An unexpected error occurred; quote the request id when you report it", request.getRequestURI()));
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return asObject(respond(validation(fieldErrors(e.getBindingResult()), path(request))));
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldError> errors = e.getParameterValidationResults().stream()
        .flatMap(result -> result.getResolvableErrors().stream()
            .map(error -> new FieldError(result.getMethodParameter().getParameterName() == null
                ? "parameter" : result.getMethodParameter().getParameterName(),
                String.valueOf(error.getDefaultMessage()))))
        .toList();
    return asObject(respond(validation(errors, path(request))));
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail body;
    if (e.getCause() instanceof RefusedInput refused && !jsonPath(refused).isEmpty()) {
      body = validation(List.of(new FieldError(jsonPath(refused), refused.reason())), path(request));
    } else if (e.getCause() instanceof DatabindException databind && !jsonPath(databind).isEmpty()) {
      body = validation(List.of(new FieldError(jsonPath(databind), "has a value of the wrong type or format")),
          path(request));
    } else {
      body = Problems.of(ProblemType.MALFORMED_REQUEST, "The request body is missing or is not valid JSON",
          path(request));
    }
    return asObject(respond(body));
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHttpRequestMethodNotSupported(
      HttpRequestMethodNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return asObject(respond(Problems.of(ProblemType.METHOD_NOT_ALLOWED,
        e.getMethod() + " is not supported here", path(request))));
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHttpMediaTypeNotSupported(
      HttpMediaTypeNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return asObject(respond(Problems.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
        "Send application/json", path(request))));
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return asObject(respond(Problems.of(ProblemType.NOT_FOUND, "No such endpoint", path(request))));
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleTypeMismatch(
      org.springframework.beans.TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
    return asObject(respond(validation(List.of(new FieldError(name == null ? "parameter" : name,
        "has a value of the wrong type or format")), path(request))));
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    // Whatever Spring MVC maps itself (missing parameter, not acceptable ...) gets our type URI too.
    ProblemDetail problem = body instanceof ProblemDetail p ? p : ProblemDetail.forStatus(status);
    if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
      problem.setType(java.net.URI.create(ProblemType.BASE + (status.is4xxClientError() ? "bad-request" : "internal")));
    }
    String requestId = TraceContext.currentRequestId();
    if (requestId != null) {
      problem.setProperty("requestId", requestId);
    }
    return ResponseEntity.status(status).headers(headers).contentType(Problems.PROBLEM_JSON).body(problem);
  }

  /** Refusals and failures are audited too: a denied look at a record is itself a fact to keep. */
  private void auditRefusal(HttpServletRequest request, AuditOutcome outcome, String reason) {
    audit.ifAvailable(trail -> trail.record(AuditAction.ACCESS, "http",
        request.getMethod() + " " + request.getRequestURI(), null, null, outcome, reason));
  }

  static ProblemDetail validation(List<FieldError> errors, @Nullable String path) {
    String detail = errors.isEmpty() ? "The request is not valid"
        : "Invalid fields: " + String.join(", ", errors.stream().map(FieldError::field).distinct().toList());
    ProblemDetail problem = Problems.of(ProblemType.VALIDATION, detail, path);
    problem.setProperty("errors", errors);
    return problem;
  }

  private static List<FieldError> fieldErrors(BindingResult result) {
    var fields = result.getFieldErrors().stream()
        .map(e -> new FieldError(e.getField(), String.valueOf(e.getDefaultMessage())));
    var globals = result.getGlobalErrors().stream()
        .map(e -> new FieldError(e.getObjectName(), String.valueOf(e.getDefaultMessage())));
    return java.util.stream.Stream.concat(fields, globals)
        .sorted(Comparator.comparing(FieldError::field)).toList();
  }

  private static String jsonPath(DatabindException e) {
    StringBuilder path = new StringBuilder();
    for (var reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String leaf(String propertyPath) {
    // "admit.request.patient.familyName" -> "patient.familyName": drop the method and argument names.
    String[] parts = propertyPath.split("\\.");
    return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : propertyPath;
  }

  private static @Nullable String path(WebRequest request) {
    return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : null;
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail body) {
    return ResponseEntity.status(body.getStatus()).contentType(Problems.PROBLEM_JSON).body(body);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> response) {
    return (ResponseEntity) response;
  }
}
