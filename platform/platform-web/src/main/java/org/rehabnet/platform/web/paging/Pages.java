package org.rehabnet.platform.web.paging;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
    var answer = ResponseEntity.ok().header(TOTAL_COUNT, Long.toString(page.total()));
    if (page.next() != null) {
      answer.header("Link", "<" + nextQuery(window, page.next()) + ">; rel=\"next\"");
    }
    return answer.body(page.items());
  }

  static String nextQuery(Window window, Position next) {
    return "?from=" + encode(window.from().toString()) + "&to=" + encode(window.to().toString()) + "&limit="
        + window.limit() + "&cursor=" + Cursor.encode(next);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
