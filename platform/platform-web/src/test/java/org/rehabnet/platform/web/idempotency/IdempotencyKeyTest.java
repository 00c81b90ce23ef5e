package org.rehabnet.platform.web.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class IdempotencyKeyTest {

  @Test
  void aKeyIsOneToTwoHundredVisibleAsciiCharacters() {
    assertThat(IdempotencyFilter.wellFormed("a")).isTrue();
    assertThat(IdempotencyFilter.wellFormed("k".repeat(200))).isTrue();
    assertThat(IdempotencyFilter.wellFormed("3f2b8c1e-7d4a-4b1e-9c2d-0a1b2c3d4e5f")).isTrue();
    assertThat(IdempotencyFilter.wellFormed("")).isFalse();
    assertThat(IdempotencyFilter.wellFormed("k".repeat(201))).isFalse();
    assertThat(IdempotencyFilter.wellFormed("a b")).isFalse();
    assertThat(IdempotencyFilter.wellFormed("a\u0000b")).isFalse();
    assertThat(IdempotencyFilter.wellFormed("caf\u00e9")).isFalse();
  }

  @Test
  void theFingerprintChangesWithThePathTheQueryOrTheBodyAndNothingElse() {
    byte[] body = "{\"doseMg\":4}".getBytes(StandardCharsets.UTF_8);
    String dose = IdempotencyFilter.fingerprint(post("/v1/episodes/1/administrations", null), body);

    assertThat(IdempotencyFilter.fingerprint(post("/v1/episodes/1/administrations", null), body)).isEqualTo(dose);
    assertThat(IdempotencyFilter.fingerprint(post("/v1/episodes/2/administrations", null), body)).isNotEqualTo(dose);
    assertThat(IdempotencyFilter.fingerprint(post("/v1/episodes/1/administrations", "x=1"), body))
        .isNotEqualTo(dose);
    assertThat(IdempotencyFilter.fingerprint(post("/v1/episodes/1/administrations", null),
        "{\"doseMg\":8}".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(dose);
  }

  private static MockHttpServletRequest post(String path, String query) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
    request.setQueryString(query);
    return request;
  }
}
