package org.rehabnet.monitoring.vitals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** A charted set with its NEWS2 and the coded observations. */
record VitalSignsView(UUID vitalSignsId, UUID episodeId, Instant takenAt, int respirationRate, int spo2,
    boolean onOxygen, int systolic, int diastolic, int pulse, Consciousness consciousness, BigDecimal temperature,
    News2 news2, List<VitalSigns.Observation> observations) {

  static VitalSignsView of(VitalSigns vitals) {
    return new VitalSignsView(vitals.id(), vitals.episodeId(), vitals.takenAt(), vitals.respirationRate(),
        vitals.spo2(), vitals.onOxygen(), vitals.systolic(), vitals.diastolic(), vitals.pulse(),
        vitals.consciousness(), vitals.temperature(),
        new News2(vitals.news2Total(), vitals.news2SingleThree(), vitals.news2Response(), vitals.spo2Scale(),
            EarlyWarningScore.of(vitals.respirationRate(), vitals.spo2(), vitals.onOxygen(), vitals.systolic(),
                vitals.pulse(), vitals.consciousness(), vitals.temperature(), vitals.spo2Scale())),
        vitals.observations().stream().sorted(Comparator.comparing(VitalSigns.Observation::loinc)).toList());
  }

  /**
   * The total with each parameter's sub-score ({@code parameters}), recomputed from the stored values on
   * the set's own SpO2 scale, so a chart can colour every cell as the RCP observation chart does.
   */
  record News2(int total, boolean singleParameterThree, EarlyWarningScore.Response response, Spo2Scale spo2Scale,
      EarlyWarningScore parameters) {}
}
