package org.rehabnet.aftercare.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.clinical.Substance;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A recovery check-in: cravings, use since the last one (and what was used), mood (PHQ-9 optional),
 * housing, employment.
 */
@Table("check_in")
class CheckIn {

  enum Mood {
    GOOD,
    OK,
    LOW,
    VERY_LOW
  }

  enum Housing {
    STABLE,
    SOBER_LIVING,
    TEMPORARY,
    HOMELESS,
    INSTITUTION
  }

  enum Employment {
    EMPLOYED,
    IN_EDUCATION,
    UNEMPLOYED,
    UNABLE_TO_WORK,
    RETIRED
  }

  @Id
  private final UUID id;
  private final UUID planId;
  private final UUID patientId;
  private final String site;
  private final LocalDate checkedInOn;
  private final LocalDate coversDueOn;
  private final int cravings;
  private final boolean usedSinceLast;
  private final @Nullable Substance substanceUsed;
  private final Mood mood;
  private final @Nullable Integer phq9Total;
  private final @Nullable Integer phq9Item9;
  private final Housing housing;
  private final Employment employment;
  private final String recordedBy;
  private final Instant recordedAt;

  @Version
  private @Nullable Long version;

  @PersistenceCreator
  CheckIn(UUID id, UUID planId, UUID patientId, String site, LocalDate checkedInOn, LocalDate coversDueOn,
      int cravings, boolean usedSinceLast, @Nullable Substance substanceUsed, Mood mood, @Nullable Integer phq9Total,
      @Nullable Integer phq9Item9, Housing housing, Employment employment, String recordedBy, Instant recordedAt,
      @Nullable Long version) {
    this.id = id;
    this.planId = planId;
    this.patientId = patientId;
    this.site = site;
    this.checkedInOn = checkedInOn;
    this.coversDueOn = coversDueOn;
    this.cravings = cravings;
    this.usedSinceLast = usedSinceLast;
    this.substanceUsed = substanceUsed;
    this.mood = mood;
    this.phq9Total = phq9Total;
    this.phq9Item9 = phq9Item9;
    this.housing = housing;
    this.employment = employment;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
    this.version = version;
  }

  static CheckIn record(UUID planId, UUID patientId, String site, LocalDate on, LocalDate coversDueOn, int cravings,
      boolean usedSinceLast, @Nullable Substance substanceUsed, Mood mood, @Nullable Phq9 phq9, Housing housing,
      Employment employment, String by, Instant now) {
    if (cravings < 0 || cravings > 10) {
      throw new IllegalArgumentException("cravings are rated 0-10");
    }
    if (usedSinceLast != (substanceUsed != null)) {
      throw new IllegalArgumentException("use since the last check-in names what was used, and only then");
    }
    return new CheckIn(UUID.randomUUID(), planId, patientId, site, on, coversDueOn, cravings, usedSinceLast,
        substanceUsed, mood, phq9 == null ? null : phq9.total(), phq9 == null ? null : phq9.item9(), housing,
        employment, by, now, null);
  }

  UUID id() {
    return id;
  }

  UUID planId() {
    return planId;
  }

  Instant recordedAt() {
    return recordedAt;
  }

  LocalDate checkedInOn() {
    return checkedInOn;
  }

  LocalDate coversDueOn() {
    return coversDueOn;
  }

  int cravings() {
    return cravings;
  }

  boolean usedSinceLast() {
    return usedSinceLast;
  }

  @Nullable Substance substanceUsed() {
    return substanceUsed;
  }

  Mood mood() {
    return mood;
  }

  @Nullable Integer phq9Total() {
    return phq9Total;
  }

  @Nullable Integer phq9Item9() {
    return phq9Item9;
  }

  Housing housing() {
    return housing;
  }

  Employment employment() {
    return employment;
  }

  String recordedBy() {
    return recordedBy;
  }

  @Override
  public String toString() {
    return "CheckIn[" + id + " of plan " + planId + "]";
  }
}
