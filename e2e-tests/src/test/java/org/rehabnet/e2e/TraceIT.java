package org.rehabnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import tools.jackson.databind.JsonNode;

/**
 * One admission, one trace: the id the gateway returns in {@code traceparent} leads, in a real Zipkin
 * server, from the gateway's span through intake's request and its Kafka send to monitoring's
 * consumer and the transaction that wrote the episode. What an on-call engineer follows when an
 * admission does not show on the ward.
 */
class TraceIT {

  private final PlatformUnderTest platform = PlatformUnderTest.get();

  @Test
  void oneTraceLeadsFromTheGatewayRequestToTheEpisodeWrittenAtMonitoring() {
    var zipkin = platform.zipkin();
    ApiResponse admitted = new Journeys(platform.gateway).admission(platform.token("intake-north"), "north",
        "Tr" + UUID.randomUUID().toString().substring(0, 8), "1979-02-03");
    String traceparent = admitted.header("traceparent");
    assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    String traceId = traceparent.substring(3, 35);
    String admissionId = admitted.json().get("admissionId").asString();
    String nurse = platform.token("nurse-north");
    await("the episode").atMost(Duration.ofSeconds(30)).until(
        () -> platform.gateway.get("/api/monitoring/v1/admissions/" + admissionId + "/episode", nurse).status() == 200);

    // Spans reach Zipkin within a second or so of ending (Brave's reporter batches them).
    List<JsonNode> spans = await("the trace in Zipkin").atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> zipkin.trace(traceId), found -> episodeWrite(found) != null
            && spanOf(found, "intake-service", "PRODUCER") != null
            && spanOf(found, "gateway", "SERVER") != null);

    JsonNode write = episodeWrite(spans);
    Map<String, JsonNode> byId = spans.stream().collect(Collectors.toMap(s -> s.get("id").asString(),
        Function.identity(), (a, b) -> a));
    List<String> path = new ArrayList<>();
    JsonNode span = write;
    while (span != null) {
      path.add(service(span) + ":" + (span.has("kind") ? span.get("kind").asString() : "LOCAL"));
      span = span.has("parentId") ? byId.get(span.get("parentId").asString()) : null;
    }
    System.out.printf("Trace %s from the episode write back to the door: %s%n", traceId, path);
    assertThat(path).as("parent chain of monitoring's episode write").startsWith("monitoring-service:LOCAL")
        .contains("monitoring-service:CONSUMER", "intake-service:PRODUCER", "intake-service:SERVER")
        .endsWith("gateway:SERVER");
    // Inside the write, its SQL: one span per statement, the text with placeholders and no values.
    List<JsonNode> statements = spans.stream()
        .filter(s -> "monitoring-service".equals(service(s)) && descendsFrom(s, write, byId) && s.has("tags")
            && s.get("tags").has("jdbc.query[0]"))
        .toList();
    assertThat(statements).as("JDBC spans inside the episode write")
        .anySatisfy(s -> assertThat(s.get("tags").get("jdbc.query[0]").asString()).containsIgnoringCase("detox_episode"));
    assertThat(spans).as("no bound parameter value in any span")
        .allSatisfy(s -> assertThat(s.has("tags") ? s.get("tags").propertyNames() : List.<String>of())
            .noneMatch(tag -> tag.startsWith("jdbc.params")));
    assertThat(spans).as("every span belongs to the one trace")
        .allSatisfy(s -> assertThat(s.get("traceId").asString()).isEqualTo(traceId));
  }

  private static boolean descendsFrom(JsonNode span, JsonNode ancestor, Map<String, JsonNode> byId) {
    JsonNode parent = span;
    while (parent != null && parent.has("parentId")) {
      if (parent.get("parentId").asString().equals(ancestor.get("id").asString())) {
        return true;
      }
      parent = byId.get(parent.get("parentId").asString());
    }
    return false;
  }

  /** The inbox's span around the transaction that opened the episode. */
  private static JsonNode episodeWrite(List<JsonNode> spans) {
    return spans.stream()
        .filter(s -> "monitoring-service".equals(service(s)) && s.has("name")
            && s.get("name").asString().equalsIgnoreCase("monitoring.episode.admissions AdmissionRecorded"))
        .findFirst().orElse(null);
  }

  private static JsonNode spanOf(List<JsonNode> spans, String service, String kind) {
    return spans.stream().filter(s -> service.equals(service(s)) && s.has("kind") && kind.equals(s.get("kind").asString()))
        .findFirst().orElse(null);
  }

  private static String service(JsonNode span) {
    return span.has("localEndpoint") && span.get("localEndpoint").has("serviceName")
        ? span.get("localEndpoint").get("serviceName").asString()
        : "?";
  }
}
