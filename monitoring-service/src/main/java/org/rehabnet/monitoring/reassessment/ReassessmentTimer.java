package org.rehabnet.monitoring.reassessment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * When an episode's next COWS and vital signs are due. Kept in the database, so a restart loses no
 * timer: the overdue check reads due times, not in-memory schedules.
 */
@Table("reassessment_timer")
class ReassessmentTimer {

  @Id
  private final UUID episodeId;
  private final UUID patientId;
  private final String site;
  private final boolean active;
  private final Instant cowsDueAt;
  private final Instant vitalsDueAt;
  private boolean cowsOverdueAlerted;
  private boolean vitalsOverdueAlerted;
  private final @Nullable Instant inductionUntil;
  private final @Nullable Integer lastCowsTotal;
  @Version
  private @Nullable Long version;

  @PersistenceCreator
  ReassessmentTimer(UUID episodeId, UUID patientId, String site, boolean active, Instant cowsDueAt,
      Instant vitalsDueAt, boolean cowsOverdueAlerted, boolean vitalsOverdueAlerted, @Nullable Instant inductionUntil,
      @Nullable Integer lastCowsTotal, @Nullable Long version) {
    this.episodeId = episodeId;
    this.patientId = patientId;
    this.site = site;
    this.active = active;
    this.cowsDueAt = cowsDueAt;
    this.vitalsDueAt = vitalsDueAt;
    this.cowsOverdueAlerted = cowsOverdueAlerted;
    this.vitalsOverdueAlerted = vitalsOverdueAlerted;
    this.inductionUntil = inductionUntil;
    this.lastCowsTotal = lastCowsTotal;
    this.version = version;
  }

  static ReassessmentTimer start(UUID episodeId, UUID patientId, String site, Instant cowsDueAt,
      Instant vitalsDueAt) {
    return new ReassessmentTimer(episodeId, patientId, site, true, cowsDueAt, vitalsDueAt, false, false, null, null,
        null);
  }

  /** What has become overdue since the last check; each due time is reported once. */
  List<String> takeNewlyOverdue(Instant now) {
    List<String> overdue = new ArrayList<>();
    if (active && !cowsOverdueAlerted && cowsDueAt.isBefore(now)) {
      cowsOverdueAlerted = true;
      overdue.add("COWS");
    }
    if (active && !vitalsOverdueAlerted && vitalsDueAt.isBefore(now)) {
      vitalsOverdueAlerted = true;
      overdue.add("Vital signs");
    }
    return overdue;
  }

  UUID episodeId() {
    return episodeId;
  }

  UUID patientId() {
    return patientId;
  }

  String site() {
    return site;
  }

  boolean active() {
    return active;
  }

  Instant cowsDueAt() {
    return cowsDueAt;
  }

  Instant vitalsDueAt() {
    return vitalsDueAt;
  }

  @Nullable Instant inductionUntil() {
    return inductionUntil;
  }

  @Nullable Integer lastCowsTotal() {
    return lastCowsTotal;
  }

  boolean inInduction(Instant now) {
    return inductionUntil != null && now.isBefore(inductionUntil);
  }

  @Override
  public String toString() {
    return "ReassessmentTimer[" + episodeId + "]";
  }
}
