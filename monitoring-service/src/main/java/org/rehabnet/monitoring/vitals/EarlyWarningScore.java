package org.rehabnet.monitoring.vitals;

import java.math.BigDecimal;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * NEWS2, the National Early Warning Score 2 (Royal College of Physicians, 2017; docs/clinical-rules.md,
 * "NEWS2"): parameter bands and response levels. SpO2 scale 1 by default; scale 2, set per episode by a
 * physician for documented hypercapnic respiratory failure, scores against the 88-92 % target and
 * scores oxygen above it.
 */
public record EarlyWarningScore(int respiration, int oxygenSaturation, int supplementalOxygen, int systolic,
    int pulse, int consciousness, int temperature) {

  public static EarlyWarningScore of(int respirationRate, int spo2, boolean onOxygen, int systolicBp, int pulseRate,
      Consciousness level, BigDecimal temperatureCelsius) {
    return of(respirationRate, spo2, onOxygen, systolicBp, pulseRate, level, temperatureCelsius, Spo2Scale.SCALE_1);
  }

  public static EarlyWarningScore of(int respirationRate, int spo2, boolean onOxygen, int systolicBp, int pulseRate,
      Consciousness level, BigDecimal temperatureCelsius, Spo2Scale scale) {
    int saturation = scale == Spo2Scale.SCALE_2 ? oxygenSaturationScale2(spo2, onOxygen) : oxygenSaturation(spo2);
    return new EarlyWarningScore(respiration(respirationRate), saturation, onOxygen ? 2 : 0,
        systolic(systolicBp), pulse(pulseRate), level == Consciousness.ALERT ? 0 : 3,
        temperature(temperatureCelsius));
  }

  static int respiration(int perMinute) {
    if (perMinute <= 8) {
      return 3;
    }
    if (perMinute <= 11) {
      return 1;
    }
    if (perMinute <= 20) {
      return 0;
    }
    return perMinute <= 24 ? 2 : 3;
  }

  static int oxygenSaturation(int percent) {
    if (percent <= 91) {
      return 3;
    }
    if (percent <= 93) {
      return 2;
    }
    return percent <= 95 ? 1 : 0;
  }

  /**
   * Scale 2: 83 or less 3, 84-85 2, 86-87 1, 88-92 0, and 93 or more 0 on air; on oxygen 93-94 1,
   * 95-96 2, 97 or more 3 (over-oxygenation risks hypercapnia).
   */
  static int oxygenSaturationScale2(int percent, boolean onOxygen) {
    if (percent <= 83) {
      return 3;
    }
    if (percent <= 85) {
      return 2;
    }
    if (percent <= 87) {
      return 1;
    }
    if (percent <= 92 || !onOxygen) {
      return 0;
    }
    if (percent <= 94) {
      return 1;
    }
    return percent <= 96 ? 2 : 3;
  }

  static int systolic(int mmHg) {
    if (mmHg <= 90) {
      return 3;
    }
    if (mmHg <= 100) {
      return 2;
    }
    if (mmHg <= 110) {
      return 1;
    }
    return mmHg <= 219 ? 0 : 3;
  }

  static int pulse(int perMinute) {
    if (perMinute <= 40) {
      return 3;
    }
    if (perMinute <= 50) {
      return 1;
    }
    if (perMinute <= 90) {
      return 0;
    }
    if (perMinute <= 110) {
      return 1;
    }
    return perMinute <= 130 ? 2 : 3;
  }

  static int temperature(BigDecimal celsius) {
    if (celsius.compareTo(new BigDecimal("35.0")) <= 0) {
      return 3;
    }
    if (celsius.compareTo(new BigDecimal("36.0")) <= 0) {
      return 1;
    }
    if (celsius.compareTo(new BigDecimal("38.0")) <= 0) {
      return 0;
    }
    return celsius.compareTo(new BigDecimal("39.0")) <= 0 ? 1 : 2;
  }

  public int total() {
    return respiration + oxygenSaturation + supplementalOxygen + systolic + pulse + consciousness + temperature;
  }

  /** A 3 in any single parameter: urgent ward review even when the total is low. */
  public boolean singleParameterThree() {
    return respiration == 3 || oxygenSaturation == 3 || systolic == 3 || pulse == 3 || consciousness == 3
        || temperature == 3;
  }

  public Response response() {
    int total = total();
    if (total >= 7) {
      return Response.EMERGENCY;
    }
    if (total >= 5) {
      return Response.URGENT;
    }
    if (singleParameterThree()) {
      return Response.URGENT_WARD_REVIEW;
    }
    return total == 0 ? Response.ROUTINE : Response.LOW;
  }

  /** NEWS2 clinical response, with the least frequent monitoring it asks for. */
  public enum Response {
    /** 0: monitor at least 12-hourly. */
    ROUTINE(Duration.ofHours(12)),
    /** 1-4: 4-6-hourly, nurse assesses. */
    LOW(Duration.ofHours(4)),
    /** A 3 in a single parameter: urgent ward review, hourly. */
    URGENT_WARD_REVIEW(Duration.ofHours(1)),
    /** 5-6: urgent response, hourly. */
    URGENT(Duration.ofHours(1)),
    /** 7 or more: emergency response, continuous monitoring (charted at least hourly). */
    EMERGENCY(Duration.ofHours(1));

    private final Duration monitoringInterval;

    Response(Duration monitoringInterval) {
      this.monitoringInterval = monitoringInterval;
    }

    public Duration monitoringInterval() {
      return monitoringInterval;
    }

    /** Only the levels that ask for more than the ward's routine tighten the timer. */
    public @Nullable Duration tighterThanRoutine() {
      return this == ROUTINE || this == LOW ? null : monitoringInterval;
    }
  }
}
