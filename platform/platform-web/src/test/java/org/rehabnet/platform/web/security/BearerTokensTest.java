package org.rehabnet.platform.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

class BearerTokensTest {

  /** Spring Security's own expression (ServerBearerTokenAuthenticationConverter), the reference. */
  private static final Pattern SPRING = Pattern.compile("^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$",
      Pattern.CASE_INSENSITIVE);

  @ParameterizedTest
  @ValueSource(strings = {"Bearer abc", "bearer abc", "BEARER a.b-c_d~e+f/g", "Bearer abc==", "Bearer eyJ.eyJ.sig",
      "Bearer a=b", "Bearer ", "Bearer", "Bearer  abc", "Bearer abc def", "Bearer ===", "Bearer ab\u00e9",
      "Bearer abc\t", "Bearerabc", "Basic dXNlcjpwYXNz", "Bearer abc!", "bearer", "Bearer \"abc\""})
  void readsAHeaderExactlyAsSpringDoes(String header) {
    boolean bearer = header.regionMatches(true, 0, "bearer", 0, 6);
    var spring = SPRING.matcher(header);
    if (!bearer) {
      assertThat(BearerTokens.token(header)).as("another scheme is not ours to refuse").isNull();
    } else if (spring.matches()) {
      assertThat(BearerTokens.token(header)).isEqualTo(spring.group("token"));
    } else {
      assertThatThrownBy(() -> BearerTokens.token(header)).isInstanceOf(OAuth2AuthenticationException.class)
          .hasMessageContaining("Bearer token is malformed");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bearer abc", "Bearer a=b", "Basic x"})
  void theFirstAuthorizationHeaderCounts(String header) {
    var headers = new org.springframework.http.HttpHeaders();
    headers.put("Authorization", List.of(header, "Bearer other"));
    if (header.startsWith("Basic")) {
      assertThat(BearerTokens.token(headers)).isNull();
    } else if (header.equals("Bearer abc")) {
      assertThat(BearerTokens.token(headers)).isEqualTo("abc");
    } else {
      assertThatThrownBy(() -> BearerTokens.token(headers)).isInstanceOf(OAuth2AuthenticationException.class);
    }
  }

  @org.junit.jupiter.api.Test
  void noHeaderIsNoToken() {
    assertThat(BearerTokens.token(new org.springframework.http.HttpHeaders())).isNull();
  }
}
