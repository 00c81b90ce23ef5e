package org.rehabnet.platform.web.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceContextTest {

  @Test
  void childKeepsTheTraceIdAndMintsANewSpan() {
    String parent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    String child = TraceContext.childOf(parent);

    assertThat(TraceContext.isValid(child)).isTrue();
    assertThat(TraceContext.traceId(child)).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(child).isNotEqualTo(parent);
  }

  @Test
  void invalidOrAllZeroParentsStartANewTrace() {
    assertThat(TraceContext.isValid("00-00000000000000000000000000000000-b7ad6b7169203331-01")).isFalse();
    assertThat(TraceContext.isValid("garbage")).isFalse();
    assertThat(TraceContext.isValid(TraceContext.childOf("garbage"))).isTrue();
  }
}
