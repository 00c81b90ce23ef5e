package org.rehabnet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the newest Gatling run's statistics and prints the gateway's figures against the direct
 * baseline taken in the same run: p50/p99 at the fixed arrival rate, and saturation throughput.
 */
public final class BenchReport {

  public static void main(String[] args) throws IOException {
    Path results = Path.of(args.length > 0 ? args[0] : "target/gatling");
    Path stats;
    try (Stream<Path> runs = Files.list(results)) {
      stats = runs.filter(Files::isDirectory)
          .max(Comparator.comparing(p -> p.toFile().lastModified()))
          .map(run -> run.resolve("js/stats.json"))
          .orElseThrow(() -> new IllegalStateException("No Gatling run under " + results));
    }
    JsonNode contents = new ObjectMapper().readTree(stats.toFile()).get("contents");
    Figures direct = figures(contents, "direct-open", "direct-saturation");
    Figures gateway = figures(contents, "gateway-open", "gateway-saturation");
    System.out.printf("%n%-10s %10s %10s %16s %8s%n", "", "p50 ms", "p99 ms", "saturation rps", "errors");
    System.out.printf("%-10s %10d %10d %16.1f %8d%n", "direct", direct.p50, direct.p99, direct.rps, direct.errors);
    System.out.printf("%-10s %10d %10d %16.1f %8d%n", "gateway", gateway.p50, gateway.p99, gateway.rps, gateway.errors);
    double p99Ratio = (double) Math.max(gateway.p99, 1) / Math.max(direct.p99, 1);
    double rpsRatio = gateway.rps / direct.rps;
    System.out.printf("ratio      p50 %.2fx   p99 %.2fx (target <= 1.25x)   throughput %.2fx (target >= 0.5x)%n",
        (double) Math.max(gateway.p50, 1) / Math.max(direct.p50, 1), p99Ratio, rpsRatio);
    System.out.println(p99Ratio <= 1.25 && rpsRatio >= 0.5 ? "TARGETS MET" : "TARGETS NOT MET");
  }

  private record Figures(long p50, long p99, double rps, long errors) {}

  private static Figures figures(JsonNode contents, String open, String saturation) {
    JsonNode openStats = find(contents, open);
    JsonNode saturationStats = find(contents, saturation);
    return new Figures(openStats.get("percentiles1").get("total").asLong(),
        openStats.get("percentiles4").get("total").asLong(),
        saturationStats.get("meanNumberOfRequestsPerSecond").get("total").asDouble(),
        openStats.get("numberOfRequests").get("ko").asLong() + saturationStats.get("numberOfRequests").get("ko").asLong());
  }

  private static JsonNode find(JsonNode contents, String name) {
    for (JsonNode request : contents) {
      if (name.equals(request.get("name").asText())) {
        return request.get("stats");
      }
    }
    throw new IllegalStateException("No request named " + name + " in the Gatling statistics");
  }

  private BenchReport() {}
}
