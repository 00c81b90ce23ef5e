package org.rehabnet.test.scoping;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Walks a service's staff routes as its own {@link RequestMappingHandlerMapping} declares them, so a
 * route added tomorrow is walked without anyone writing a test for it (42 CFR Part 2: another site's
 * record must not be told apart from one that does not exist).
 *
 * <p>Every route under {@code /v1} that names a record (a path variable, or a query parameter the walk
 * knows as an id, such as {@code site}) is called twice with a token of a foreign site holding every
 * staff role: once with the ids of a real record of the home site, once with unknown ids. Both must
 * answer 404 problem+json with the same type, title, fields and detail (the ids aside); a GET route
 * is also read by the home site's own staff with the same ids, who must get 200 (so a walk with a
 * mistyped id cannot pass by answering 404 to everyone). Every
 * {@code /v1} route, id or not, is also called with a partner organisation's token and must answer
 * 403 problem+json. A route taking a body needs a valid sample body (else the walk fails and says
 * so: validation would answer 400 first and hide the site check); a route left out needs a reason.
 */
public final class ForeignSiteWalk {

  private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");

  /** One route: method, pattern, its id-bearing path variables and query parameters, and whether it takes a body. */
  public record Route(String method, String pattern, List<String> pathVariables, List<String> queryIds,
      boolean takesBody) {

    public String key() {
      return method + " " + pattern;
    }

    boolean bearsIds() {
      return !pathVariables.isEmpty() || !queryIds.isEmpty();
    }
  }

  /** What the walk found. */
  public record Report(int idRoutes, int idCases, int partnerRoutes, List<String> excluded) {}

  private record Ids(String home, String unknown) {}

  private final List<Route> routes;
  private final Map<String, Ids> ids = new LinkedHashMap<>();
  private final Map<String, Map<String, Ids>> idsPerRoute = new LinkedHashMap<>();
  private final Map<String, String> bodies = new LinkedHashMap<>();
  private final Map<String, String> queries = new LinkedHashMap<>();
  private final Map<String, String> excluded = new LinkedHashMap<>();
  private final Map<String, String> headers = new LinkedHashMap<>();

  private ForeignSiteWalk(List<Route> routes) {
    this.routes = routes;
    // A change that needs the version read (If-Match) is not refused for a missing header before the site check.
    headers.put("If-Match", "\"0\"");
  }

