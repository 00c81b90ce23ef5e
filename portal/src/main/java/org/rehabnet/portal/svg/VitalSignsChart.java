package org.rehabnet.portal.svg;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.rehabnet.portal.svg.ChartData.VitalSet;

/**
 * The vital signs of the whole stay as small multiples on one real time axis: respiration, SpO2,
 * blood pressure (systolic and diastolic), pulse and temperature, each with the NEWS2 "no score" range
 * shaded so a drift out of it stands out.
 */
public final class VitalSignsChart {

  private static final int WIDTH = 760;
  private static final int LEFT = 150;
  private static final int RIGHT = 20;
  private static final int PANEL = 56;
  private static final int GAP = 8;

  private record Panel(String label, double min, double max, double normalLow, double normalHigh,
      ToDoubleFunction<VitalSet> value, ToDoubleFunction<VitalSet> second) {}

  private static final List<Panel> PANELS = List.of(
      new Panel("Respirations /min", 0, 40, 12, 20, VitalSet::respirationRate, null),
      new Panel("SpO2 %", 80, 100, 96, 100, VitalSet::spo2, null),
      new Panel("BP mmHg (sys, dia)", 40, 220, 111, 219, VitalSet::systolic, VitalSet::diastolic),
      new Panel("Pulse /min", 30, 160, 51, 90, VitalSet::pulse, null),
      new Panel("Temperature °C", 34, 41, 36.1, 38.0, v -> v.temperature().doubleValue(), null));

  private VitalSignsChart() {}

  public static String render(List<VitalSet> sets, Instant now, ZoneId zone) {
    int height = PANELS.size() * (PANEL + GAP) + 24;
    TimeAxis axis = TimeAxis.spanning(sets.stream().map(VitalSet::takenAt).toList(), now, LEFT,
        WIDTH - LEFT - RIGHT, zone);
    Svg svg = new Svg(WIDTH, height, "Vital signs over time, " + sets.size() + " sets", "vitals-chart");
    int top = 4;
    for (Panel panel : PANELS) {
      svg.rect(LEFT, top, axis.width(), PANEL, "#fafafa", "#cccccc");
      double normalTop = y(panel, Math.min(panel.normalHigh(), panel.max()), top);
      svg.rect(LEFT, normalTop, axis.width(), y(panel, panel.normalLow(), top) - normalTop, "#e8f5e9", "");
      svg.text(4, top + PANEL / 2.0 + 4, panel.label(), "start", 11, "#111111");
      svg.text(LEFT - 4, top + 10, number(panel.max()), "end", 9, "#444444");
      svg.text(LEFT - 4, top + PANEL, number(panel.min()), "end", 9, "#444444");
      series(svg, sets, axis, panel, panel.value(), top, "#1f4e9c");
      if (panel.second() != null) {
        series(svg, sets, axis, panel, panel.second(), top, "#6a3d9a");
      }
      top += PANEL + GAP;
    }
    for (TimeAxis.Tick tick : axis.ticks()) {
      svg.line(tick.x(), top - GAP, tick.x(), top - GAP + 4, "#555555", 1);
      svg.text(tick.x(), top + 10, tick.label(), "middle", 10, "#333333");
    }
    return svg.end();
  }

  private static void series(Svg svg, List<VitalSet> sets, TimeAxis axis, Panel panel, ToDoubleFunction<VitalSet> value,
      int top, String colour) {
    StringBuilder points = new StringBuilder(sets.size() * 12);
    for (VitalSet set : sets) {
      points.append(Svg.n(axis.x(set.takenAt()))).append(',')
          .append(Svg.n(y(panel, value.applyAsDouble(set), top))).append(' ');
    }
    if (sets.size() > 1) {
      svg.polyline(points, colour);
    }
    // Points only where they stay readable; the line carries the rest.
    if (sets.size() <= 48) {
      for (VitalSet set : sets) {
        svg.circle(axis.x(set.takenAt()), y(panel, value.applyAsDouble(set), top), 2.5, colour, "");
      }
    }
  }

  private static double y(Panel panel, double value, int top) {
    double clamped = Math.max(panel.min(), Math.min(panel.max(), value));
    return top + PANEL - PANEL * (clamped - panel.min()) / (panel.max() - panel.min());
  }

  private static String number(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
  }
}
