package org.rehabnet.monitoring.episode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** One inpatient detox stay, opened when intake records the admission. */
@Table("detox_episode")
public class DetoxEpisode {

  @Id
  private final UUID id;
  private final UUID admissionId;
  private final UUID patientId;
  private final String site;
  private final @Nullable String bed;
  private final Instant admittedAt;
  private final @Nullable Integer expectedLengthDays;
  private final EpisodeStatus status;
  private final Instant openedAt;
  @Version
  private @Nullable Long version;

  @PersistenceCreator
  DetoxEpisode(UUID id, UUID admissionId, UUID patientId, String site, @Nullable String bed, Instant admittedAt,
      @Nullable Integer expectedLengthDays, EpisodeStatus status, Instant openedAt, @Nullable Long version) {
    this.id = id;
    this.admissionId = admissionId;
    this.patientId = patientId;
    this.site = site;
    this.bed = bed;
    this.admittedAt = admittedAt;
    this.expectedLengthDays = expectedLengthDays;
    this.status = status;
    this.openedAt = openedAt;
    this.version = version;
  }

  static DetoxEpisode open(UUID admissionId, UUID patientId, String site, @Nullable String bed, Instant admittedAt,
      @Nullable Integer expectedLengthDays, Instant now) {
    return new DetoxEpisode(UUID.randomUUID(), admissionId, patientId, site, bed, admittedAt, expectedLengthDays,
        EpisodeStatus.OPEN, now, null);
  }

  /** Day 1 is the day of admission. */
  int day(Clock clock) {
    return (int) Duration.between(admittedAt, clock.instant()).toDays() + 1;
  }

  public UUID id() {
    return id;
  }

  public UUID admissionId() {
    return admissionId;
  }

  public UUID patientId() {
    return patientId;
  }

  public String site() {
    return site;
  }

  public @Nullable String bed() {
    return bed;
  }

  public Instant admittedAt() {
    return admittedAt;
  }

  public @Nullable Integer expectedLengthDays() {
    return expectedLengthDays;
  }

  public EpisodeStatus status() {
    return status;
  }

  @Override
  public String toString() {
    return "DetoxEpisode[" + id + " at " + site + "]";
  }

  /** Where an episode is in its life. */
  public enum EpisodeStatus {
    OPEN,
    DISCHARGED
  }
}
