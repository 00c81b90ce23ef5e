package org.rehabnet.e2e.scale;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rehabnet.test.process.ManagedProcess;

/**
 * One instance of a service in a replica test: its jar, port and environment stay the same across
 * restarts, each run gets a log file of its own (a restart must not truncate what the killed run
 * wrote), and the consumer instance id is what makes it a distinct static member of its groups.
 */
final class Replica {

  final String service;
  final String instanceId;
  private final Path jar;
  private final int port;
  private final Map<String, String> environment;
  private final Path logDir;
  private final List<ManagedProcess> runs = new ArrayList<>();

  Replica(String service, String instanceId, Path jar, int port, Map<String, String> environment, Path logDir) {
    this.service = service;
    this.instanceId = instanceId;
    this.jar = jar;
    this.port = port;
    this.environment = Map.copyOf(environment);
    this.logDir = logDir;
  }

  synchronized ManagedProcess start() {
    String name = service + "-" + instanceId + (runs.isEmpty() ? "" : "-run" + (runs.size() + 1));
    ManagedProcess process = ManagedProcess.startJar(name, jar, port, environment, logDir);
    runs.add(process);
    return process;
  }

  synchronized ManagedProcess current() {
    return runs.getLast();
  }

  /** Every run's log, the first run's first. */
  synchronized List<ServiceLog> logs() {
    return runs.stream().map(run -> new ServiceLog(run.logFile())).toList();
  }

  synchronized void stop() {
    runs.forEach(ManagedProcess::close);
  }

  @Override
  public String toString() {
    return service + "-" + instanceId;
  }
}
