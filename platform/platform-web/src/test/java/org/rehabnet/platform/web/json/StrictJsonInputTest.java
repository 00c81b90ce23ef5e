package org.rehabnet.platform.web.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

class StrictJsonInputTest {

  record Cows(int pupilSize, Integer tremor) {}

  record Dose(BigDecimal doseMg, boolean onOxygen) {}

  private final JsonMapper json = strict();

  @Test
  void aFractionInAnIntegerFieldIsRefusedNotRounded() {
    assertThatThrownBy(() -> json.readValue("{\"pupilSize\":1.5,\"tremor\":1}", Cows.class))
        .isInstanceOf(DatabindException.class).hasMessageContaining("pupilSize");
    assertThatThrownBy(() -> json.readValue("{\"pupilSize\":1,\"tremor\":2.9}", Cows.class))
        .isInstanceOf(DatabindException.class).hasMessageContaining("tremor");
  }

  @Test
  void aQuotedNumberIsRefusedInIntegerAndDecimalFields() {
    assertThatThrownBy(() -> json.readValue("{\"pupilSize\":\"3\",\"tremor\":1}", Cows.class))
        .isInstanceOf(DatabindException.class);
    assertThatThrownBy(() -> json.readValue("{\"doseMg\":\"4\",\"onOxygen\":false}", Dose.class))
        .isInstanceOf(DatabindException.class);
  }

  @Test
  void aQuotedOrNumericBooleanIsRefused() {
    assertThatThrownBy(() -> json.readValue("{\"doseMg\":4,\"onOxygen\":\"true\"}", Dose.class))
        .isInstanceOf(DatabindException.class);
    assertThatThrownBy(() -> json.readValue("{\"doseMg\":4,\"onOxygen\":1}", Dose.class))
        .isInstanceOf(DatabindException.class);
  }

  @Test
  void wholeNumbersAndDecimalsAsSentStillBind() {
    assertThat(json.readValue("{\"pupilSize\":5,\"tremor\":null}", Cows.class)).isEqualTo(new Cows(5, null));
    assertThat(json.readValue("{\"doseMg\":2.5,\"onOxygen\":true}", Dose.class).doseMg())
        .isEqualByComparingTo("2.5");
    assertThat(json.readValue("{\"doseMg\":4,\"onOxygen\":false}", Dose.class).doseMg()).isEqualByComparingTo("4");
  }

  private static JsonMapper strict() {
    JsonMapper.Builder builder = JsonMapper.builder();
    new StrictJsonInput().customize(builder);
    return builder.build();
  }
}
