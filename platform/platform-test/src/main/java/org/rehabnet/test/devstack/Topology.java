package org.rehabnet.test.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The platform's topology as {@code topology.env} at the repository root describes it: the ports of
 * every process and the versions of what runs beside the services. The same file is sourced by
 * {@code ./rehabnet} and read by docker-compose (through {@code .env}), so a port or a partition count
 * changed there moves everywhere. Plain {@code KEY=value} lines; {@code #} starts a comment.
 */
public final class Topology {

  public static final String FILE = "topology.env";

  private final Map<String, String> values;

  private Topology(Map<String, String> values) {
    this.values = values;
  }

  /** The repository's topology, found from the working directory upwards (a module or the root). */
  public static Topology load() {
    String explicit = System.getProperty("rehabnet.topology");
    if (explicit != null) {
      return load(Path.of(explicit));
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(FILE);
      if (Files.isRegularFile(candidate)) {
        return load(candidate);
      }
    }
    throw new IllegalStateException(FILE + " not found above " + Path.of("").toAbsolutePath());
  }

  public static Topology load(Path file) {
    Map<String, String> values = new LinkedHashMap<>();
    try {
      for (String raw : Files.readAllLines(file)) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        int equals = line.indexOf('=');
        if (equals <= 0) {
          throw new IllegalArgumentException(file + ": not KEY=value: " + raw);
        }
        values.put(line.substring(0, equals), line.substring(equals + 1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Topology(values);
  }

  public String value(String key) {
    String value = values.get(key);
    if (value == null) {
      throw new IllegalArgumentException(key + " is not in " + FILE);
    }
    return value;
  }

  public int port(String key) {
    return Integer.parseInt(value(key));
  }

  /** Partitions of a topic created on first use. */
  public int partitions() {
    return port("KAFKA_PARTITIONS");
  }

  /** Replicas of each service's topics ({@code rehabnet.events.replicas}); 1 for the one-broker dev stack. */
  public int replication() {
    return port("KAFKA_REPLICATION");
  }

  public Map<String, String> values() {
    return Map.copyOf(values);
  }
}
