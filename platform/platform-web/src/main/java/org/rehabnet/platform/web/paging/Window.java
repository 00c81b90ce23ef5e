package org.rehabnet.platform.web.paging;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.web.problem.InvalidField;

/**
 * The rows a read may answer: those at {@code from <= at <= to} (both ends included, so a set charted
 * at the very instant of the read is in), at most {@code limit} of them, after {@code after} when the
 * caller follows a cursor. Built by {@link #resolve} from the request parameters, or by the platform's
 * argument resolver for a controller parameter annotated {@link Windowed}.
 */
public record Window(Instant from, Instant to, int limit, @Nullable Position after) {

  /**
   * The window the parameters name under a list's policy, each bad parameter a 400 naming it:
   * neither end given: the default span up to now; only {@code from}: up to now; only {@code to}: the
   * default span before it.
   */
  public static Window resolve(@Nullable String from, @Nullable String to, @Nullable String limit,
      @Nullable String cursor, WindowPolicy policy, Instant now) {
    Instant end = to == null ? now : instant("to", to);
    Instant start = from == null ? end.minus(policy.defaultSpan()) : instant("from", from);
    if (start.isAfter(end)) {
      throw new InvalidField(from == null ? "to" : "from", "must not be after " + (from == null ? "now" : "to"));
    }
    if (start.plus(policy.maxSpan()).isBefore(end)) {
      throw new InvalidField(from == null ? "to" : "from",
          "the window from..to may span at most " + policy.maxSpan() + "; page through a longer time in windows");
    }
    Position after = cursor == null ? null : Cursor.decode(cursor);
    if (after != null && (after.at().isBefore(start) || after.at().isAfter(end))) {
      throw new InvalidField("cursor", "does not belong to this window; start again without it");
    }
    return new Window(start, end, limit(limit), after);
  }

  private static int limit(@Nullable String limit) {
    if (limit == null) {
      return WindowPolicy.DEFAULT_LIMIT;
    }
    int value;
    try {
      value = Integer.parseInt(limit);
    } catch (NumberFormatException e) {
      throw new InvalidField("limit", "must be a whole number from 1 to " + WindowPolicy.MAX_LIMIT);
    }
    if (value < 1 || value > WindowPolicy.MAX_LIMIT) {
      throw new InvalidField("limit", "must be from 1 to " + WindowPolicy.MAX_LIMIT);
    }
    return value;
  }

  private static Instant instant(String name, String value) {
    try {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(value, Instant::from);
    } catch (DateTimeException e) {
      throw new InvalidField(name, "must be an ISO-8601 instant with its offset, e.g. 2026-01-31T08:00:00Z");
    }
  }

  /** The same window resumed after a position: the next page's request. */
  public Window after(Position position) {
    return new Window(from, to, limit, position);
  }
}