  /** The service's staff routes, read from its request mappings. */
  public static ForeignSiteWalk of(RequestMappingHandlerMapping mapping, Set<String> queryIdNames) {
    List<Route> routes = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
      RequestMappingInfo info = entry.getKey();
      HandlerMethod handler = entry.getValue();
      boolean takesBody = false;
      List<String> queryIds = new ArrayList<>();
      for (var parameter : handler.getMethodParameters()) {
        RequestBody body = parameter.getParameterAnnotation(RequestBody.class);
        takesBody |= body != null && body.required();
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null) {
          String name = !param.name().isEmpty() ? param.name()
              : !param.value().isEmpty() ? param.value() : String.valueOf(parameter.getParameterName());
          if (queryIdNames.contains(name)) {
            queryIds.add(name);
          }
        }
      }
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPatternValues()) {
        if (!pattern.startsWith("/v1/")) {
          continue; // the partner API, API documents and /error are not staff routes
        }
        List<String> variables = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(pattern);
        while (matcher.find()) {
          variables.add(matcher.group(1));
        }
        for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
          routes.add(new Route(method.name(), pattern, List.copyOf(variables), List.copyOf(queryIds), takesBody));
        }
      }
    }
    routes.sort(Comparator.comparing(Route::pattern).thenComparing(Route::method));
    return new ForeignSiteWalk(List.copyOf(routes));
  }

  public List<Route> routes() {
    return routes;
  }

  /** A path variable or query id: its value for the home site's real record, and an unknown value. */
  public ForeignSiteWalk id(String name, Object home, Object unknown) {
    ids.put(name, new Ids(String.valueOf(home), String.valueOf(unknown)));
    return this;
  }

  /** The same name means another kind of record on this route (a follow-up task, an outreach task). */
  public ForeignSiteWalk id(String route, String name, Object home, Object unknown) {
    idsPerRoute.computeIfAbsent(route, r -> new LinkedHashMap<>()).put(name, new Ids(String.valueOf(home),
        String.valueOf(unknown)));
    return this;
  }

  /** A valid body for a route that takes one, so the site check, not validation, answers. */
  public ForeignSiteWalk body(String route, String json) {
    bodies.put(route, json);
    return this;
  }

  /** Further query parameters a route requires that are not ids (a date range). */
  public ForeignSiteWalk query(String route, String query) {
    queries.put(route, query);
    return this;
  }

  /** A route the walk leaves out, and why (shown in the report). */
  public ForeignSiteWalk exclude(String route, String reason) {
    excluded.put(route, reason);
    return this;
  }

  /**
   * Calls every id-bearing route with the foreign token, home ids then unknown ids, and every /v1
   * route with the partner token; throws one AssertionError listing every route that told them apart.
   */
  public Report walk(ApiClient api, String foreignStaffToken, String partnerToken, String homeStaffToken) {
    List<String> failures = new ArrayList<>();
    Set<String> known = new TreeSet<>();
    routes.forEach(route -> known.add(route.key()));
    excluded.keySet().stream().filter(key -> !known.contains(key))
        .forEach(key -> failures.add(key + ": excluded but no such route (remove the exclusion)"));
    int idRoutes = 0;
    int idCases = 0;
    Set<String> walkedPartner = new LinkedHashSet<>();
    for (Route route : routes) {
      String body = bodies.get(route.key());
      if (route.takesBody() && body == null && route.bearsIds() && !excluded.containsKey(route.key())) {
        failures.add(route.key() + ": takes a body; give the walk a valid sample body (or exclude it with a reason)");
        continue;
      }
      // The partner is refused at the security filter, before any body is read.
      ApiResponse partner = api.send(route.method(), url(route, true), partnerToken,
          body == null && route.takesBody() ? "{}" : body, headers);
      walkedPartner.add(route.key());
      if (partner.status() != 403 || !partner.isProblem()) {
        failures.add(route.key() + ": partner token answered " + partner.status() + " (want 403 problem+json)");
      }
      if (!route.bearsIds() || excluded.containsKey(route.key())) {
        continue;
      }
      idRoutes++;
      ApiResponse foreign = api.send(route.method(), url(route, true), foreignStaffToken, body, headers);
      ApiResponse unknown = api.send(route.method(), url(route, false), foreignStaffToken, body, headers);
      idCases += 2;
      String difference = difference(route, foreign, unknown);
      if (difference != null) {
        failures.add(route.key() + ": " + difference);
      }
      if (route.method().equals("GET")) {
        // The control: the home site's own staff read the same ids, so the 404s above are not a typo.
        ApiResponse own = api.send("GET", url(route, true), homeStaffToken, null, headers);
        idCases++;
        if (own.status() != 200) {
          failures.add(route.key() + ": the home site's own staff got " + own.status() + " for the home ids (want 200;"
              + " are the ids real?)");
        }
      }
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(failures.size() + " route(s) tell another site's record from an unknown one,"
          + " or let a partner in:\n  " + String.join("\n  ", failures));
    }
    List<String> reasons = excluded.entrySet().stream().map(e -> e.getKey() + " — " + e.getValue()).toList();
    return new Report(idRoutes, idCases, walkedPartner.size(), reasons);
  }

  private @Nullable String difference(Route route, ApiResponse foreign, ApiResponse unknown) {
    if (foreign.status() != 404 || unknown.status() != 404) {
      return "foreign record answered " + foreign.status() + ", unknown " + unknown.status() + " (want 404 both): "
          + abbreviate(foreign.body());
    }
    if (!foreign.isProblem() || !unknown.isProblem()) {
      return "a 404 that is not problem+json";
    }
    JsonNode a = foreign.json();
    JsonNode b = unknown.json();
    for (String field : List.of("type", "title", "status")) {
      if (!String.valueOf(a.get(field)).equals(String.valueOf(b.get(field)))) {
        return field + " differs: " + a.get(field) + " vs " + b.get(field);
      }
    }
    if (!Set.copyOf(a.propertyNames()).equals(Set.copyOf(b.propertyNames()))) {
      return "fields differ: " + a.propertyNames() + " vs " + b.propertyNames();
    }
    String detailA = masked(route, String.valueOf(a.get("detail")), true);
    String detailB = masked(route, String.valueOf(b.get("detail")), false);
    return detailA.equals(detailB) ? null : "detail differs: " + detailA + " vs " + detailB;
  }

  private String masked(Route route, String text, boolean home) {
    String masked = text;
    for (String name : names(route)) {
      Ids value = ids(route, name);
      if (value != null) {
        masked = masked.replace(home ? value.home() : value.unknown(), "{" + name + "}");
      }
    }
    return masked;
  }

  private String url(Route route, boolean home) {
    String path = route.pattern();
    for (String name : route.pathVariables()) {
      path = path.replaceFirst("\\{" + Pattern.quote(name) + "(?::[^}]*)?}",
          Matcher.quoteReplacement(encode(value(route, name, home))));
    }
    StringBuilder query = new StringBuilder(queries.containsKey(route.key()) ? "?" + queries.get(route.key()) : "");
    for (String name : route.queryIds()) {
      query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(encode(value(route, name, home)));
    }
    return path + query;
  }

  private List<String> names(Route route) {
    List<String> names = new ArrayList<>(route.pathVariables());
    names.addAll(route.queryIds());
    return names;
  }

  private String value(Route route, String name, boolean home) {
    Ids value = ids(route, name);
    if (value == null && excluded.containsKey(route.key())) {
      return "00000000-0000-0000-0000-000000000000"; // only the partner walks it
    }
    if (value == null) {
      throw new AssertionError(route.key() + ": the walk has no id for {" + name + "}; give it one with id(...)");
    }
    return home ? value.home() : value.unknown();
  }

  private @Nullable Ids ids(Route route, String name) {
    Map<String, Ids> own = idsPerRoute.get(route.key());
    return own != null && own.containsKey(name) ? own.get(name) : ids.get(name);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String abbreviate(String body) {
    return body.length() <= 240 ? body : body.substring(0, 240) + "…";
  }
}
