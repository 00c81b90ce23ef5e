package org.rehabnet.aftercare.partner;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.web.paging.Cursor;
import org.rehabnet.platform.web.paging.Page;
import org.rehabnet.platform.web.paging.Position;
import org.rehabnet.platform.web.problem.InvalidField;

/**
 * The page of a partner search the request asks for: FHIR's {@code _count} and the platform's opaque
 * keyset {@code cursor} (the {@link Cursor} every other list of the platform gives out, so a forged or
 * mangled one is the same 400). Every searchset is newest first, then by id, so that following the
 * {@code next} links visits each match once.
 */
record SearchPage(int count, @Nullable Position after) {

  /** Enough for a year of weekly groups in one page; most patients' categories fit in it whole. */
  static final int DEFAULT_COUNT = 50;

  /** The largest page: a Bundle of 200 labelled Encounters is about 400 kB. */
  static final int MAX_COUNT = 200;

  static final String COUNT = "_count";
  static final String CURSOR = "cursor";

  /**
   * Newest first, then by id in PostgreSQL's order of uuid (unsigned, byte by byte), so that a page cut
   * in memory and a page cut by {@code ORDER BY at DESC, id DESC} agree.
   */
  static final Comparator<Position> NEWEST_FIRST = Comparator.comparing(Position::at)
      .thenComparing(Position::id, SearchPage::compareAsPostgres).reversed();

  // Anyone can compute a cursor's checksum: one naming a time PostgreSQL cannot hold (before 4713 BC) must be
  // refused here, as a 400, before a query fails on it as a 500. Real positions lie well inside.
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  static SearchPage of(@Nullable String count, @Nullable String cursor) {
    int size = count(count);
    if (cursor == null || cursor.isBlank()) {
      return new SearchPage(size, null);
    }
    Position after = Cursor.decode(cursor);
    if (after.at().isBefore(EARLIEST) || after.at().isAfter(LATEST)) {
      throw new InvalidField(CURSOR, "is not a cursor this search gave out; start again without it");
    }
    return new SearchPage(size, after);
  }

  private static int count(@Nullable String count) {
    if (count == null || count.isBlank()) {
      return DEFAULT_COUNT;
    }
    int value;
    try {
      value = Integer.parseInt(count.trim());
    } catch (NumberFormatException e) {
      throw new InvalidField(COUNT, "must be a whole number from 1 to " + MAX_COUNT);
    }
    if (value < 1 || value > MAX_COUNT) {
      throw new InvalidField(COUNT, "must be from 1 to " + MAX_COUNT);
    }
    return value;
  }

  /** Rows to ask a query for: one more than the page, the cheapest way to know whether a next page exists. */
  int rows() {
    return count + 1;
  }

  /** The page of a query that was asked for {@link #rows()} rows in this order after {@link #after()}. */
  <T> Page<T> of(List<T> countPlusOne, long total, Function<T, Position> position) {
    if (countPlusOne.size() <= count) {
      return new Page<>(List.copyOf(countPlusOne), total, null);
    }
    List<T> items = List.copyOf(countPlusOne.subList(0, count));
    return new Page<>(items, total, position.apply(items.getLast()));
  }

  /**
   * The page of a list already read whole. Only for the lists that stay small whatever the time (a
   * patient's plans, episodes and consents: a handful per admission); whatever grows with time is
   * paged in its query.
   */
  <T> Page<T> within(List<T> all, Function<T, Position> position) {
    List<T> after = all.stream().sorted(Comparator.comparing(position, NEWEST_FIRST))
        .filter(item -> this.after == null || NEWEST_FIRST.compare(position.apply(item), this.after) > 0)
        .limit(rows()).toList();
    return of(after, all.size(), position);
  }

  /**
   * A position at the precision a cursor keeps (PostgreSQL's microseconds), so that an item read again
   * compares with the cursor it gave out exactly.
   */
  static Position position(Instant at, UUID id) {
    return new Position(at.truncatedTo(ChronoUnit.MICROS), id);
  }

  private static int compareAsPostgres(UUID a, UUID b) {
    int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  }
}
