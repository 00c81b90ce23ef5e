package org.rehabnet.portal.gateway;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.rehabnet.portal.PortalProperties;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.BufferingClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The portal's only way to data: the gateway's {@code /api}, with the signed-in user's own access token
 * (from the authorized client manager, which refreshes it when it has expired). Every answer that is
 * not 2xx becomes a {@link GatewayProblem}.
 */
@Component
public class Gateway {

  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {};
  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
      new ParameterizedTypeReference<>() {};
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final Pattern NEXT = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?next\"?");
  /** A chart's seven days at the ward's busiest is a few pages; a list that never ends is a fault. */
  private static final int MAX_PAGES = 100;

  private final RestClient rest;
  private final String gatewayUri;
  private final OAuth2AuthorizedClientManager authorizedClients;

  Gateway(PortalProperties properties, OAuth2AuthorizedClientManager authorizedClients) {
    var factory = new SimpleClientHttpRequestFactory();
    factory.setConnectTimeout(java.time.Duration.ofSeconds(2));
    factory.setReadTimeout(properties.gatewayTimeout());
    // Buffered, so every body goes with its Content-Length: the gateway's body-size limit met a chunked
    // request body from HttpURLConnection by closing the connection.
    this.rest = RestClient.builder().baseUrl(properties.gatewayUri().toString())
        .requestFactory(new BufferingClientHttpRequestFactory(factory))
        .requestInterceptor(Gateway::unreachableAsProblem)
        .build();
    this.authorizedClients = authorizedClients;
    this.gatewayUri = properties.gatewayUri().toString().replaceAll("/+$", "");
  }

  /**
   * The user's current access token, refreshed if needed. Taken once on the request thread, so that a
   * page may fan its reads out in parallel.
   */
  public String token() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!(authentication instanceof OAuth2AuthenticationToken oauth)) {
      throw new GatewayProblem(401, Map.of("title", "Not signed in"));
    }
    var builder = OAuth2AuthorizeRequest.withClientRegistrationId(oauth.getAuthorizedClientRegistrationId())
        .principal(authentication);
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      builder.attribute(HttpServletRequest.class.getName(), attributes.getRequest());
      if (attributes.getResponse() != null) {
        builder.attribute(HttpServletResponse.class.getName(), attributes.getResponse());
      }
    }
    OAuth2AuthorizedClient client = authorizedClients.authorize(builder.build());
    if (client == null) {
      throw new GatewayProblem(401, Map.of("title", "Not signed in"));
    }
    return client.getAccessToken().getTokenValue();
  }

  /** A read with a token already taken (for parallel reads); named apart so no overload can mistake a path for a token. */
  public Map<String, Object> getAs(String token, String path, Object... variables) {
    return exchange(rest.get().uri(path, variables), token).body(OBJECT);
  }

  public List<Map<String, Object>> listAs(String token, String path, Object... variables) {
    List<Map<String, Object>> body = exchange(rest.get().uri(path, variables), token).body(LIST);
    return body == null ? List.of() : body;
  }

  /**
   * A windowed list whole: from {@code from} (or the list's own default window when null) up to now,
   * page after page by the answers' {@code Link rel="next"} (docs/api.md, "Paging"). The link is a query
   * only, resolved here against the list's path; the window it pins keeps the pages of one read together.
   */
  public List<Map<String, Object>> listWindowAs(String token, @Nullable Instant from, String path,
      Object... variables) {
    UriComponentsBuilder first = UriComponentsBuilder.fromUriString(gatewayUri + path);
    if (from != null) {
      first.queryParam("from", from.toString());
    }
    URI list = first.buildAndExpand(variables).encode().toUri();
    List<Map<String, Object>> rows = new ArrayList<>();
    URI page = list;
    for (int pages = 0; page != null; pages++) {
      if (pages == MAX_PAGES) {
        throw new GatewayProblem(502, Map.of("title", "The list did not end after " + MAX_PAGES + " pages"));
      }
      ResponseEntity<List<Map<String, Object>>> answer = exchange(rest.get().uri(page), token).toEntity(LIST);
      if (answer.getBody() != null) {
        rows.addAll(answer.getBody());
      }
      page = next(list, answer.getHeaders().getOrEmpty(HttpHeaders.LINK));
    }
    return rows;
  }

  /**
   * A paged object whole, in its default window: an object that carries one page of a list under
   * {@code items} (a contingency ledger's entries), with the list's later pages, by {@code Link
   * rel="next"}, appended to it; the rest of the object is the first page's.
   */
  public Map<String, Object> getPagedAs(String token, String items, String path, Object... variables) {
    URI object = UriComponentsBuilder.fromUriString(gatewayUri + path).buildAndExpand(variables).encode().toUri();
    Map<String, Object> whole = null;
    List<Object> rows = new ArrayList<>();
    URI page = object;
    for (int pages = 0; page != null; pages++) {
      if (pages == MAX_PAGES) {
        throw new GatewayProblem(502, Map.of("title", "The list did not end after " + MAX_PAGES + " pages"));
      }
      ResponseEntity<Map<String, Object>> answer = exchange(rest.get().uri(page), token).toEntity(OBJECT);
      Map<String, Object> body = answer.getBody() == null ? Map.of() : answer.getBody();
      if (whole == null) {
        whole = new LinkedHashMap<>(body);
      }
      if (body.get(items) instanceof List<?> list) {
        rows.addAll(list);
      }
      page = next(object, answer.getHeaders().getOrEmpty(HttpHeaders.LINK));
    }
    whole.put(items, rows);
    return whole;
  }

  /**
   * One page of a paged list, as the list answered it: its rows, the whole window's count ({@code
   * X-Total-Count}; null when the list did not say) and the cursor of the next page (null on the last).
   */
  public record Page(List<Map<String, Object>> rows, @Nullable Long total, @Nullable String next) {}

  /**
   * One page of a paged list, the first or the one {@code cursor} names, for a reader who pages by hand
   * (an auditor's tens of thousands of rows are not read whole). Only the next link's {@code cursor} is
   * handed out, and only from a link back to this same list: the next request is built here from the
   * caller's own path, so a page can never send the user's token anywhere a service's answer pointed.
   */
  public Page pageAs(String token, @Nullable String cursor, String path, Object... variables) {
    // Encoded before expansion, so a value's '&' or '=' (an actor's name) stays inside its parameter.
    URI list = UriComponentsBuilder.fromUriString(gatewayUri + path).encode().buildAndExpand(variables).toUri();
    URI page = cursor == null ? list
        : UriComponentsBuilder.fromUri(list).queryParam("cursor", URLEncoder.encode(cursor, StandardCharsets.UTF_8))
            .build(true).toUri();
    ResponseEntity<List<Map<String, Object>>> answer = exchange(rest.get().uri(page), token).toEntity(LIST);
    List<Map<String, Object>> rows = answer.getBody() == null ? List.of() : answer.getBody();
    return new Page(rows, total(answer.getHeaders().getFirst("X-Total-Count")),
        nextCursor(list, answer.getHeaders().getOrEmpty(HttpHeaders.LINK)));
  }

  private static @Nullable Long total(@Nullable String header) {
    if (header == null) {
      return null;
    }
    try {
      return Long.parseLong(header.strip());
    } catch (NumberFormatException notACount) {
      return null;
    }
  }

  static @Nullable String nextCursor(URI list, List<String> links) {
    URI next = next(list, links);
    if (next == null) {
      return null;
    }
    String cursor = UriComponentsBuilder.fromUri(next).build(true).getQueryParams().getFirst("cursor");
    boolean sameList = Objects.equals(next.getScheme(), list.getScheme())
        && Objects.equals(next.getRawAuthority(), list.getRawAuthority())
        && Objects.equals(next.getRawPath(), list.getRawPath());
    if (!sameList || cursor == null) {
      throw new GatewayProblem(502, Map.of("title", "The list's next page is not a page of the same list"));
    }
    return URLDecoder.decode(cursor, StandardCharsets.UTF_8);
  }

  /** A windowed object (a trend) from {@code from} up to now. */
  public Map<String, Object> getWindowAs(String token, Instant from, String path, Object... variables) {
    URI uri = UriComponentsBuilder.fromUriString(gatewayUri + path).queryParam("from", from.toString())
        .buildAndExpand(variables).encode().toUri();
    return exchange(rest.get().uri(uri), token).body(OBJECT);
  }

  static @Nullable URI next(URI list, List<String> links) {
    for (String header : links) {
      Matcher next = NEXT.matcher(header);
      if (next.find()) {
        String target = next.group(1);
        // Query-only, as the services write it; anything else resolves against the list as RFC 3986 says.
        return target.startsWith("?")
            ? UriComponentsBuilder.fromUri(list).replaceQuery(target.substring(1)).build(true).toUri()
            : list.resolve(target);
      }
    }
    return null;
  }

  public Map<String, Object> get(String path, Object... variables) {
    return getAs(token(), path, variables);
  }

  public List<Map<String, Object>> list(String path, Object... variables) {
    return listAs(token(), path, variables);
  }

  /** A windowed list in its default window, whole (see {@link #listWindowAs}). */
  public List<Map<String, Object>> listWindow(String path, Object... variables) {
    return listWindowAs(token(), null, path, variables);
  }

  /** One page of a paged list (see {@link #pageAs}). */
  public Page page(@Nullable String cursor, String path, Object... variables) {
    return pageAs(token(), cursor, path, variables);
  }

  /** A paged object whole, in its default window (see {@link #getPagedAs}). */
  public Map<String, Object> getPaged(String items, String path, Object... variables) {
    return getPagedAs(token(), items, path, variables);
  }

  public Map<String, Object> post(String path, @Nullable Object body, Object... variables) {
    var request = rest.post().uri(path, variables);
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).body(body);
    }
    Map<String, Object> answer = exchange(request, token()).body(OBJECT);
    return answer == null ? Map.of() : answer;
  }

  /**
   * A create that may be retried safely: the key is the one the rendered form carried, so a double
   * submit or a retry after a lost answer gets the original answer (docs/api.md, "Retrying a create").
   */
  public Map<String, Object> postOnce(String idempotencyKey, String path, Object body, Object... variables) {
    var request = rest.post().uri(path, variables).header("Idempotency-Key", idempotencyKey)
        .contentType(MediaType.APPLICATION_JSON).body(body);
    Map<String, Object> answer = exchange(request, token()).body(OBJECT);
    return answer == null ? Map.of() : answer;
  }

  public Map<String, Object> put(String path, Object body, Object... variables) {
    Map<String, Object> answer = exchange(rest.put().uri(path, variables).contentType(MediaType.APPLICATION_JSON)
        .body(body), token()).body(OBJECT);
    return answer == null ? Map.of() : answer;
  }

  /**
   * A gateway that cannot be reached, or does not answer in time, is a problem like any refusal: a
   * page the user can act on (503 or 504, with what to do), not Spring's 500 error page with the
   * transport's exception. A create that timed out may have been recorded; its form carries an
   * Idempotency-Key, so sending it again records it once.
   */
  private static ClientHttpResponse unreachableAsProblem(HttpRequest request, byte[] body,
      ClientHttpRequestExecution execution) throws IOException {
    try {
      ClientHttpResponse response = execution.execute(request, body);
      // The status is read lazily, after this interceptor; a gateway that never answers would time
      // out there, outside it.
      response.getStatusCode();
      return response;
    } catch (SocketTimeoutException | HttpTimeoutException timeout) {
      throw new GatewayProblem(504, Map.of("title", "The platform did not answer in time",
          "detail", HttpMethod.GET.equals(request.getMethod())
              ? "Nothing was changed. Try again in a moment."
              : "What you sent may have been recorded. Send it again: it will not be recorded twice."));
    } catch (IOException unreachable) {
      throw new GatewayProblem(503, Map.of("title", "The platform cannot be reached right now",
          "detail", "Nothing was sent. Try again in a moment; if it lasts, call the service desk."));
    }
  }

  private static RestClient.ResponseSpec exchange(RestClient.RequestHeadersSpec<?> request, String token) {
    return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token).accept(MediaType.APPLICATION_JSON)
        .retrieve().onStatus(HttpStatusCode::isError, (req, response) -> {
          Map<String, Object> problem = new LinkedHashMap<>();
          byte[] body = response.getBody().readAllBytes();
          try {
            if (body.length > 0) {
              problem.putAll(JSON.readValue(body, OBJECT_TYPE));
            }
          } catch (RuntimeException notJson) {
            problem.put("title", "Unexpected answer");
          }
          throw new GatewayProblem(response.getStatusCode().value(), problem);
        });
  }

  private static final tools.jackson.core.type.TypeReference<Map<String, Object>> OBJECT_TYPE =
      new tools.jackson.core.type.TypeReference<>() {};
}
