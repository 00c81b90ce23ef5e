package org.rehabnet.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./rehabnet bench} lifts the gateway's budgets by itself and puts them back, so nobody has to
 * restart the platform by hand with other settings for a load test: the real function of the
 * launcher, sourced, against a stand-in management port that answers as the gateway's
 * {@code /actuator/ratelimits} does, and a stand-in launcher that records each restart's budget.
 */
class LauncherBenchBudgetsTest {

  @TempDir
  Path tmp;

  private HttpServer gateway;

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.stop(0);
    }
  }

  @Test
  void theGatewayIsRestartedWithLiftedBudgetsForTheBenchmarkAndWithItsOwnAfterwards() throws Exception {
    servesBudgets(300);

    int exit = benchmark();

    assertThat(exit).isZero();
    assertThat(Files.readAllLines(tmp.resolve("record"))).containsExactly(
        "restart gateway per-user=100000000 per-client=100000000",
        "benchmark ran",
        "restart gateway per-user=configured per-client=configured");
  }

  @Test
  void budgetsAlreadyLiftedAreLeftAsTheyAre() throws Exception {
    servesBudgets(100_000_000);

    int exit = benchmark();

    assertThat(exit).isZero();
    assertThat(Files.readAllLines(tmp.resolve("record"))).containsExactly("benchmark ran");
  }

  /** {@code ./rehabnet status} reads each service's outbox from the same management port. */
  @Test
  void statusShowsAServicesOutboxBacklogFromItsScrape() throws Exception {
    gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    byte[] scrape = ("rehabnet_outbox_backlog{application=\"monitoring-service\"} 3.0\n"
        + "rehabnet_outbox_oldest_age_seconds{application=\"monitoring-service\"} 12.4\n")
        .getBytes(StandardCharsets.UTF_8);
    gateway.createContext("/actuator/prometheus", exchange -> {
      exchange.sendResponseHeaders(200, scrape.length);
      exchange.getResponseBody().write(scrape);
      exchange.close();
    });
    gateway.start();
    String script = """
        source "$REHABNET"
        MANAGEMENT_PORT[monitoring]=%d
        { outbox_of monitoring; echo; outbox_of kafka; echo '|'; } >>"$TMP/record"
        """.formatted(gateway.getAddress().getPort());
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(tmp.resolve("out.log").toFile()));
    builder.environment().put("REHABNET", ManifestCheck.REPOSITORY.resolve("rehabnet").toString());
    builder.environment().put("TMP", tmp.toString());
    Process process = builder.start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readAllLines(tmp.resolve("record")))
        .containsExactly(", outbox 3 waiting (oldest 12 s)", "|");
  }

  private void servesBudgets(long perUser) throws IOException {
    gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    byte[] body = ("{\"enabled\":true,\"store\":\"instance\",\"perClient\":{\"requests\":1200,\"period\":\"PT1M\"},"
        + "\"perUser\":{\"requests\":" + perUser + ",\"period\":\"PT1M\"},\"clients\":{}}")
        .getBytes(StandardCharsets.UTF_8);
    gateway.createContext("/actuator/ratelimits", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    gateway.start();
  }

  private int benchmark() throws Exception {
    Path fakeRoot = Files.createDirectories(tmp.resolve("root"));
    Path launcher = fakeRoot.resolve("rehabnet");
    Files.writeString(launcher, """
        #!/usr/bin/env bash
        echo "$* per-user=${REHABNET_GATEWAY_RATELIMIT_PERUSER_REQUESTS:-configured} \
        per-client=${REHABNET_GATEWAY_RATELIMIT_PERCLIENT_REQUESTS:-configured}" >>"$TMP/record"
        """);
    assertThat(launcher.toFile().setExecutable(true)).isTrue();
    String script = """
        source "$REHABNET"
        ROOT="$TMP/root"
        MANAGEMENT_PORT[gateway]=%d
        ( lift_gateway_budgets; echo "benchmark ran" >>"$TMP/record" )
        """.formatted(gateway.getAddress().getPort());
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", script)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(tmp.resolve("out.log").toFile()));
    builder.environment().put("REHABNET", ManifestCheck.REPOSITORY.resolve("rehabnet").toString());
    builder.environment().put("TMP", tmp.toString());
    builder.environment().keySet().removeIf(name -> name.startsWith("REHABNET_GATEWAY_RATELIMIT"));
    Process process = builder.start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the launcher ended").isTrue();
    assertThat(process.exitValue()).as(output()).isZero();
    return process.exitValue();
  }

  private String output() throws IOException {
    Path out = tmp.resolve("out.log");
    return Files.exists(out) ? Files.readString(out) : "";
  }
}
