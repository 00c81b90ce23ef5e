package org.rehabnet.portal.svg;

import java.math.BigDecimal;
import java.time.Instant;

/** What the charts draw, independent of how the gateway spells it. */
public final class ChartData {

  /** A charted set of vital signs with its NEWS2 sub-scores (RCP NEWS2 2017). */
  public record VitalSet(Instant takenAt, int respirationRate, int spo2, boolean onOxygen, int systolic,
      int diastolic, int pulse, String consciousness, BigDecimal temperature, int news2Total, String response,
      int respirationScore, int spo2Score, int oxygenScore, int systolicScore, int pulseScore,
      int consciousnessScore, int temperatureScore, String spo2Scale) {}

  /** A COWS total at a time. */
  public record CowsPoint(Instant assessedAt, int total, String band) {}

  /** A dose given, marked on the same time axis as the COWS. */
  public record DoseMark(Instant givenAt, String drug, BigDecimal doseMg) {}

  private ChartData() {}
}
