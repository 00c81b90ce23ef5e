package org.rehabnet.portal.svg;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A real time axis: position is proportional to time, so hourly and four-hourly checks look as far
 * apart as they were (the complaint about label axes of "the last ten readings"). Ticks fall on whole
 * hours in the site's zone.
 */
record TimeAxis(Instant from, Instant to, double left, double width, ZoneId zone) {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

  static TimeAxis spanning(List<Instant> times, Instant now, double left, double width, ZoneId zone) {
    Instant first = times.stream().min(Instant::compareTo).orElse(now.minus(Duration.ofHours(12)));
    Instant last = times.stream().max(Instant::compareTo).orElse(now);
    if (now.isAfter(last)) {
      last = now;
    }
    Duration span = Duration.between(first, last);
    if (span.compareTo(Duration.ofHours(6)) < 0) {
      first = last.minus(Duration.ofHours(6));
      span = Duration.ofHours(6);
    }
    Duration margin = span.dividedBy(40);
    return new TimeAxis(first.minus(margin), last.plus(margin), left, width, zone);
  }

  double x(Instant at) {
    double total = Duration.between(from, to).toMillis();
    return left + width * Duration.between(from, at).toMillis() / total;
  }

  /** Tick times and labels: every 2, 6, 12 or 24 hours, whichever keeps about eight ticks. */
  List<Tick> ticks() {
    long hours = Math.max(1, Duration.between(from, to).toHours());
    long step = hours <= 16 ? 2 : hours <= 48 ? 6 : hours <= 96 ? 12 : 24;
    ZonedDateTime tick = from.atZone(zone).truncatedTo(ChronoUnit.HOURS);
    while (tick.getHour() % step != 0 || tick.toInstant().isBefore(from)) {
      tick = tick.plusHours(1);
    }
    List<Tick> ticks = new ArrayList<>();
    while (!tick.toInstant().isAfter(to)) {
      boolean midnight = tick.getHour() == 0;
      ticks.add(new Tick(x(tick.toInstant()), midnight || step == 24 ? DAY.format(tick) : HOUR.format(tick), midnight));
      tick = tick.plusHours(step);
    }
    return ticks;
  }

  record Tick(double x, String label, boolean dayBoundary) {}
}
