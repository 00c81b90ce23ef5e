package org.rehabnet.monitoring.mentalhealth;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.Table;

/** One PHQ-9 charted during the stay; never edited. */
@Table("phq9_screening")
class Phq9Screening implements Persistable<UUID> {

  @Transient
  private boolean fresh;

  @Id
  private final UUID id;
  private final UUID episodeId;
  private final Instant screenedAt;
  private final String screenedBy;
  private final int item1;
  private final int item2;
  private final int item3;
  private final int item4;
  private final int item5;
  private final int item6;
  private final int item7;
  private final int item8;
  private final int item9;
  private final int total;
  private final Phq9.Band band;

  @PersistenceCreator
  Phq9Screening(UUID id, UUID episodeId, Instant screenedAt, String screenedBy, int item1, int item2, int item3,
      int item4, int item5, int item6, int item7, int item8, int item9, int total, Phq9.Band band) {
    this.id = id;
    this.episodeId = episodeId;
    this.screenedAt = screenedAt;
    this.screenedBy = screenedBy;
    this.item1 = item1;
    this.item2 = item2;
    this.item3 = item3;
    this.item4 = item4;
    this.item5 = item5;
    this.item6 = item6;
    this.item7 = item7;
    this.item8 = item8;
    this.item9 = item9;
    this.total = total;
    this.band = band;
  }

  static Phq9Screening screen(UUID episodeId, List<Integer> items, Instant now, String screenedBy) {
    int total = Phq9.total(items);
    Phq9Screening screening = new Phq9Screening(UUID.randomUUID(), episodeId, now, screenedBy, items.get(0),
        items.get(1), items.get(2), items.get(3), items.get(4), items.get(5), items.get(6), items.get(7),
        items.get(8), total, Phq9.band(total));
    screening.fresh = true;
    return screening;
  }

  UUID id() {
    return id;
  }

  Instant screenedAt() {
    return screenedAt;
  }

  String screenedBy() {
    return screenedBy;
  }

  List<Integer> items() {
    return List.of(item1, item2, item3, item4, item5, item6, item7, item8, item9);
  }

  int item9() {
    return item9;
  }

  int total() {
    return total;
  }

  Phq9.Band band() {
    return band;
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
    return "Phq9Screening[" + id + " of episode " + episodeId + "]";
  }
}
