package org.rehabnet.portal.chart;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rehabnet.portal.svg.ChartData.CowsPoint;
import org.rehabnet.portal.svg.ChartData.DoseMark;
import org.rehabnet.portal.svg.ChartData.VitalSet;

/** The gateway's chart JSON as the charts' records, oldest first. */
final class ChartRecords {

  private ChartRecords() {}

  @SuppressWarnings("unchecked")
  static List<VitalSet> vitals(List<Map<String, Object>> sets) {
    List<VitalSet> vitals = new ArrayList<>();
    for (Map<String, Object> set : sets) {
      Map<String, Object> news2 = (Map<String, Object>) set.get("news2");
      Map<String, Object> parameters = (Map<String, Object>) news2.getOrDefault("parameters", Map.of());
      vitals.add(new VitalSet(Instant.parse(set.get("takenAt").toString()), integer(set, "respirationRate"),
          integer(set, "spo2"), Boolean.TRUE.equals(set.get("onOxygen")), integer(set, "systolic"),
          integer(set, "diastolic"), integer(set, "pulse"), String.valueOf(set.get("consciousness")),
          new BigDecimal(set.get("temperature").toString()), integer(news2, "total"),
          String.valueOf(news2.get("response")), integer(parameters, "respiration"),
          integer(parameters, "oxygenSaturation"), integer(parameters, "supplementalOxygen"),
          integer(parameters, "systolic"), integer(parameters, "pulse"), integer(parameters, "consciousness"),
          integer(parameters, "temperature"), String.valueOf(news2.get("spo2Scale"))));
    }
    vitals.sort((a, b) -> a.takenAt().compareTo(b.takenAt()));
    return vitals;
  }

  @SuppressWarnings("unchecked")
  static List<CowsPoint> cows(Map<String, Object> trend) {
    List<CowsPoint> points = new ArrayList<>();
    for (Map<String, Object> cows : (List<Map<String, Object>>) trend.getOrDefault("cows", List.of())) {
      points.add(new CowsPoint(Instant.parse(cows.get("assessedAt").toString()), integer(cows, "total"),
          String.valueOf(cows.get("band"))));
    }
    points.sort((a, b) -> a.assessedAt().compareTo(b.assessedAt()));
    return points;
  }

  static List<DoseMark> doses(List<Map<String, Object>> mar) {
    List<DoseMark> doses = new ArrayList<>();
    for (Map<String, Object> given : mar) {
      doses.add(new DoseMark(Instant.parse(given.get("givenAt").toString()), String.valueOf(given.get("drug")),
          new BigDecimal(given.get("doseMg").toString())));
    }
    doses.sort((a, b) -> a.givenAt().compareTo(b.givenAt()));
    return doses;
  }

  private static int integer(Map<String, Object> map, String key) {
    Object value = map.get(key);
    return value instanceof Number number ? number.intValue() : 0;
  }
}
