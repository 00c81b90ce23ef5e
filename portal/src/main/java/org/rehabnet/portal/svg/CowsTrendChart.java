package org.rehabnet.portal.svg;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rehabnet.portal.svg.ChartData.CowsPoint;
import org.rehabnet.portal.svg.ChartData.DoseMark;

/**
 * The COWS trend on a real time axis with its severity bands (Wesson &amp; Ling 2003: 5-12 mild, 13-24
 * moderate, 25-36 moderately severe, above 36 severe) and every dose given marked on the same axis, so
 * a reader sees how withdrawal answered each dose.
 */
public final class CowsTrendChart {

  private static final int WIDTH = 760;
  private static final int HEIGHT = 260;
  private static final int LEFT = 44;
  private static final int RIGHT = 130;
  private static final int TOP = 10;
  private static final int PLOT = 190;
  private static final int MAX = 48;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

  private record Band(int from, int to, String name, String fill) {}

  private static final List<Band> BANDS = List.of(
      new Band(0, 5, "none", "#ffffff"),
      new Band(5, 13, "mild 5-12", "#fdf6d8"),
      new Band(13, 25, "moderate 13-24", "#fde7c8"),
      new Band(25, 37, "mod. severe 25-36", "#fbd3c4"),
      new Band(37, MAX, "severe >36", "#f6c1c1"));

  private CowsTrendChart() {}

  public static String render(List<CowsPoint> cows, List<DoseMark> doses, Instant now, ZoneId zone) {
    List<Instant> times = new ArrayList<>();
    cows.forEach(c -> times.add(c.assessedAt()));
    doses.forEach(d -> times.add(d.givenAt()));
    TimeAxis axis = TimeAxis.spanning(times, now, LEFT, WIDTH - LEFT - RIGHT, zone);
    String label = cows.isEmpty() ? "COWS trend: no assessment yet"
        : "COWS trend of " + cows.size() + " assessments, latest " + cows.getLast().total() + " ("
            + cows.getLast().band().toLowerCase(Locale.ROOT).replace('_', ' ') + "), " + doses.size() + " doses marked";
    Svg svg = new Svg(WIDTH, HEIGHT, label, "cows-chart");
    for (Band band : BANDS) {
      double top = y(band.to());
      svg.rect(LEFT, top, axis.width(), y(band.from()) - top, band.fill(), "");
      if (band.from() > 0) {
        svg.text(WIDTH - RIGHT + 4, (top + y(band.from())) / 2 + 4, band.name(), "start", 11, "#333333");
        svg.line(LEFT, y(band.from()), LEFT + axis.width(), y(band.from()), "#bbbbbb", 0.5);
      }
    }
    for (int value = 0; value <= MAX; value += 12) {
      svg.text(LEFT - 6, y(value) + 4, Integer.toString(value), "end", 11, "#333333");
    }
    svg.text(12, TOP + PLOT / 2.0, "COWS", "middle", 11, "#333333");
    for (TimeAxis.Tick tick : axis.ticks()) {
      svg.line(tick.x(), TOP + PLOT, tick.x(), TOP + PLOT + 5, "#555555", 1);
      if (tick.dayBoundary()) {
        svg.line(tick.x(), TOP, tick.x(), TOP + PLOT, "#999999", 0.5);
      }
      svg.text(tick.x(), TOP + PLOT + 18, tick.label(), "middle", 10, "#333333");
    }
    for (DoseMark dose : doses) {
      double x = axis.x(dose.givenAt());
      String what = dose.drug().toLowerCase(Locale.ROOT) + " " + dose.doseMg().stripTrailingZeros().toPlainString()
          + " mg at " + TIME.format(dose.givenAt().atZone(zone));
      svg.line(x, TOP, x, TOP + PLOT, "#1f4e9c", 1);
      svg.polygon(Svg.n(x) + "," + Svg.n(TOP + PLOT + 24) + " " + Svg.n(x - 5) + "," + Svg.n(TOP + PLOT + 34) + " "
          + Svg.n(x + 5) + "," + Svg.n(TOP + PLOT + 34), "#1f4e9c", "Dose: " + what);
    }
    svg.text(LEFT, HEIGHT - 4, "▲ dose given", "start", 10, "#1f4e9c");
    StringBuilder points = new StringBuilder();
    for (CowsPoint point : cows) {
      points.append(Svg.n(axis.x(point.assessedAt()))).append(',').append(Svg.n(y(point.total()))).append(' ');
    }
    if (cows.size() > 1) {
      svg.polyline(points, "#7a1f1f");
    }
    for (CowsPoint point : cows) {
      svg.circle(axis.x(point.assessedAt()), y(point.total()), 4, "#7a1f1f",
          "COWS " + point.total() + " at " + TIME.format(point.assessedAt().atZone(zone)));
    }
    return svg.end();
  }

  private static double y(int value) {
    return TOP + PLOT - (double) PLOT * value / MAX;
  }
}
