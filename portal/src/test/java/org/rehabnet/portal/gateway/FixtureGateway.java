package org.rehabnet.portal.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.rehabnet.portal.PortalProperties;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The gateway's answers for the portal's own tests and render benchmark: the portal's pages are what
 * is tested here; the gateway, the services and Keycloak are tested for real in e2e-tests.
 */
public class FixtureGateway extends Gateway {

  private final Map<String, Object> answers = new ConcurrentHashMap<>();
  private final Map<String, GatewayProblem> refusals = new ConcurrentHashMap<>();
  public final List<String> posted = new CopyOnWriteArrayList<>();
  /** The Idempotency-Key of each create, in order. */
  public final List<String> idempotencyKeys = new CopyOnWriteArrayList<>();
  /** The body of each create sent with an Idempotency-Key, in order. */
  public final List<Object> bodies = new CopyOnWriteArrayList<>();
  /** The start of the window each windowed read asked for, by path ("default": the list's own). */
  public final Map<String, String> windows = new ConcurrentHashMap<>();
  /** Each page read by hand, in order: its path, and {@code &cursor=} the cursor when it had one. */
  public final List<String> pages = new CopyOnWriteArrayList<>();

  public FixtureGateway(PortalProperties properties) {
    super(properties, request -> null);
  }

  public FixtureGateway answer(String path, Object body) {
    answers.put(path, body);
    return this;
  }

  public FixtureGateway refuse(String path, int status, Map<String, Object> problem) {
    refusals.put(path, new GatewayProblem(status, problem));
    return this;
  }

  /** A paged list whose answers carry no {@code X-Total-Count}, as a list may answer. */
  public FixtureGateway answerUncounted(String path, List<Map<String, Object>> rows) {
    answers.put(path, new Uncounted(rows));
    return this;
  }

  private record Uncounted(List<Map<String, Object>> rows) {}

  public void clear() {
    answers.clear();
    refusals.clear();
    posted.clear();
    idempotencyKeys.clear();
    bodies.clear();
    windows.clear();
    pages.clear();
  }

  @Override
  public String token() {
    return "fixture-token";
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map<String, Object> getAs(String token, String path, Object... variables) {
    return (Map<String, Object>) answer(path, variables);
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> listAs(String token, String path, Object... variables) {
    return (List<Map<String, Object>>) answer(path, variables);
  }

  /** The fixture holds each list whole under its path; the window each page asked for is kept. */
  @Override
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> listWindowAs(String token, @Nullable Instant from, String path,
      Object... variables) {
    windows.put(expand(path, variables), from == null ? "default" : from.toString());
    return (List<Map<String, Object>>) answer(path, variables);
  }

  /** The fixture holds each paged object whole under its path. */
  @Override
  @SuppressWarnings("unchecked")
  public Map<String, Object> getPagedAs(String token, String items, String path, Object... variables) {
    windows.put(expand(path, variables), "default");
    return (Map<String, Object>) answer(path, variables);
  }

  /**
   * The fixture holds each paged list whole under its path (limit included) and pages it by the
   * path's {@code limit}; its cursors name a row by its place, and one it did not give out is the
   * service's 400.
   */
  @Override
  @SuppressWarnings("unchecked")
  public Page pageAs(String token, @Nullable String cursor, String path, Object... variables) {
    String expanded = expand(path, variables);
    pages.add(cursor == null ? expanded : expanded + "&cursor=" + cursor);
    Object answer = answer(path, variables);
    boolean counted = !(answer instanceof Uncounted);
    List<Map<String, Object>> rows = answer instanceof Uncounted uncounted ? uncounted.rows()
        : (List<Map<String, Object>>) answer;
    String limit = UriComponentsBuilder.fromUriString(expanded).build().getQueryParams().getFirst("limit");
    int size = limit == null ? 100 : Integer.parseInt(limit);
    int start = cursor == null ? 0 : place(cursor, rows.size());
    int end = Math.min(rows.size(), start + size);
    return new Page(rows.subList(start, end), counted ? (long) rows.size() : null,
        end < rows.size() ? cursorAt(end) : null);
  }

  static String cursorAt(int row) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("row-" + row).getBytes(StandardCharsets.UTF_8));
  }

  private static int place(String cursor, int rows) {
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int row = Integer.parseInt(decoded.substring("row-".length()));
      if (decoded.startsWith("row-") && row > 0 && row < rows) {
        return row;
      }
    } catch (IllegalArgumentException | IndexOutOfBoundsException notOurs) {
      // refused below, as a service refuses a cursor it did not write
    }
    throw new GatewayProblem(400, Map.of("title", "Invalid request", "errors", List.of(Map.of("field", "cursor",
        "message", "is not a cursor this list gave out; start again without it"))));
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map<String, Object> getWindowAs(String token, Instant from, String path, Object... variables) {
    windows.put(expand(path, variables), from.toString());
    return (Map<String, Object>) answer(path, variables);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map<String, Object> post(String path, @Nullable Object body, Object... variables) {
    String expanded = expand(path, variables);
    posted.add(expanded);
    // "POST path" refuses only the create, so a page that also reads the same path can show the refusal.
    GatewayProblem refusal = refusals.getOrDefault("POST " + expanded, refusals.get(expanded));
    if (refusal != null) {
      throw refusal;
    }
    Object answer = answers.get("POST " + expanded);
    return answer == null ? Map.of() : (Map<String, Object>) answer;
  }

  @Override
  public Map<String, Object> postOnce(String idempotencyKey, String path, Object body, Object... variables) {
    idempotencyKeys.add(idempotencyKey);
    bodies.add(body);
    return post(path, body, variables);
  }

  @Override
  public Map<String, Object> put(String path, Object body, Object... variables) {
    posted.add("PUT " + expand(path, variables));
    return Map.of();
  }

  private Object answer(String path, Object... variables) {
    String expanded = expand(path, variables);
    GatewayProblem refusal = refusals.get(expanded);
    if (refusal != null) {
      throw refusal;
    }
    Object answer = answers.get(expanded);
    if (answer == null) {
      throw new GatewayProblem(404, Map.of("title", "Not found", "type", "https://rehabnet.example/problems/not-found"));
    }
    return answer;
  }

  private static String expand(String path, Object... variables) {
    return UriComponentsBuilder.fromUriString(path).buildAndExpand(variables).toUriString();
  }
}
