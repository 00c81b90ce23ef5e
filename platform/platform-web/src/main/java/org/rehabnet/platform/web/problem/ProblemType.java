package org.rehabnet.platform.web.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * The kinds of problem RehabNet answers, each with a stable {@code type} URI (RFC 9457) that
 * clients may branch on. Titles are fixed per kind; details say what happened without patient data.
 */
public enum ProblemType {
  VALIDATION(HttpStatus.BAD_REQUEST, "validation", "The request is not valid"),
  MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "malformed-request", "The request body cannot be read"),
  REQUEST_REJECTED(HttpStatus.BAD_REQUEST, "request-rejected",
      "The request's path, parameters or headers hold characters that are not allowed"),
  UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication is required"),
  FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Your role does not allow this"),
  WRONG_SITE(HttpStatus.FORBIDDEN, "wrong-site", "You do not work at this site"),
  NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),
  CONFLICT(HttpStatus.CONFLICT, "conflict", "The request conflicts with the current state"),
  STALE_VERSION(HttpStatus.PRECONDITION_FAILED, "stale-version", "The record was changed by someone else"),
  CONSENT_REQUIRED(HttpStatus.FORBIDDEN, "consent-required", "No active consent covers this disclosure"),
  UNSAFE_DOSE(HttpStatus.UNPROCESSABLE_CONTENT, "unsafe-dose", "The dose breaks a safety rule"),
  BUSINESS_RULE(HttpStatus.UNPROCESSABLE_CONTENT, "business-rule", "The request breaks a rule"),
  METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"),
  UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type"),
  PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "The request is too large"),
  TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests"),
  SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "The service is unavailable"),
  GATEWAY_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "gateway-timeout", "The service did not answer in time"),
  INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Something went wrong on our side");

  /** Base of every problem type URI. */
  public static final String BASE = "https://rehabnet.example/problems/";

  private final HttpStatus status;
  private final String slug;
  private final String title;

  ProblemType(HttpStatus status, String slug, String title) {
    this.status = status;
    this.slug = slug;
    this.title = title;
  }

  public HttpStatus status() {
    return status;
  }

  public URI uri() {
    return URI.create(BASE + slug);
  }

  public String title() {
    return title;
  }
}
