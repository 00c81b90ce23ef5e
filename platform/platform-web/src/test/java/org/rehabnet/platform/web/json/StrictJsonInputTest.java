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

  record Patient(String givenName, @FreeText String note, java.time.LocalDate dateOfBirth,
      java.time.Instant seenAt) {}

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

  @Test
  void aNulOrAnotherControlCharacterInANameIsRefusedNamingTheField() {
    assertThatThrownBy(() -> json.readValue(patient("Jo\\u0000hn", "ok"), Patient.class))
        .isInstanceOf(RefusedInput.class).hasMessageContaining("givenName")
        .hasMessageContaining("control character");
    assertThatThrownBy(() -> json.readValue(patient("Jo\\u0085hn", "ok"), Patient.class))
        .isInstanceOf(RefusedInput.class);
    assertThatThrownBy(() -> json.readValue(patient("Jo\\nhn", "ok"), Patient.class))
        .as("a line break in a name").isInstanceOf(RefusedInput.class);
  }

  @Test
  void bidirectionalOverridesAreRefusedSoANameCannotDisplayReversed() {
    for (String control : new String[] {"\\u202E", "\\u202A", "\\u2066", "\\u2069"}) {
      assertThatThrownBy(() -> json.readValue(patient("Jo" + control + "hn", "ok"), Patient.class))
          .isInstanceOf(RefusedInput.class).hasMessageContaining("bidirectional");
    }
  }

  @Test
  void freeTextNotesKeepTabsAndLineBreaksButNotOtherControls() {
    assertThat(json.readValue(patient("Anna", "line one\\nline two\\ttabbed\\r\\n"), Patient.class).note())
        .isEqualTo("line one\nline two\ttabbed\r\n");
    assertThatThrownBy(() -> json.readValue(patient("Anna", "bell\\u0007"), Patient.class))
        .isInstanceOf(RefusedInput.class).hasMessageContaining("note");
  }

  @Test
  void realNamesWithAccentsApostrophesHyphensAndOtherScriptsAreKept() {
    for (String name : new String[] {"Zoë O'Brien-Łukasz", "محمد", "José María", "李小龙", "Ngũgĩ 👍"}) {
      assertThat(json.readValue(patient(name, "ok"), Patient.class).givenName()).isEqualTo(name);
    }
  }

  @Test
  void aLoneSurrogateAndOverlongTextAreRefused() {
    assertThatThrownBy(() -> json.readValue(patient("a\\uD800b", "ok"), Patient.class))
        .isInstanceOf(RefusedInput.class).hasMessageContaining("surrogate");
    String huge = "x".repeat(TextRules.MAX_LENGTH + 1);
    assertThatThrownBy(() -> json.readValue(patient("Anna", huge), Patient.class))
        .isInstanceOf(RefusedInput.class).hasMessageContaining("longer than");
    assertThat(json.readValue(patient("Anna", "x".repeat(TextRules.MAX_LENGTH)), Patient.class).note())
        .hasSize(TextRules.MAX_LENGTH);
  }

  @Test
  void datesOutsideTheYearsRecordsCanHoldOrSentAsNumbersAreRefused() {
    assertThatThrownBy(() -> json.readValue(dated("\"+999999999-01-01\"", "\"2026-11-28T10:00:00Z\""),
        Patient.class)).isInstanceOf(RefusedInput.class).hasMessageContaining("dateOfBirth");
    assertThatThrownBy(() -> json.readValue(dated("\"1899-12-31\"", "\"2026-11-28T10:00:00Z\""), Patient.class))
        .isInstanceOf(RefusedInput.class);
    assertThatThrownBy(() -> json.readValue(dated("57385", "\"2026-11-28T10:00:00Z\""), Patient.class))
        .as("a bare number as a date").isInstanceOf(RefusedInput.class).hasMessageContaining("ISO-8601");
    assertThatThrownBy(() -> json.readValue(dated("\"1990-04-01\"", "\"-999999999-01-01T00:00:00Z\""),
        Patient.class)).isInstanceOf(tools.jackson.databind.DatabindException.class);
    assertThatThrownBy(() -> json.readValue(dated("\"1990-04-01\"", "1764326400"), Patient.class))
        .isInstanceOf(RefusedInput.class).hasMessageContaining("seenAt");
    Patient kept = json.readValue(dated("\"1900-01-01\"", "\"2199-12-31T23:59:59Z\""), Patient.class);
    assertThat(kept.dateOfBirth()).isEqualTo(java.time.LocalDate.of(1900, 1, 1));
  }

  private static String patient(String givenName, String note) {
    return "{\"givenName\":\"" + givenName + "\",\"note\":\"" + note
        + "\",\"dateOfBirth\":\"1990-04-01\",\"seenAt\":\"2026-11-28T10:00:00Z\"}";
  }

  private static String dated(String dateOfBirth, String seenAt) {
    return "{\"givenName\":\"Anna\",\"note\":\"ok\",\"dateOfBirth\":" + dateOfBirth + ",\"seenAt\":" + seenAt
        + "}";
  }
}
