package org.rehabnet.platform.web.paging;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/** One page of a window: its rows, how many rows the whole window holds, and where the next page starts. */
public record Page<T>(List<T> items, long total, @Nullable Position next) {

  /**
   * A page from a query that fetched one row more than the window's limit (the cheapest way to know
   * whether another page follows).
   */
  public static <T> Page<T> of(List<T> limitPlusOne, Window window, long total, Function<T, Position> position) {
    if (limitPlusOne.size() <= window.limit()) {
      return new Page<>(List.copyOf(limitPlusOne), total, null);
    }
    List<T> items = List.copyOf(limitPlusOne.subList(0, window.limit()));
    return new Page<>(items, total, position.apply(items.getLast()));
  }

  /**
   * A page read by a list's two keyset queries (the first page; a page after a position), each asked
   * for one row more than the limit, and its count of the window.
   */
  public static <T> Page<T> read(Window window, IntFunction<List<T>> first, BiFunction<Position, Integer, List<T>> after,
      LongSupplier total, Function<T, Position> position) {
    int rows = window.limit() + 1;
    Position resume = window.after();
    List<T> found = resume == null ? first.apply(rows) : after.apply(resume, rows);
    return of(found, window, total.getAsLong(), position);
  }

  public <V> Page<V> map(Function<T, V> view) {
    return new Page<>(items.stream().map(view).toList(), total, next);
  }
}
