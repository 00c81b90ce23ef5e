package org.rehabnet.e2e.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.rehabnet.platform.events.Topics;

/**
 * Where a stream stopped, for a replica test that timed out: each consumer group's committed offset
 * against the end of every partition of its topic, what its dead-letter topic holds, the rows the
 * databases have, and for each run of each instance whether it is alive and the last ERROR lines it
 * logged. Best effort: a part that cannot be read says so instead of hiding the rest.
 */
final class StreamDiagnosis {

  private static final int ERROR_LINES = 5;

  private final List<String> lines = new ArrayList<>();

  private StreamDiagnosis() {}

  /** Lag per partition for each group (consumer group → topic it reads). */
  static StreamDiagnosis of(String bootstrapServers, Map<String, String> topicByGroup) {
    StreamDiagnosis diagnosis = new StreamDiagnosis();
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
    try (Admin admin = Admin.create(props)) {
      for (var entry : topicByGroup.entrySet()) {
        diagnosis.lag(admin, entry.getKey(), entry.getValue());
        diagnosis.lag(admin, null, Topics.deadLetterTopic(entry.getValue(), entry.getKey()));
      }
    } catch (RuntimeException e) {
      diagnosis.lines.add("broker: cannot be read: " + e);
    }
    return diagnosis;
  }

  private void lag(Admin admin, String group, String topic) {
    try {
      var description = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
      Map<TopicPartition, OffsetSpec> latest = new TreeMap<>((a, b) -> Integer.compare(a.partition(), b.partition()));
      description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
      var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
      if (group == null) {
        long held = ends.values().stream().mapToLong(info -> info.offset()).sum();
        lines.add(String.format(Locale.ROOT, "%s: %d records", topic, held));
        return;
      }
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
      String perPartition = latest.keySet().stream().map(tp -> {
        OffsetAndMetadata at = committed.get(tp);
        long end = ends.get(tp).offset();
        return tp.partition() + ": " + (at == null ? "none" : at.offset()) + "/" + end;
      }).collect(Collectors.joining(", "));
      String members = admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS).get(group)
          .members().stream().map(m -> m.groupInstanceId().orElse(m.consumerId()) + "=" + m.assignment()
              .topicPartitions().stream().map(tp -> Integer.toString(tp.partition())).collect(Collectors.joining("+")))
          .sorted().collect(Collectors.joining(" "));
      lines.add(String.format(Locale.ROOT, "%s on %s, committed/end by partition: %s; members: %s", group, topic,
          perPartition, members.isEmpty() ? "none" : members));
    } catch (Exception e) {
      lines.add(topic + ": cannot be read: " + e);
    }
  }

  StreamDiagnosis withRows(String table, long rows) {
    lines.add(table + ": " + rows + " rows");
    return this;
  }

  /** Each run of each instance: alive or not, ERROR lines logged, the last few of them. */
  StreamDiagnosis withRuns(List<Replica> replicas) {
    for (Replica replica : replicas) {
      var runs = replica.logs();
      for (int run = 0; run < runs.size(); run++) {
        var file = runs.get(run).file();
        try {
          List<String> errors = Files.readAllLines(file).stream().filter(line -> line.contains("\"level\":\"ERROR\""))
              .toList();
          lines.add(String.format(Locale.ROOT, "%s run %d (%s): %d ERROR lines%s", replica, run + 1, file.getFileName(),
              errors.size(), errors.stream().skip(Math.max(0, errors.size() - ERROR_LINES))
                  .map(line -> "\n    " + (line.length() > 400 ? line.substring(0, 400) + "…" : line))
                  .collect(Collectors.joining())));
        } catch (IOException e) {
          lines.add(replica + " run " + (run + 1) + ": log cannot be read: " + e);
        }
      }
      lines.add(replica + " current run alive: " + replica.current().isAlive());
    }
    return this;
  }

  @Override
  public String toString() {
    return String.join("\n", lines);
  }
}
