package org.rehabnet.aftercare.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.rehabnet.platform.web.paging.Cursor;
import org.rehabnet.platform.web.paging.Page;
import org.rehabnet.platform.web.paging.Position;
import org.rehabnet.platform.web.problem.InvalidField;

class SearchPageTest {

  @Test
  void theCursorOfAPageNamesThePositionItWasGivenFor() {
    Position position = SearchPage.position(Instant.parse("2026-10-14T18:30:00.123456789Z"), UUID.randomUUID());

    SearchPage resumed = SearchPage.of("7", Cursor.encode(position));

    assertThat(resumed.count()).isEqualTo(7);
    assertThat(resumed.after()).isEqualTo(position);
    assertThat(position.at()).isEqualTo(Instant.parse("2026-10-14T18:30:00.123456Z"));
  }

  @Test
  void withoutParametersTheFirstPageOfTheDefaultSize() {
    assertThat(SearchPage.of(null, null)).isEqualTo(new SearchPage(SearchPage.DEFAULT_COUNT, null));
    assertThat(SearchPage.of(" ", "")).isEqualTo(new SearchPage(SearchPage.DEFAULT_COUNT, null));
    assertThat(SearchPage.of("200", null).count()).isEqualTo(SearchPage.MAX_COUNT);
  }

  @Test
  void aCountOutsideOneToTheMaximumOrACursorItDidNotGiveIsAnInvalidFieldNamingIt() {
    for (String count : List.of("0", "201", "abc", "-3", "1e2", "99999999999")) {
      assertThatThrownBy(() -> SearchPage.of(count, null)).as(count).isInstanceOf(InvalidField.class)
          .hasMessageStartingWith("_count:");
    }
    String cursor = Cursor.encode(new Position(Instant.parse("2026-10-14T00:00:00Z"), UUID.randomUUID()));
    String forged = cursor.substring(0, 5) + (cursor.charAt(5) == 'A' ? 'B' : 'A') + cursor.substring(6);
    // Well formed, checksum and all, but naming a time no row can have (and PostgreSQL cannot compare with).
    String outOfTime = Cursor.encode(new Position(Instant.parse("-200000-01-01T00:00:00Z"), UUID.randomUUID()));
    for (String bad : List.of("garbage", forged, cursor + "A", "%%", outOfTime)) {
      assertThatThrownBy(() -> SearchPage.of(null, bad)).as(bad).isInstanceOf(InvalidField.class)
          .hasMessageStartingWith("cursor:");
    }
  }

  @Test
  void walkingTheNextPositionsOfAListReadWholeGivesEveryItemOnceNewestFirst() {
    // Ties on the date, and ids whose order differs signed and unsigned (PostgreSQL compares unsigned).
    List<Position> all = new ArrayList<>();
    IntStream.range(0, 11).forEach(i -> all.add(SearchPage.position(
        LocalDate.of(2026, 10, 1 + i % 4).atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
        new UUID(i % 2 == 0 ? -1L - i : i, i))));
    List<Position> shuffled = new ArrayList<>(all);
    java.util.Collections.shuffle(shuffled, new java.util.Random(15));

    List<Position> walked = new ArrayList<>();
    @Nullable Position after = null;
    int pages = 0;
    do {
      Page<Position> page = new SearchPage(3, after).within(shuffled, p -> p);
      assertThat(page.total()).isEqualTo(11);
      assertThat(page.items()).hasSizeLessThanOrEqualTo(3);
      walked.addAll(page.items());
      after = page.next() == null ? null : SearchPage.of("3", Cursor.encode(page.next())).after();
      pages++;
    } while (after != null);

    assertThat(pages).isEqualTo(4);
    assertThat(walked).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all)
        .isSortedAccordingTo(SearchPage.NEWEST_FIRST);
    assertThat(walked.getFirst().at()).isEqualTo(Instant.parse("2026-10-04T00:00:00Z"));
  }

  @Test
  void idsCompareAsPostgresqlComparesUuidsByteByByte() {
    UUID low = UUID.fromString("00000000-0000-0000-0000-000000000001");
    UUID high = UUID.fromString("ff000000-0000-0000-0000-000000000000"); // negative as a signed long
    Instant at = Instant.parse("2026-10-14T00:00:00Z");

    List<Position> sorted = java.util.stream.Stream.of(new Position(at, low), new Position(at, high))
        .sorted(SearchPage.NEWEST_FIRST).toList();

    assertThat(sorted).extracting(Position::id).containsExactly(high, low);
    assertThat(Comparator.<UUID>naturalOrder().compare(high, low)).isNegative(); // Java's own order would not
  }

  @Test
  void aPlanSearchsetStandsByItsStartDayInUtcWhateverTheJvmsZone() {
    Position plan = PartnerReads.positionOf(FhirResources.carePlan(PartnerFixtures.plan(
        org.rehabnet.aftercare.plan.MedicationPlan.NONE)));

    assertThat(plan.at()).isEqualTo(Instant.parse("2026-10-03T00:00:00Z"));
  }
}
