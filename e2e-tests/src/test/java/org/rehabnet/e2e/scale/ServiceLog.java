package org.rehabnet.e2e.scale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one run of a service says it did, read from its JSON log lines (Boot's Logstash layout):
 * the event inbox logs each event it applies ({@code <consumer> processed <type> <id>}) or skips as
 * already applied ({@code <consumer> skips duplicate <type> <id>}), the overdue check how many
 * alerts a tick raised. Logs carry ids only, so this is all a test can and needs to read.
 */
final class ServiceLog {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern HANDLED = Pattern.compile(
      "^(\\S+) (processed|skips duplicate) (\\S+) ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$");
  private static final Pattern OVERDUE_TICK = Pattern.compile("^Raised (\\d+) overdue-assessment alerts$");

  private final Path file;

  ServiceLog(Path file) {
    this.file = file;
  }

  /** One event the inbox handled. */
  record Handled(Instant at, String consumer, boolean applied, UUID eventId) {}

  /** Every event this run's consumer handled, in log order. */
  List<Handled> handled(String consumer) {
    List<Handled> found = new ArrayList<>();
    for (Entry entry : entries(consumer)) {
      Matcher m = HANDLED.matcher(entry.message());
      if (m.matches() && m.group(1).equals(consumer)) {
        found.add(new Handled(entry.at(), consumer, m.group(2).equals("processed"), UUID.fromString(m.group(4))));
      }
    }
    return found;
  }

  /** When this run's consumer first applied an event, if it has. */
  Optional<Instant> firstApplied(String consumer) {
    return handled(consumer).stream().filter(Handled::applied).map(Handled::at).findFirst();
  }

  /** When this run's consumer was first given partitions (Spring Kafka logs each assignment). */
  Optional<Instant> firstAssigned(String consumer) {
    String assigned = consumer + ": partitions assigned: [";
    return entries(assigned).stream().filter(entry -> entry.message().startsWith(assigned)
        && !entry.message().startsWith(assigned + "]")).map(Entry::at).findFirst();
  }

  /** The overdue-assessment alerts this run raised, tick by tick (ticks that raised none do not log). */
  List<Integer> overdueAlertsPerTick() {
    List<Integer> ticks = new ArrayList<>();
    for (Entry entry : entries("overdue-assessment alerts")) {
      Matcher m = OVERDUE_TICK.matcher(entry.message());
      if (m.matches()) {
        ticks.add(Integer.parseInt(m.group(1)));
      }
    }
    return ticks;
  }

  private record Entry(Instant at, String message) {}

  private List<Entry> entries(String containing) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    List<Entry> entries = new ArrayList<>();
    for (String line : lines) {
      // A line still being written, or the JVM's own output, is not an entry.
      if (!line.contains(containing) || !line.startsWith("{") || !line.endsWith("}")) {
        continue;
      }
      JsonNode node = JSON.readTree(line);
      JsonNode message = node.get("message");
      JsonNode timestamp = node.get("@timestamp");
      if (message != null && timestamp != null) {
        entries.add(new Entry(OffsetDateTime.parse(timestamp.asString()).toInstant(), message.asString()));
      }
    }
    return entries;
  }

  Path file() {
    return file;
  }

  @Override
  public String toString() {
    return file.getFileName().toString();
  }
}
