package org.rehabnet.platform.web.paging;

import java.util.List;
import java.util.function.Function;
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

  public <V> Page<V> map(Function<T, V> view) {
    return new Page<>(items.stream().map(view).toList(), total, next);
  }
}
