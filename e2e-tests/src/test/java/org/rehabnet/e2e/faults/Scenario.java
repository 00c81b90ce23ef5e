package org.rehabnet.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One fault under a steady stream of traffic, and its account: from the ids every 2xx answer
 * carried, how many events were produced, applied by their consumer (rows counted by id), applied
 * twice or lost, what answered 2xx is missing, and how long until an admission made after the fault
 * opened its episode. {@link #finish} adds the scenario's row to the caller's table. Shared by the
 * fault suite and the three-broker test.
 */
class Scenario {

  static final Duration SETTLE = Duration.ofSeconds(60);

  /** A markdown table of the scenarios' rows under a title. */
  static String table(String title, List<String> rows) {
    StringBuilder table = new StringBuilder("# " + title + """


        | fault | events produced | applied | duplicates | lost | answered 2xx, missing | time to recover | \
        time to publish after return | WARN/ERROR lines (intake, monitoring, aftercare) | scenario |
        |---|---|---|---|---|---|---|---|---|---|
        """);
    rows.forEach(r -> table.append(r).append('\n'));
    return table.toString();
  }

  static long count(FaultPlatform platform, String service, String sql, Collection<UUID> ids) throws SQLException {
    try (Connection c = platform.db(service); var statement = c.prepareStatement(sql)) {
      if (ids != null) {
        statement.setArray(1, c.createArrayOf("uuid", ids.toArray()));
      }
      try (var rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** For each id, how many rows name it. */
  private Map<UUID, Long> rowsPer(String service, String sql, Collection<UUID> ids) throws SQLException {
    Map<UUID, Long> found = new HashMap<>();
    try (Connection c = platform.db(service); var statement = c.prepareStatement(sql)) {
      statement.setArray(1, c.createArrayOf("uuid", ids.toArray()));
      try (var rs = statement.executeQuery()) {
        while (rs.next()) {
          found.put(rs.getObject(1, UUID.class), rs.getLong(2));
        }
      }
    }
    return found;
  }

  private final FaultPlatform platform;
  private final List<String> rows;
  private final String name;
  private final Instant started = Instant.now();
  private final Map<Path, Long> logOffsets = new HashMap<>();
  private Traffic traffic;

  Scenario(FaultPlatform platform, List<String> rows, String name) {
    this.platform = platform;
    this.name = name;
    this.rows = rows;
    for (String service : FaultPlatform.SERVICES) {
      for (Path log : platform.logFiles(service)) {
        logOffsets.put(log, log.toFile().length());
      }
    }
  }

  Traffic traffic() {
    traffic = new Traffic(platform).start();
    return traffic;
  }

  /**
   * Milliseconds from {@code back} until no outbox holds a publication recorded before it. Which
   * service was last, and when each got there, is printed: the figure is the slowest of three.
   */
  long timeUntilPublishedBefore(Instant back) {
    Map<String, Long> emptiedAt = new LinkedHashMap<>();
    Map<String, Long> waitingAtReturn = new LinkedHashMap<>();
    await("publications recorded before " + back + " sent").atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100)).ignoreExceptions()
        .until(() -> {
          long elapsed = Duration.between(back, Instant.now()).toMillis();
          for (String service : FaultPlatform.SERVICES) {
            if (!emptiedAt.containsKey(service)) {
              long unsent = unsentBefore(back, service);
              waitingAtReturn.putIfAbsent(service, unsent);
              if (unsent == 0) {
                emptiedAt.put(service, elapsed);
              }
            }
          }
          return emptiedAt.size() == FaultPlatform.SERVICES.size();
        });
    System.out.println("  " + name + ": outbox emptied after the return, ms (waiting at the return): "
        + FaultPlatform.SERVICES.stream().map(s -> s + " " + emptiedAt.get(s) + " (" + waitingAtReturn.get(s) + ")")
            .collect(Collectors.joining(", ")));
    return Duration.between(back, Instant.now()).toMillis();
  }

  private long unsentBefore(Instant moment) throws SQLException {
    long unsent = 0;
    for (String service : FaultPlatform.SERVICES) {
      unsent += unsentBefore(moment, service);
    }
    return unsent;
  }

  private long unsentBefore(Instant moment, String service) throws SQLException {
    try (Connection c = platform.db(service); var statement = c.prepareStatement(
        "SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND publication_date <= ?")) {
      statement.setTimestamp(1, Timestamp.from(moment));
      try (var rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  Result finish(Instant faultEnd, String publishAfterReturn) throws Exception {
    List<UUID> admissions = List.copyOf(traffic.admissions.keySet());
    List<UUID> discharges = List.copyOf(traffic.discharges);
    List<UUID> readmissions = List.copyOf(traffic.relapses.values());
    int produced = admissions.size() + discharges.size() + readmissions.size();
    long[] tally = new long[3];
    await("every event produced applied and every outbox empty").atMost(SETTLE)
        .pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
          long applied = 0;
          long duplicates = 0;
          for (Map<UUID, Long> found : List.of(
              rowsPer("monitoring", "SELECT admission_id, count(*) FROM detox_episode WHERE admission_id = ANY(?)"
                  + " GROUP BY admission_id", admissions),
              rowsPer("aftercare", "SELECT episode_id, count(*) FROM aftercare_plan WHERE episode_id = ANY(?)"
                  + " GROUP BY episode_id", discharges),
              rowsPer("intake", "SELECT readmission_request_id, count(*) FROM referral"
                  + " WHERE readmission_request_id = ANY(?) GROUP BY readmission_request_id", readmissions))) {
            applied += found.size();
            duplicates += found.values().stream().mapToLong(n -> n - 1).sum();
          }
          tally[0] = applied;
          tally[1] = duplicates;
          tally[2] = unsentBefore(Instant.now().plusSeconds(3600));
          return applied == produced && tally[2] == 0;
        });
    long missing = (admissions.size() - count(platform, "intake", "SELECT count(*) FROM admission WHERE id = ANY(?)", admissions))
        + (discharges.size() - count(platform, "monitoring",
            "SELECT count(*) FROM detox_episode WHERE id = ANY(?) AND status = 'DISCHARGED'", discharges))
        + (traffic.relapses.size() - count(platform, "aftercare", "SELECT count(*) FROM relapse_report WHERE id = ANY(?)",
            traffic.relapses.keySet()));
    List<UUID> after = traffic.admissions.entrySet().stream().filter(e -> e.getValue().isAfter(faultEnd))
        .map(Map.Entry::getKey).toList();
    Instant firstEpisode;
    try (Connection c = platform.db("monitoring"); var statement = c.prepareStatement(
        "SELECT min(opened_at) FROM detox_episode WHERE admission_id = ANY(?)")) {
      statement.setArray(1, c.createArrayOf("uuid", after.toArray()));
      try (var rs = statement.executeQuery()) {
        rs.next();
        Timestamp t = rs.getTimestamp(1);
        firstEpisode = t == null ? null : t.toInstant();
      }
    }
    Long recover = firstEpisode == null ? null : Duration.between(faultEnd, firstEpisode).toMillis();
    Map<String, Long> logLines = new LinkedHashMap<>();
    long stackTraces = 0;
    for (String service : FaultPlatform.SERVICES) {
      List<String> lines = warnOrErrorLines(service);
      logLines.put(service, (long) lines.size());
      stackTraces += lines.stream().filter(l -> l.contains("\"stack_trace\"")).count();
    }
    long seconds = Duration.between(started, Instant.now()).toSeconds();
    Result result = new Result(name, produced, tally[0], tally[1], produced - tally[0], missing, recover,
        tally[2], traffic.requests.get(), traffic.notAnswered2xx.get(), List.copyOf(traffic.serverFaults),
        Map.copyOf(logLines), stackTraces);
    rows.add(String.format("| %s | %d (%d admissions, %d discharges, %d readmissions) | %d | %d | %d | %d | %s | %s "
        + "| %s | %d s, %d requests, %d not answered 2xx |", name, produced, admissions.size(), discharges.size(),
            readmissions.size(), tally[0], tally[1], produced - tally[0], missing,
            recover == null ? "no admission after the fault" : recover + " ms", publishAfterReturn,
            logLines.values().stream().map(String::valueOf).collect(Collectors.joining(", ")), seconds,
            traffic.requests.get(), traffic.notAnswered2xx.get()));
    System.out.println(rows.getLast());
    traffic.firstRefusals.forEach((route, answer) -> System.out.println("  first refusal of " + route + ": " + answer));
    return result;
  }

  /** The WARN and ERROR lines each of the service's logs gained since the scenario began. */
  private List<String> warnOrErrorLines(String service) throws IOException {
    List<String> lines = new java.util.ArrayList<>();
    for (Path log : platform.logFiles(service)) {
      if (!Files.exists(log)) {
        continue;
      }
      try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
        long from = logOffsets.getOrDefault(log, 0L);
        byte[] bytes = new byte[(int) Math.max(0, file.length() - from)];
        file.seek(from);
        file.readFully(bytes);
        new String(bytes, StandardCharsets.UTF_8).lines()
            .filter(l -> l.contains("\"level\":\"WARN\"") || l.contains("\"level\":\"ERROR\""))
            .forEach(lines::add);
      }
    }
    return lines;
  }

  record Result(String name, int produced, long applied, long duplicates, long lost, long missing,
      Long recoverMillis, long unsent, int requests, int notAnswered, List<String> serverFaults,
      Map<String, Long> warnOrErrorLines, long stackTraces) {

    /**
     * Most WARN or ERROR lines a service may log about a broker outage (#17: "at most a few lines").
     * What one writes: a WARN from OutboxRecovery and one from the event-flow metrics, each once per
     * outage - never a line per event (before OutboxRecovery intake alone logged about 300 in 23 s,
     * with stack traces) nor per consumer (Kafka's WARN for each retried offset commit, up to 30 in
     * aftercare, is dropped by RetriedCommitWarnings).
     */
    static final long OUTAGE_LOG_LINES = 4;

    void assertOutageLoggedQuietly() {
      assertThat(warnOrErrorLines).as(name + ": WARN/ERROR lines per service during the outage")
          .allSatisfy((service, lines) -> assertThat(lines).as(service).isLessThanOrEqualTo(OUTAGE_LOG_LINES));
      assertThat(stackTraces).as(name + ": WARN/ERROR lines with a stack trace").isZero();
    }

    void assertHeld() {
      assertThat(produced).as(name + ": events produced").isPositive();
      assertThat(lost).as(name + ": events lost").isZero();
      assertThat(duplicates).as(name + ": events applied twice").isZero();
      assertThat(unsent).as(name + ": publications left in the outboxes").isZero();
      assertThat(missing).as(name + ": requests answered 2xx whose effect is missing").isZero();
      assertThat(serverFaults).as(name + ": answers 5xx other than 503 (an outage is a 503 with Retry-After)").isEmpty();
      assertThat(recoverMillis).as(name + ": ms from the fault's end until an admission opened its episode")
          .isNotNull().isLessThanOrEqualTo(30_000L);
    }
  }
}
