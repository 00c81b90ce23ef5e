package org.rehabnet.platform.web.paging;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;

/**
 * A page as the answer: the body stays the JSON array it always was, so clients that read one array
 * keep working; {@code X-Total-Count} counts the whole window and {@code Link rel="next"} names the
 * next page as a query-only reference, which resolves against whatever URL the client used (through
 * the gateway's prefix or direct), with the window pinned so "now" moving does not shift it.
 */
public final class Pages {

  public static final String TOTAL_COUNT = "X-Total-Count";

  private Pages() {}

  public static <T> ResponseEntity<List<T>> respond(Page<T> page, Window window) {
    return respond(page, window, Map.of());
  }

  /**
   * A page of a list that also takes filters (the audit trail's {@code patientId}, {@code actor}): the
   * next link carries them too, or its next page would be a page of another list. A null value is
   * left out.
   */
  public static <T> ResponseEntity<List<T>> respond(Page<T> page, Window window,
      Map<String, ? extends @Nullable Object> filters) {
    return headers(page, window, filters).body(page.items());
  }

  /**
   * A page carried inside an object that was an object before it was paged (a contingency ledger with
   * its balance and a page of its entries; a site's alert worklist with its counts): the same
   * {@code X-Total-Count} and {@code Link}, the object as the body, so its readers keep working.
   */
  public static <B> ResponseEntity<B> respondWithin(B body, Page<?> page, Window window,
      Map<String, ? extends @Nullable Object> filters) {
    return headers(page, window, filters).body(body);
  }

  private static ResponseEntity.BodyBuilder headers(Page<?> page, Window window,
      Map<String, ? extends @Nullable Object> filters) {
    var answer = ResponseEntity.ok().header(TOTAL_COUNT, Long.toString(page.total()));
    if (page.next() != null) {
      StringBuilder next = new StringBuilder(nextQuery(window, page.next()));
      new TreeMap<>(filters).forEach((name, value) -> {
        if (value != null) {
          next.append('&').append(encode(name)).append('=').append(encode(value.toString()));
        }
      });
      answer.header("Link", "<" + next + ">; rel=\"next\"");
    }
    return answer;
  }

  static String nextQuery(Window window, Position next) {
    return "?from=" + encode(window.from().toString()) + "&to=" + encode(window.to().toString()) + "&limit="
        + window.limit() + "&cursor=" + Cursor.encode(next);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
