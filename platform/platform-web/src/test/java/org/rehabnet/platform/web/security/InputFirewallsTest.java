package org.rehabnet.platform.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InputFirewallsTest {

  /** Spring Security's default header rule (StrictHttpFirewall, StrictServerWebExchangeFirewall). */
  private static final Pattern SPRING = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

  @ParameterizedTest
  @ValueSource(strings = {"", "Bearer eyJhbGciOi.eyJzdWIi.c2ln", "text/html, application/json;q=0.9", "Grüße",
      "naïve café", "tab\there", "line\nbreak", "nul\u0000", "del\u007f", "c1\u0085", "unassigned\u0378",
      "emoji \uD83D\uDE00", "lone \uD800 surrogate", "private \uE000 use", "bidi \u202E override", "~!@#$%^&*()"})
  void judgesEveryHeaderAsSpringsExpressionDoes(String value) {
    assertThat(InputFirewalls.assignedAndNotControl(value)).isEqualTo(SPRING.matcher(value).matches());
  }
}
