package org.rehabnet.platform.web.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

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

  @AfterEach
  void clearMdc() {
    MDC.clear();
  }

  @Test
  void theTracersSpanInScopeIsTheTraceparentEventsAndResponsesCarry() {
    TraceContext.set("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "req-12345678");
    MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
    MDC.put("spanId", "00f067aa0ba902b7");

    assertThat(TraceContext.currentTraceparent()).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    assertThat(Correlation.of("req-12345678", null, TraceContext.tracedTraceparent()).traceparent())
        .isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
  }

  @Test
  void withoutATracerTheCallersTraceIsContinuedByHand() {
    assertThat(TraceContext.tracedTraceparent()).isNull();
    String parent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    assertThat(TraceContext.traceId(Correlation.of(null, parent, null).traceparent()))
        .isEqualTo("0af7651916cd43dd8448eb211c80319c");
  }
}
