package org.rehabnet.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of a process started by the launcher and of what it started (the pid file may name a
 * wrapper of the JVM), read from /proc: utime + stime in clock ticks (USER_HZ, 100 on Linux).
 */
record ProcessCpu(long pid) {

  static final long TICKS_PER_SECOND = 100;

  /** The launcher's process for {@code component} under {@code root} (./rehabnet up). */
  static ProcessCpu of(Path root, String component) {
    try {
      return new ProcessCpu(Long.parseLong(Files.readString(root.resolve(".rehabnet/pids/" + component + ".pid")).strip()));
    } catch (Exception e) {
      throw new IllegalStateException("no running " + component + " under " + root + ": " + e, e);
    }
  }

  long ticks() {
    long ticks = 0;
    for (long process : Stream.concat(Stream.of(pid),
        ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants).map(ProcessHandle::pid)).toList()) {
      ticks += ownTicks(process);
    }
    return ticks;
  }

  static double millis(long ticks) {
    return ticks * 1000.0 / TICKS_PER_SECOND;
  }

  private static long ownTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (Exception e) {
      // A child that exited between listing and reading has no more time to add.
      return 0;
    }
  }
}
