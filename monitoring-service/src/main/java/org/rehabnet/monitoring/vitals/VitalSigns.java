package org.rehabnet.monitoring.vitals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One set of vital signs with its NEWS2, each measurement also stored as a LOINC-coded observation
 * (docs/clinical-rules.md, "Vital signs: plausible ranges and codes"). Charted once, never edited.
 */
@Table("vital_signs")
class VitalSigns implements Persistable<UUID> {

  /** Charted once and never updated: set when built, so saving inserts. */
  @Transient
  private boolean fresh;

  static final String RESPIRATORY_RATE = "9279-1";
  static final String OXYGEN_SATURATION = "59408-5";
  static final String SYSTOLIC = "8480-6";
  static final String DIASTOLIC = "8462-4";
  static final String HEART_RATE = "8867-4";
  static final String BODY_TEMPERATURE = "8310-5";

  @Id
  private final UUID id;
  private final UUID episodeId;
  private final Instant takenAt;
  private final String recordedBy;
  private final int respirationRate;
  private final int spo2;
  private final boolean onOxygen;
  private final int systolic;
  private final int diastolic;
  private final int pulse;
  private final Consciousness consciousness;
  private final BigDecimal temperature;
  private final int news2Total;
  private final boolean news2SingleThree;
  private final EarlyWarningScore.Response news2Response;
  private final Spo2Scale spo2Scale;
  @MappedCollection(idColumn = "vital_signs_id")
  private final Set<Observation> observations;

  @PersistenceCreator
  VitalSigns(UUID id, UUID episodeId, Instant takenAt, String recordedBy, int respirationRate, int spo2,
      boolean onOxygen, int systolic, int diastolic, int pulse, Consciousness consciousness, BigDecimal temperature,
      int news2Total, boolean news2SingleThree, EarlyWarningScore.Response news2Response, Spo2Scale spo2Scale,
      Set<Observation> observations) {
    this.id = id;
    this.episodeId = episodeId;
    this.takenAt = takenAt;
    this.recordedBy = recordedBy;
    this.respirationRate = respirationRate;
    this.spo2 = spo2;
    this.onOxygen = onOxygen;
    this.systolic = systolic;
    this.diastolic = diastolic;
    this.pulse = pulse;
    this.consciousness = consciousness;
    this.temperature = temperature;
    this.news2Total = news2Total;
    this.news2SingleThree = news2SingleThree;
    this.news2Response = news2Response;
    this.spo2Scale = spo2Scale;
    this.observations = observations;
  }

  /** Scored on the episode's SpO2 scale at the time of charting; the scale is stored with the set. */
  static VitalSigns chart(UUID episodeId, RecordVitalSigns request, Spo2Scale scale, Instant now,
      String recordedBy) {
    EarlyWarningScore news2 = EarlyWarningScore.of(request.respirationRate(), request.spo2(), request.onOxygen(),
        request.systolic(), request.pulse(), request.consciousness(), request.temperature(), scale);
    Set<Observation> observations = new LinkedHashSet<>();
    observations.add(new Observation(RESPIRATORY_RATE, BigDecimal.valueOf(request.respirationRate()), "/min"));
    observations.add(new Observation(OXYGEN_SATURATION, BigDecimal.valueOf(request.spo2()), "%"));
    observations.add(new Observation(SYSTOLIC, BigDecimal.valueOf(request.systolic()), "mm[Hg]"));
    observations.add(new Observation(DIASTOLIC, BigDecimal.valueOf(request.diastolic()), "mm[Hg]"));
    observations.add(new Observation(HEART_RATE, BigDecimal.valueOf(request.pulse()), "/min"));
    observations.add(new Observation(BODY_TEMPERATURE, request.temperature(), "Cel"));
    VitalSigns vitals = new VitalSigns(UUID.randomUUID(), episodeId, now, recordedBy, request.respirationRate(),
        request.spo2(), request.onOxygen(), request.systolic(), request.diastolic(), request.pulse(),
        request.consciousness(), request.temperature(), news2.total(), news2.singleParameterThree(), news2.response(),
        scale, observations);
    vitals.fresh = true;
    return vitals;
  }

  UUID id() {
    return id;
  }

  UUID episodeId() {
    return episodeId;
  }

  Instant takenAt() {
    return takenAt;
  }

  int respirationRate() {
    return respirationRate;
  }

  int spo2() {
    return spo2;
  }

  boolean onOxygen() {
    return onOxygen;
  }

  int systolic() {
    return systolic;
  }

  int diastolic() {
    return diastolic;
  }

  int pulse() {
    return pulse;
  }

  Consciousness consciousness() {
    return consciousness;
  }

  BigDecimal temperature() {
    return temperature;
  }

  int news2Total() {
    return news2Total;
  }

  boolean news2SingleThree() {
    return news2SingleThree;
  }

  EarlyWarningScore.Response news2Response() {
    return news2Response;
  }

  Spo2Scale spo2Scale() {
    return spo2Scale;
  }

  Set<Observation> observations() {
    return observations;
  }

  @Override
  public UUID getId() {
    return id;
  }

  @Override
  public boolean isNew() {
    return fresh;
  }

  @Override
  public String toString() {
    return "VitalSigns[" + id + " of episode " + episodeId + "]";
  }

  /** One coded measurement: LOINC code, value, UCUM unit. */
  @Table("vital_observation")
  record Observation(String loinc, BigDecimal value, String unit) {}
}
