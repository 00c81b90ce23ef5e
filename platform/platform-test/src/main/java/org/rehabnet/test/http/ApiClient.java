package org.rehabnet.test.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Sends JSON requests with an optional bearer token, the way a portal or partner client would. */
public final class ApiClient {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;

  public ApiClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public ApiResponse get(String path, @Nullable String token) {
    return send("GET", path, token, null, Map.of());
  }

  public ApiResponse post(String path, @Nullable String token, Object body) {
    return send("POST", path, token, body instanceof String s ? s : JSON.writeValueAsString(body), Map.of());
  }

  /** A body as JSON text. */
  public static String json(Object body) {
    return JSON.writeValueAsString(body);
  }

  public ApiResponse send(String method, String path, @Nullable String token, @Nullable String body,
      Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      Map<String, String> responseHeaders = new LinkedHashMap<>();
      response.headers().map().forEach((name, values) -> responseHeaders.put(name.toLowerCase(), values.getFirst()));
      return new ApiResponse(response.statusCode(), responseHeaders, response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A response: status, headers (lower-case names) and body. */
  public record ApiResponse(int status, Map<String, String> headers, String body) {

    public JsonNode json() {
      return JSON.readTree(body);
    }

    public @Nullable String header(String name) {
      return headers.get(name.toLowerCase());
    }

    public boolean isProblem() {
      String type = header("content-type");
      return type != null && type.startsWith("application/problem+json");
    }
  }
}
