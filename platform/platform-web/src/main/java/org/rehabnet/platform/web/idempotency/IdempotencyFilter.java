package org.rehabnet.platform.web.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.web.audit.AuditAction;
import org.rehabnet.platform.web.audit.AuditOutcome;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.problem.FieldError;
import org.rehabnet.platform.web.problem.ProblemType;
import org.rehabnet.platform.web.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Honours {@code Idempotency-Key} on every POST of the service: the same caller, key, path and body
 * within the retention (24 h) gets the first answer again (with {@code Idempotent-Replayed: true})
 * and nothing happens twice; the same key with another path or body is 422.
 *
 * <p>The request runs inside one transaction that the service's own transactions join, so the
 * claimed key, the effect, its audit rows and its outbox entries commit together or not at all.
 * Only a 2xx answer is kept: a refusal changes nothing, so its retry is decided afresh.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED = "Idempotent-Replayed";
  /** The gateway's body limit; a body this size is not held in memory twice. */
  static final int MAX_BODY = 1024 * 1024;
  static final int MAX_KEY = 200;

  private final IdempotentAnswers answers;
  private final PlatformTransactionManager transactions;
  private final JsonMapper json;
  private final AuditTrail audit;

  public IdempotencyFilter(IdempotentAnswers answers, PlatformTransactionManager transactions, JsonMapper json,
      AuditTrail audit) {
    this.answers = answers;
    this.transactions = transactions;
    this.json = json;
    this.audit = audit;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String key = request.getHeader(HEADER);
    String caller = caller();
    if (caller == null) {
      // Not authenticated: the security chain has answered already or will; keys mean nothing here.
      chain.doFilter(request, response);
      return;
    }
    if (!wellFormed(key)) {
      write(response, validationProblem(request));
      return;
    }
    byte[] body = readBody(request);
    if (body == null) {
      write(response, Problems.of(ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than 1 MB",
          request.getRequestURI()));
      return;
    }
    String fingerprint = fingerprint(request, body);

    TransactionStatus tx = transactions.getTransaction(new DefaultTransactionDefinition());
    boolean kept = false;
    try {
      if (!answers.claim(caller, key, fingerprint)) {
        Optional<IdempotentAnswers.Answer> earlier = answers.answerOf(caller, key);
        transactions.rollback(tx);
        kept = true;
        replay(request, response, fingerprint, earlier);
        return;
      }
      ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
      chain.doFilter(new CachedBodyRequest(request, body), captured);
      int status = captured.getStatus();
      if (status >= 200 && status < 300 && !tx.isRollbackOnly()) {
        answers.complete(caller, key, status, captured.getContentType(), captured.getHeader(HttpHeaders.LOCATION),
            captured.getContentAsByteArray());
        transactions.commit(tx);
      } else {
        // A refusal (or a 2xx whose work was marked for rollback) keeps neither the key nor any effect.
        tx.setRollbackOnly();
        transactions.commit(tx);
      }
      kept = true;
      captured.copyBodyToResponse();
    } finally {
      if (!kept && !tx.isCompleted()) {
        transactions.rollback(tx);
      }
    }
  }

  private void replay(HttpServletRequest request, HttpServletResponse response, String fingerprint,
      Optional<IdempotentAnswers.Answer> earlier) throws IOException {
    if (earlier.isEmpty() || !earlier.get().fingerprint().equals(fingerprint)) {
      // The key was used for another request (or, within the same instant, is still unanswered).
      ProblemDetail problem = Problems.of(ProblemType.BUSINESS_RULE,
          "This Idempotency-Key was already used for a different request; use a new key for a new request",
          request.getRequestURI());
      problem.setProperty("rule", "IDEMPOTENCY_KEY_REUSED");
      write(response, problem);
      return;
    }
    IdempotentAnswers.Answer answer = earlier.get();
    // The replayed body is the record as first written: its disclosure to the caller is an access too.
    audit.record(AuditAction.READ, "IdempotentReplay", request.getRequestURI(), null, null, AuditOutcome.SUCCESS,
        null);
    response.setStatus(answer.status());
    if (answer.contentType() != null) {
      response.setContentType(answer.contentType());
    }
    if (answer.location() != null) {
      response.setHeader(HttpHeaders.LOCATION, answer.location());
    }
    response.setHeader(REPLAYED, "true");
    response.setContentLength(answer.body().length);
    response.getOutputStream().write(answer.body());
  }

  private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
    response.setStatus(problem.getStatus());
    response.setContentType(Problems.PROBLEM_JSON.toString());
    json.writeValue(response.getOutputStream(), Problems.asMap(problem));
  }

  private static ProblemDetail validationProblem(HttpServletRequest request) {
    String message = "must be 1 to " + MAX_KEY + " visible ASCII characters";
    ProblemDetail problem = Problems.of(ProblemType.VALIDATION, "Invalid fields: " + HEADER, request.getRequestURI());
    problem.setProperty("errors", List.of(new FieldError(HEADER, message)));
    return problem;
  }

  static boolean wellFormed(@Nullable String key) {
    if (key == null || key.isEmpty() || key.length() > MAX_KEY) {
      return false;
    }
    return key.chars().allMatch(c -> c > 0x20 && c < 0x7f);
  }

  /** The body, or null when it is larger than the limit. */
  private static byte @Nullable [] readBody(HttpServletRequest request) throws IOException {
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(MAX_BODY + 1);
      return body.length > MAX_BODY ? null : body;
    }
  }

  /** The same key may only ever mean one request: method, path, query and body. */
  static String fingerprint(HttpServletRequest request, byte[] body) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(request.getMethod().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(request.getRequestURI().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      if (request.getQueryString() != null) {
        digest.update(request.getQueryString().getBytes(StandardCharsets.UTF_8));
      }
      digest.update((byte) 0);
      digest.update(body);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static @Nullable String caller() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication instanceof JwtAuthenticationToken token ? token.getToken().getSubject() : null;
  }

  /** Lets the handler read the body the filter has already read. */
  private static final class CachedBodyRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous reads only");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body),
          encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
