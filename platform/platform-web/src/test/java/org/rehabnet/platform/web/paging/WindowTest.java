package org.rehabnet.platform.web.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.rehabnet.platform.web.problem.DomainProblem;
import org.rehabnet.platform.web.problem.FieldError;
import org.rehabnet.platform.web.problem.ProblemType;

class WindowTest {

  static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
  static final WindowPolicy CHART = new WindowPolicy(Duration.ofHours(72), Duration.ofDays(31));

  @Test
  void withoutParametersAChartReadsTheLast72HoursInPagesOf100() {
    Window window = resolve(null, null, null, null);
    assertThat(window.from()).isEqualTo(NOW.minus(Duration.ofHours(72)));
    assertThat(window.to()).isEqualTo(NOW);
    assertThat(window.limit()).isEqualTo(100);
    assertThat(window.after()).isNull();
  }

  @Test
  void onlyFromReadsUpToNowAndOnlyToReadsTheDefaultSpanBeforeIt() {
    assertThat(resolve("2026-03-09T00:00:00Z", null, null, null).to()).isEqualTo(NOW);
    Window before = resolve(null, "2026-03-01T00:00:00Z", null, null);
    assertThat(before.from()).isEqualTo(Instant.parse("2026-02-26T00:00:00Z"));
    assertThat(before.to()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
  }

  @Test
  void anOffsetIsReadAsTheInstantItNames() {
    assertThat(resolve("2026-03-09T02:00:00+02:00", null, null, null).from())
        .isEqualTo(Instant.parse("2026-03-09T00:00:00Z"));
  }

  @Test
  void limitOneAndFiveHundredAreTheBoundsAndZeroOr501AreRefusedNamingLimit() {
    assertThat(resolve(null, null, "1", null).limit()).isEqualTo(1);
    assertThat(resolve(null, null, "500", null).limit()).isEqualTo(500);
    assertRefused(() -> resolve(null, null, "0", null), "limit");
    assertRefused(() -> resolve(null, null, "501", null), "limit");
    assertRefused(() -> resolve(null, null, "-1", null), "limit");
    assertRefused(() -> resolve(null, null, "2.5", null), "limit");
    assertRefused(() -> resolve(null, null, "99999999999", null), "limit");
  }

  @Test
  void fromAfterToIsRefusedAndFromEqualToIsAnInstantWindow() {
    assertRefused(() -> resolve("2026-03-09T00:00:01Z", "2026-03-09T00:00:00Z", null, null), "from");
    assertRefused(() -> resolve("2026-03-11T00:00:00Z", null, null, null), "from");
    Window instant = resolve("2026-03-09T00:00:00Z", "2026-03-09T00:00:00Z", null, null);
    assertThat(instant.from()).isEqualTo(instant.to());
  }

  @Test
  void aWindowOfExactly31DaysIsReadAndOneMicrosecondMoreIsRefused() {
    assertThat(resolve("2026-02-01T00:00:00Z", "2026-03-04T00:00:00Z", null, null).from())
        .isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
    assertRefused(() -> resolve("2026-02-01T00:00:00Z", "2026-03-04T00:00:00.000001Z", null, null), "from");
    assertRefused(() -> resolve("2026-01-01T00:00:00Z", null, null, null), "from");
  }

  @Test
  void timesThatAreNotInstantsAreRefusedNamingTheParameter() {
    assertRefused(() -> resolve("yesterday", null, null, null), "from");
    assertRefused(() -> resolve(null, "2026-03-09T00:00:00", null, null), "to");
    assertRefused(() -> resolve(null, "2026-02-30T00:00:00Z", null, null), "to");
  }

  @Test
  void aCursorResumesAfterThePositionItWasGivenFor() {
    Position last = new Position(Instant.parse("2026-03-09T10:15:30.123456Z"), UUID.randomUUID());
    Window next = resolve(null, null, "50", Cursor.encode(last));
    assertThat(next.after()).isEqualTo(last);
    assertThat(next.limit()).isEqualTo(50);
  }

  @Test
  void aCursorKeepsMicrosecondsAsTheDatabaseDoes() {
    Position last = new Position(Instant.parse("2026-03-09T10:15:30.123456789Z"), UUID.randomUUID());
    assertThat(Cursor.decode(Cursor.encode(last)).at()).isEqualTo(Instant.parse("2026-03-09T10:15:30.123456Z"));
  }

  @Test
  void aMalformedOrTamperedCursorIsA400NamingCursorNeverAnError() {
    String good = Cursor.encode(new Position(NOW.minusSeconds(60), UUID.randomUUID()));
    byte[] raw = Base64.getUrlDecoder().decode(good);
    raw[5] ^= 0x01;
    String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    for (String bad : List.of(tampered, "not a cursor!", "AAAA", good.substring(1), good + "A",
        Base64.getUrlEncoder().encodeToString(new byte[33]), "%%%")) {
      assertRefused(() -> resolve(null, null, null, bad), "cursor");
    }
  }

  @Test
  void aCursorFromOutsideTheWindowIsRefused() {
    String old = Cursor.encode(new Position(NOW.minus(Duration.ofDays(5)), UUID.randomUUID()));
    assertRefused(() -> resolve(null, null, null, old), "cursor");
  }

  @Test
  void theNextLinkPinsTheWindowAndCarriesOnlyAQuery() {
    Window window = resolve(null, null, "2", null);
    Position last = new Position(NOW.minusSeconds(5), UUID.randomUUID());
    Page<String> page = Page.of(List.of("a", "b", "c"), window, 7, item -> last);
    assertThat(page.items()).containsExactly("a", "b");
    var answer = Pages.respond(page, window);
    assertThat(answer.getHeaders().getFirst(Pages.TOTAL_COUNT)).isEqualTo("7");
    assertThat(answer.getHeaders().getFirst("Link")).isEqualTo("<?from=2026-03-07T12%3A00%3A00Z"
        + "&to=2026-03-10T12%3A00%3A00Z&limit=2&cursor=" + Cursor.encode(last) + ">; rel=\"next\"");
    assertThat(answer.getBody()).containsExactly("a", "b");
  }

  @Test
  void aFilteredListsNextLinkKeepsItsFiltersEncodedAndLeavesOutThoseNotGiven() {
    Window window = resolve(null, null, "2", null);
    Position last = new Position(NOW.minusSeconds(5), UUID.randomUUID());
    Page<String> page = Page.of(List.of("a", "b", "c"), window, 7, item -> last);
    java.util.Map<String, @Nullable Object> filters = new java.util.HashMap<>();
    filters.put("actor", "nurse north&co");
    filters.put("patientId", null);
    assertThat(Pages.respond(page, window, filters).getHeaders().getFirst("Link")).isEqualTo("<?from=2026-03-07T12"
        + "%3A00%3A00Z&to=2026-03-10T12%3A00%3A00Z&limit=2&cursor=" + Cursor.encode(last)
        + "&actor=nurse+north%26co>; rel=\"next\"");
  }

  @Test
  void aPageInsideAnObjectCarriesTheSameHeadersAndTheObjectAsItsBody() {
    Window window = resolve(null, null, "2", null);
    Position last = new Position(NOW.minusSeconds(5), UUID.randomUUID());
    Page<String> page = Page.of(List.of("a", "b", "c"), window, 7, item -> last);
    record Ledger(int balance, List<String> entries) {}
    Ledger ledger = new Ledger(40, page.items());
    var answer = Pages.respondWithin(ledger, page, window, java.util.Map.of("site", "north"));
    assertThat(answer.getBody()).isSameAs(ledger);
    assertThat(answer.getHeaders().getFirst(Pages.TOTAL_COUNT)).isEqualTo("7");
    assertThat(answer.getHeaders().getFirst("Link")).isEqualTo("<?from=2026-03-07T12%3A00%3A00Z"
        + "&to=2026-03-10T12%3A00%3A00Z&limit=2&cursor=" + Cursor.encode(last) + "&site=north>; rel=\"next\"");
  }

  @Test
  void theLastPageHasNoNextLink() {
    Window window = resolve(null, null, "2", null);
    Page<String> page = Page.of(List.of("a", "b"), window, 2, item -> new Position(NOW, UUID.randomUUID()));
    assertThat(page.next()).isNull();
    assertThat(Pages.respond(page, window).getHeaders().containsHeader("Link")).isFalse();
  }

  private static Window resolve(@Nullable String from, @Nullable String to, @Nullable String limit,
      @Nullable String cursor) {
    return Window.resolve(from, to, limit, cursor, CHART, NOW);
  }

  @SuppressWarnings("unchecked")
  private static void assertRefused(Runnable call, String parameter) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainProblem.class, problem -> {
      assertThat(problem.type()).isEqualTo(ProblemType.VALIDATION);
      assertThat((List<FieldError>) problem.properties().get("errors")).extracting(FieldError::field)
          .containsExactly(parameter);
    });
  }

}
