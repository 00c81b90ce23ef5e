package org.rehabnet.platform.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InputFirewallsTest {

  @org.junit.jupiter.api.Test
  void anAbsentHeaderIsNoReasonToRefuseAsInSpring() {
    // The firewall also checks what getFirst answers for a header the request does not have.
    assertThat(InputFirewalls.assignedAndNotControl(null)).isTrue();
    assertThat(InputFirewalls.headerValue(null)).isTrue();
  }

  /** Spring Security's default header rules (StrictHttpFirewall, StrictServerWebExchangeFirewall). */
  private static final Pattern SPRING_NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
  private static final Pattern SPRING_VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

  @ParameterizedTest
  @ValueSource(strings = {"", "Bearer eyJhbGciOi.eyJzdWIi.c2ln", "text/html, application/json;q=0.9", "Grüße",
      "naïve café", "tab\there", "\t", "tab and\tnul\u0000", "line\nbreak", "nul\u0000", "del\u007f", "c1\u0085", "unassigned\u0378",
      "emoji \uD83D\uDE00", "lone \uD800 surrogate", "private \uE000 use", "bidi \u202E override", "~!@#$%^&*()"})
  void judgesEveryHeaderAsSpringsExpressionDoes(String value) {
    assertThat(InputFirewalls.assignedAndNotControl(value)).as("as a name").isEqualTo(SPRING_NAMES.matcher(value).matches());
    assertThat(InputFirewalls.headerValue(value)).as("as a value").isEqualTo(SPRING_VALUES.matcher(value).matches());
  }
}
