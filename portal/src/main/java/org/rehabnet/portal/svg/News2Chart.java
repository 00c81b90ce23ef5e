package org.rehabnet.portal.svg;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.rehabnet.portal.svg.ChartData.VitalSet;

/**
 * NEWS2 laid out like the RCP observation chart (Royal College of Physicians, NEWS2 2017): one row per
 * parameter, one column per set of observations, each cell coloured by that parameter's sub-score
 * (0 none, 1 yellow, 2 amber, 3 red) and a total row coloured by the response level. The newest
 * {@value #COLUMNS} sets are drawn; the vital-sign plots show the whole stay on a time axis.
 */
public final class News2Chart {

  static final int COLUMNS = 36;
  private static final int LABEL = 150;
  private static final int CELL = 34;
  private static final int ROW = 22;
  private static final int HEADER = 34;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

  private record Row(String label, Function<VitalSet, String> value, ToIntFunction<VitalSet> score) {}

  private static final List<Row> ROWS = List.of(
      new Row("Respirations /min", v -> Integer.toString(v.respirationRate()), VitalSet::respirationScore),
      new Row("SpO2 %", v -> Integer.toString(v.spo2()), VitalSet::spo2Score),
      new Row("Air or oxygen", v -> v.onOxygen() ? "O2" : "Air", VitalSet::oxygenScore),
      new Row("Systolic BP mmHg", v -> Integer.toString(v.systolic()), VitalSet::systolicScore),
      new Row("Pulse /min", v -> Integer.toString(v.pulse()), VitalSet::pulseScore),
      new Row("Consciousness", v -> v.consciousness().equals("ALERT") ? "A" : v.consciousness().substring(0, 1),
          VitalSet::consciousnessScore),
      new Row("Temperature °C", v -> v.temperature().toPlainString(), VitalSet::temperatureScore));

  private News2Chart() {}

  public static String render(List<VitalSet> sets, ZoneId zone) {
    List<VitalSet> shown = sets.size() > COLUMNS ? sets.subList(sets.size() - COLUMNS, sets.size()) : sets;
    int columns = Math.max(shown.size(), 1);
    int width = LABEL + columns * CELL + 2;
    int height = HEADER + (ROWS.size() + 1) * ROW + 2;
    String label = shown.isEmpty() ? "NEWS2 chart: no vital signs charted yet"
        : "NEWS2 chart of the last " + shown.size() + " sets of vital signs, latest total "
            + shown.getLast().news2Total();
    Svg svg = new Svg(width, height, label, "news2-chart");
    svg.rect(0, 0, width, height, "#ffffff", "");
    int y = HEADER;
    for (Row row : ROWS) {
      svg.text(4, y + 15, row.label(), "start", 12, "#111111");
      y += ROW;
    }
    svg.text(4, y + 15, "NEWS2 total", "start", 12, "#111111");
    String previousDay = "";
    for (int i = 0; i < shown.size(); i++) {
      VitalSet set = shown.get(i);
      double x = LABEL + i * CELL;
      String day = DAY.format(set.takenAt().atZone(zone));
      if (!day.equals(previousDay)) {
        svg.text(x + 2, 12, day, "start", 10, "#333333");
        previousDay = day;
      }
      svg.text(x + CELL / 2.0, 28, HOUR.format(set.takenAt().atZone(zone)), "middle", 10, "#111111");
      int rowY = HEADER;
      for (Row row : ROWS) {
        svg.rect(x, rowY, CELL, ROW, scoreFill(row.score().applyAsInt(set)), "#777777");
        svg.text(x + CELL / 2.0, rowY + 15, row.value().apply(set), "middle", 11, "#111111");
        rowY += ROW;
      }
      svg.rect(x, rowY, CELL, ROW, responseFill(set.news2Total(), set.response()), "#444444");
      svg.text(x + CELL / 2.0, rowY + 15, Integer.toString(set.news2Total()), "middle", 12, "#111111");
    }
    if (shown.isEmpty()) {
      svg.text(LABEL + 4, HEADER + 15, "No vital signs charted yet", "start", 12, "#111111");
    }
    return svg.end();
  }

  /** The RCP chart's colours: none for 0, then yellow, amber, red; light enough for dark text (WCAG AA). */
  static String scoreFill(int score) {
    return switch (score) {
      case 0 -> "#ffffff";
      case 1 -> "#fff3a3";
      case 2 -> "#ffc98a";
      default -> "#f5a3a3";
    };
  }

  static String responseFill(int total, String response) {
    if (total >= 7) {
      return "#f5a3a3";
    }
    if (total >= 5 || response.equals("URGENT_WARD_REVIEW")) {
      return "#ffc98a";
    }
    return total >= 1 ? "#fff3a3" : "#e8f5e9";
  }

  static Instant latest(List<VitalSet> sets) {
    return sets.getLast().takenAt();
  }
}
