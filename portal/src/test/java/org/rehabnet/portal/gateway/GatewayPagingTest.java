package org.rehabnet.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rehabnet.portal.PortalProperties;

/**
 * The gateway client follows a list's Link rel="next" to its end, resolving the query-only link against
 * the list's own path with the user's token on every page, against a real HTTP server on loopback.
 */
class GatewayPagingTest {

  HttpServer server;
  final List<String> asked = new CopyOnWriteArrayList<>();
  final List<String> tokens = new CopyOnWriteArrayList<>();
  Gateway gateway;

  @BeforeEach
  void server() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/monitoring/v1/episodes/e1/vital-signs", exchange -> {
      String query = exchange.getRequestURI().getRawQuery();
      asked.add(query);
      tokens.add(exchange.getRequestHeaders().getFirst("Authorization"));
      String body;
      if (query.contains("cursor=c2")) {
        body = "[{\"n\":3}]";
      } else if (query.contains("cursor=c1")) {
        body = "[{\"n\":2}]";
        exchange.getResponseHeaders().add("Link", "<?from=2026-03-01T00%3A00%3A00Z&limit=1&cursor=c2>; rel=\"next\"");
      } else {
        body = "[{\"n\":1}]";
        exchange.getResponseHeaders().add("Link", "<?from=2026-03-01T00%3A00%3A00Z&limit=1&cursor=c1>; rel=\"next\"");
      }
      exchange.getResponseHeaders().add("X-Total-Count", "3");
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.createContext("/api/monitoring/v1/episodes/e2/alerts", exchange -> {
      // A list that never ends: the client must stop.
      exchange.getResponseHeaders().add("Link", "<?cursor=again>; rel=\"next\"");
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, 2);
      exchange.getResponseBody().write("[]".getBytes(StandardCharsets.UTF_8));
      exchange.close();
    });
    server.createContext("/api/aftercare/v1/plans/p1/contingency", exchange -> {
      String query = exchange.getRequestURI().getRawQuery();
      asked.add(String.valueOf(query));
      String body;
      if (query != null && query.contains("cursor=c1")) {
        body = "{\"balanceCents\":750,\"entries\":[{\"n\":2}]}";
      } else {
        body = "{\"balanceCents\":750,\"streak\":2,\"entries\":[{\"n\":1}]}";
        exchange.getResponseHeaders().add("Link", "<?from=2025-12-01T00%3A00%3A00Z&limit=1&cursor=c1>; rel=\"next\"");
      }
      exchange.getResponseHeaders().add("X-Total-Count", "2");
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.createContext("/api/intake/v1/audit/events", exchange -> {
      String query = exchange.getRequestURI().getRawQuery();
      asked.add(query);
      tokens.add(exchange.getRequestHeaders().getFirst("Authorization"));
      if (query.contains("actor=elsewhere")) {
        exchange.getResponseHeaders().add("Link", "<http://169.254.169.254/latest?cursor=c2>; rel=\"next\"");
      } else if (query.contains("actor=uncounted")) {
        // The last page of a list that does not count: neither header.
      } else if (!query.contains("cursor=")) {
        exchange.getResponseHeaders().add("X-Total-Count", "450");
        exchange.getResponseHeaders().add("Link",
            "<?from=2026-11-01T00%3A00%3A00Z&to=2026-12-01T00%3A00%3A00Z&limit=200&cursor=AQ-_x%3D&actor=a%26b>; "
                + "rel=\"next\"");
      } else {
        exchange.getResponseHeaders().add("X-Total-Count", "450");
      }
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      byte[] bytes = "[{\"n\":1}]".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
    gateway = new Gateway(new PortalProperties(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
        Duration.ofSeconds(5), Duration.ofMinutes(15), Duration.ofMinutes(2), Duration.ofSeconds(10), List.of()),
        request -> null);
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void followsNextToTheEndAndAsksTheFirstPageFromTheStartOfItsWindow() {
    List<Map<String, Object>> rows = gateway.listWindowAs("t0k3n", Instant.parse("2026-03-01T00:00:00Z"),
        "/api/monitoring/v1/episodes/{id}/vital-signs", "e1");
    assertThat(rows).extracting(row -> row.get("n")).containsExactly(1, 2, 3);
    assertThat(asked).hasSize(3);
    assertThat(asked.getFirst()).isEqualTo("from=2026-03-01T00:00:00Z");
    assertThat(asked.get(1)).isEqualTo("from=2026-03-01T00%3A00%3A00Z&limit=1&cursor=c1");
    assertThat(tokens).containsOnly("Bearer t0k3n");
  }

  @Test
  void aPagedObjectIsTheFirstPagesObjectWithEveryPagesItems() {
    Map<String, Object> ledger = gateway.getPagedAs("t0k3n", "entries", "/api/aftercare/v1/plans/{id}/contingency",
        "p1");
    assertThat(ledger).containsEntry("balanceCents", 750).containsEntry("streak", 2);
    List<Object> entries = ((List<?>) ledger.get("entries")).stream().map(entry -> ((Map<?, ?>) entry).get("n"))
        .map(Object.class::cast).toList();
    assertThat(entries).containsExactly(1, 2);
    assertThat(asked).containsExactly("null", "from=2025-12-01T00%3A00%3A00Z&limit=1&cursor=c1");
  }

  @Test
  void aListThatNeverEndsIsAProblemNotALoop() {
    assertThatThrownBy(() -> gateway.listWindowAs("t", null, "/api/monitoring/v1/episodes/{id}/alerts", "e2"))
        .isInstanceOf(GatewayProblem.class);
  }

  @Test
  void aPageByHandIsOnePageWithTheWindowsCountAndOnlyTheNextLinksCursor() {
    Gateway.Page first = gateway.pageAs("t0k3n", null, "/api/intake/v1/audit/events?from={f}&limit=200&actor={a}",
        "2026-11-01T00:00Z", "a&b");
    assertThat(first.rows()).hasSize(1);
    assertThat(first.total()).isEqualTo(450L);
    assertThat(first.next()).isEqualTo("AQ-_x=");
    // A name's '&' stays inside its parameter: the filter cannot add one of its own.
    assertThat(asked).containsExactly("from=2026-11-01T00%3A00Z&limit=200&actor=a%26b");

    Gateway.Page second = gateway.pageAs("t0k3n", first.next(),
        "/api/intake/v1/audit/events?from={f}&limit=200&actor={a}", "2026-11-01T00:00Z", "a&b");
    assertThat(second.total()).isEqualTo(450L);
    assertThat(second.next()).isNull();
    assertThat(asked.get(1)).isEqualTo("from=2026-11-01T00%3A00Z&limit=200&actor=a%26b&cursor=AQ-_x%3D");
    assertThat(tokens).containsOnly("Bearer t0k3n");
  }

  @Test
  void aPageThatDoesNotCountHasNoTotal() {
    Gateway.Page page = gateway.pageAs("t", null, "/api/intake/v1/audit/events?actor={a}", "uncounted");
    assertThat(page.total()).isNull();
    assertThat(page.next()).isNull();
  }

  @Test
  void aNextLinkAwayFromTheListIsAProblemNotARequest() {
    assertThatThrownBy(() -> gateway.pageAs("t", null, "/api/intake/v1/audit/events?actor={a}", "elsewhere"))
        .isInstanceOf(GatewayProblem.class).extracting(problem -> ((GatewayProblem) problem).status())
        .isEqualTo(502);
    assertThat(asked).hasSize(1);
  }
}
