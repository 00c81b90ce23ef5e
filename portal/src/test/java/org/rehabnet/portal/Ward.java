package org.rehabnet.portal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rehabnet.portal.gateway.FixtureGateway;

/** A ward as the gateway would describe it: a census of n beds, and a chart of days of hourly observations. */
public final class Ward {

  private Ward() {}

  public static String episode(int bed) {
    return String.format("00000000-0000-4000-8000-%012d", bed);
  }

  public static String patient(int bed) {
    return String.format("00000000-0000-4000-9000-%012d", bed);
  }

  /** Answers for a census of {@code beds} beds at north, every patient named by intake. */
  public static void census(FixtureGateway gateway, int beds, Instant now) {
    List<Map<String, Object>> census = new ArrayList<>();
    for (int bed = 1; bed <= beds; bed++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("episodeId", episode(bed));
      row.put("patientId", patient(bed));
      row.put("bed", String.format("A-%02d", bed));
      row.put("day", 1 + bed % 7);
      row.put("expectedLengthDays", 7);
      row.put("lastCows", bed % 30);
      row.put("lastCowsBand", bed % 30 < 5 ? "NONE" : bed % 30 <= 12 ? "MILD" : bed % 30 <= 24 ? "MODERATE" : "MODERATELY_SEVERE");
      row.put("lastCowsAt", now.minus(Duration.ofHours(1)).toString());
      row.put("lastNews2", bed % 8);
      row.put("lastNews2Response", bed % 8 == 0 ? "ROUTINE" : bed % 8 < 5 ? "LOW" : bed % 8 < 7 ? "URGENT" : "EMERGENCY");
      row.put("lastVitalsAt", now.minus(Duration.ofHours(1)).toString());
      row.put("cowsDueAt", now.plus(Duration.ofHours(3)).toString());
      row.put("vitalsDueAt", now.plus(Duration.ofHours(3)).toString());
      row.put("cowsOverdue", bed % 11 == 0);
      row.put("vitalsOverdue", false);
      row.put("openAlerts", bed % 9 == 0 ? 1 : 0);
      census.add(row);
      gateway.answer("/api/intake/v1/patients/" + patient(bed), Map.of("patientId", patient(bed), "givenName",
          "Given" + bed, "familyName", "Family" + bed, "mrn", "RN-" + (1000 + bed), "dateOfBirth", "1990-01-01",
          "sites", List.of("north")));
    }
    gateway.answer("/api/monitoring/v1/sites/north/census", census);
    gateway.answer("/api/intake/v1/sites", List.of(
        Map.of("code", "north", "name", "North", "timeZone", "America/New_York", "otpCertified", true),
        Map.of("code", "south", "name", "South", "timeZone", "America/Chicago", "otpCertified", false)));
  }

  /** A chart of {@code days} days of hourly vital signs, four-hourly COWS and a dose a day. */
  public static void chart(FixtureGateway gateway, int bed, int days, Instant now) {
    String episode = episode(bed);
    Instant admitted = now.minus(Duration.ofDays(days));
    gateway.answer("/api/monitoring/v1/episodes/" + episode, Map.of("episodeId", episode, "patientId", patient(bed),
        "site", "north", "bed", String.format("A-%02d", bed), "day", days, "expectedLengthDays", 7, "status", "OPEN",
        "admittedAt", admitted.toString()));
    List<Map<String, Object>> vitals = new ArrayList<>();
    List<Map<String, Object>> cows = new ArrayList<>();
    List<Map<String, Object>> mar = new ArrayList<>();
    for (int hour = 0; hour < days * 24; hour++) {
      Instant at = admitted.plus(Duration.ofHours(hour));
      int rr = 12 + hour % 10;
      Map<String, Object> parameters = Map.of("respiration", rr > 20 ? 2 : 0, "oxygenSaturation", hour % 17 == 0 ? 1 : 0,
          "supplementalOxygen", 0, "systolic", 0, "pulse", hour % 13 == 0 ? 1 : 0, "consciousness", 0,
          "temperature", hour % 29 == 0 ? 1 : 0);
      int total = parameters.values().stream().mapToInt(v -> (Integer) v).sum();
      Map<String, Object> set = new LinkedHashMap<>();
      set.put("vitalSignsId", String.format("00000000-0000-4000-a000-%012d", hour));
      set.put("takenAt", at.toString());
      set.put("respirationRate", rr);
      set.put("spo2", hour % 17 == 0 ? 95 : 97);
      set.put("onOxygen", false);
      set.put("systolic", 118 + hour % 12);
      set.put("diastolic", 76 + hour % 8);
      set.put("pulse", 70 + hour % 25);
      set.put("consciousness", "ALERT");
      set.put("temperature", new BigDecimal("36.8"));
      set.put("news2", Map.of("total", total, "singleParameterThree", false, "response", total == 0 ? "ROUTINE" : "LOW",
          "spo2Scale", "SCALE_1", "parameters", parameters));
      vitals.add(set);
      if (hour % 4 == 0) {
        int score = Math.max(0, 18 - hour / 8);
        cows.add(Map.of("assessmentId", String.format("00000000-0000-4000-b000-%012d", hour), "assessedAt", at.toString(),
            "total", score, "band", score < 5 ? "NONE" : score <= 12 ? "MILD" : "MODERATE"));
      }
      if (hour % 24 == 2) {
        mar.add(Map.of("administrationId", String.format("00000000-0000-4000-c000-%012d", hour), "orderId",
            "00000000-0000-4000-d000-000000000001", "drug", "BUPRENORPHINE", "doseMg", new BigDecimal("4"),
            "route", "SUBLINGUAL", "givenAt", at.toString(), "givenBy", "nurse-north", "warnings", List.of()));
      }
    }
    gateway.answer("/api/monitoring/v1/episodes/" + episode + "/vital-signs", vitals);
    gateway.answer("/api/monitoring/v1/episodes/" + episode + "/withdrawal-trend",
        Map.of("episodeId", episode, "cows", cows, "observations", List.of()));
    gateway.answer("/api/monitoring/v1/episodes/" + episode + "/medication-orders", List.of(Map.of(
        "orderId", "00000000-0000-4000-d000-000000000001", "episodeId", episode, "drug", "BUPRENORPHINE",
        "doseMg", new BigDecimal("4"), "route", "SUBLINGUAL", "status", "ACTIVE", "orderedBy", "physician-north",
        "orderedAt", admitted.toString())));
    gateway.answer("/api/monitoring/v1/episodes/" + episode + "/administrations", mar);
    gateway.answer("/api/monitoring/v1/episodes/" + episode + "/alerts", List.of());
  }
}
