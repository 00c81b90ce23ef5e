package org.rehabnet.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's supervision, on a stand-in component ("ward": a process that prints that it is up
 * and then waits): the real functions of ./rehabnet, sourced, with only what starts and probes the
 * component replaced. An on-call engineer needs the exit status and the last log lines of a
 * crashed process, and a restart that keeps the earlier log.
 */
class LauncherSupervisionTest {

  @TempDir
  Path tmp;

  private Process launcher;

  @AfterEach
  void stop() throws Exception {
    if (launcher != null) {
      launcher.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    Path pid = tmp.resolve("state/pids/ward.pid");
    if (Files.exists(pid)) {
      new ProcessBuilder("pkill", "-KILL", "-s", Files.readString(pid).strip()).start().waitFor();
    }
  }

  @Test
  void aComponentKilledUnderSupervisionIsReportedWithItsExitStatusAndLastLinesAndRestarted() throws Exception {
    launcher = bash("""
        AUTO_RESTART=1
        start_component ward
        wait_ready ward
        supervise
        """);
    await(() -> lines("starts").size() == 1, "the ward started once");
    String firstSession = Files.readString(tmp.resolve("state/pids/ward.pid")).strip();

    run("pkill", "-KILL", "-s", firstSession, "-x", "sleep");

    await(() -> lines("starts").size() == 2, "the ward started again");
    await(() -> output().contains("ward restarted"), "the restart reported");
    String output = output();
    assertThat(output).contains("ward stopped unexpectedly: exit status 137 (signal 9, KILL)")
        .contains("    ward up, waiting for patients")
        .contains("restarting ward in 2s");
    assertThat(Files.readString(tmp.resolve("state/pids/ward.pid")).strip()).isNotEqualTo(firstSession);
    assertThat(tmp.resolve("state/logs/ward.log.1")).as("the crashed run's log, kept").exists();
  }

  @Test
  void aRestartStopsTheComponentStartsItAgainAndKeepsTheEarlierLog() throws Exception {
    Process first = bash("""
        start_component ward
        wait_ready ward
        """);
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String firstSession = Files.readString(tmp.resolve("state/pids/ward.pid")).strip();

    Process restart = bash("restart_component ward");
    assertThat(restart.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(restart.exitValue()).as(output()).isZero();
    assertThat(lines("starts")).hasSize(2);
    assertThat(Files.readString(tmp.resolve("state/pids/ward.pid")).strip()).isNotEqualTo(firstSession);
    assertThat(run("pgrep", "-s", firstSession)).as("nothing of the first run is left").isNotZero();
    assertThat(Files.readString(tmp.resolve("state/logs/ward.log.1"))).contains("ward up");
    assertThat(tmp.resolve("state/pids/ward.restarting")).doesNotExist();
  }

  /** The launcher's functions with a stand-in component; output to out.log in the temp dir. */
  private Process bash(String body) throws IOException {
    String script = """
        source "$REHABNET"
        STATE="$TMP/state"; LOGS="$STATE/logs"; PIDS="$STATE/pids"; STOP_GRACE=5
        mkdir -p "$LOGS" "$PIDS"
        COMPONENTS=(ward)
        start_component() { launch ward bash -c 'echo "ward up, waiting for patients"; echo started >>"$TMP/starts"; exec sleep 300'; }
        is_ready() { grep -q 'ward up' "$LOGS/ward.log"; }
        failed_fast() { return 1; }
        """ + body;
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", script)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(tmp.resolve("out.log").toFile()));
    builder.environment().put("REHABNET", ManifestCheck.REPOSITORY.resolve("rehabnet").toString());
    builder.environment().put("TMP", tmp.toString());
    return builder.start();
  }

  private List<String> lines(String file) {
    try {
      Path path = tmp.resolve(file);
      return Files.exists(path) ? Files.readAllLines(path) : List.of();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private String output() {
    try {
      Path out = tmp.resolve("out.log");
      return Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int run(String... command) throws Exception {
    return new ProcessBuilder(command).start().waitFor();
  }

  private void await(BooleanSupplier condition, String what) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(45));
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as(what + "; launcher output:\n" + output()).isBefore(deadline);
      Thread.sleep(100);
    }
  }
}
