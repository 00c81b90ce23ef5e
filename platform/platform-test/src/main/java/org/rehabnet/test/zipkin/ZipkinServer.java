package org.rehabnet.test.zipkin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.rehabnet.test.process.ManagedProcess;
import org.rehabnet.test.process.Ports;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Zipkin server (the {@code io.zipkin:zipkin-server} exec jar from Maven Central, copied by
 * the build, see e2e-tests/pom.xml) with in-memory storage on a free port: the trace backend the
 * platform's processes export to in end-to-end tests, queried through its own API.
 */
public final class ZipkinServer implements AutoCloseable {

  public static final String JAR_PROPERTY = "rehabnet.zipkin.jar";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ManagedProcess process;
  private final int port;

  private ZipkinServer(ManagedProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts the jar named by the {@value #JAR_PROPERTY} system property; call {@link #awaitReady}. */
  public static ZipkinServer start(Path logDir) {
    return start(Ports.free(), logDir);
  }

  /** On a port chosen earlier, so processes started before it already know where to send spans. */
  public static ZipkinServer start(int port, Path logDir) {
    String jar = System.getProperty(JAR_PROPERTY);
    if (jar == null) {
      throw new IllegalStateException("Set -D" + JAR_PROPERTY + " to io.zipkin:zipkin-server's exec jar");
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ManagedProcess process = ManagedProcess.start("zipkin",
        List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar),
        Map.of("QUERY_PORT", Integer.toString(port), "STORAGE_TYPE", "mem"),
        URI.create("http://127.0.0.1:" + port + "/health"), logDir);
    return new ZipkinServer(process, port);
  }

  public ZipkinServer awaitReady(Duration timeout) {
    process.awaitHealthy(timeout);
    return this;
  }

  /** Where Spring Boot's Zipkin exporter sends spans (REHABNET_ZIPKIN_ENDPOINT). */
  public String spansEndpoint() {
    return spansEndpoint(port);
  }

  public static String spansEndpoint(int port) {
    return "http://127.0.0.1:" + port + "/api/v2/spans";
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** The spans of one trace as Zipkin's v2 API returns them; empty while none has arrived. */
  public List<JsonNode> trace(String traceId) {
    try {
      HttpResponse<String> response = HTTP.send(
          HttpRequest.newBuilder(URI.create(url() + "/api/v2/trace/" + traceId)).timeout(Duration.ofSeconds(5))
              .build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 404) {
        return List.of();
      }
      if (response.statusCode() != 200) {
        throw new IllegalStateException("Zipkin answered " + response.statusCode() + ": " + response.body());
      }
      return JSON.readTree(response.body()).valueStream().toList();
    } catch (IOException e) {
      throw new IllegalStateException("Zipkin did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    process.close();
  }
}
