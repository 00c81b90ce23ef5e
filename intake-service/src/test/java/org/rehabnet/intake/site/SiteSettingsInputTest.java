package org.rehabnet.intake.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rehabnet.platform.events.intake.SiteSettings;
import org.rehabnet.platform.web.json.StrictJsonInput;
import org.rehabnet.platform.web.problem.FieldError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A settings document is read strictly: nothing missing, nothing unknown, nothing rounded, every bound. */
class SiteSettingsInputTest {

  private final JsonMapper json = strictMapper();
  private final SiteSettingsInput input = new SiteSettingsInput(json,
      Validation.buildDefaultValidatorFactory().getValidator());

  @Test
  void theDefaultsAsJsonReadBackAsTheDefaults() {
    assertThat(input.read(defaults())).isEqualTo(SiteSettings.defaults());
  }

  @Test
  void aMissingIntegerSettingIsRefusedNotReadAsZero() {
    ObjectNode document = defaults();
    ((ObjectNode) document.get("detoxLength")).remove("longTermDailyUseYears");

    assertThat(errors(document)).containsExactly("settings.detoxLength.longTermDailyUseYears");
  }

  @Test
  void aMissingSectionIsRefused() {
    ObjectNode document = defaults();
    document.remove("holds");

    assertThat(errors(document)).containsExactly("settings.holds");
  }

  @Test
  void aMisspeltSettingIsRefusedNotIgnored() {
    ObjectNode document = defaults();
    ((ObjectNode) document.get("holds")).put("spo2below", 92);

    assertThat(errors(document)).containsExactly("settings.holds.spo2below");
  }

  @Test
  void aFractionInAnIntegerSettingIsRefusedNotRounded() {
    ObjectNode document = defaults();
    ((ObjectNode) document.get("holds")).put("spo2Below", 90.5);

    assertThat(errors(document)).containsExactly("settings.holds.spo2Below");
  }

  @Test
  void theBoundsOfEachSettingApplyAtTheirEdges() {
    assertThat(errors(with("holds", "spo2Below", 94))).isEmpty();
    assertThat(errors(with("holds", "spo2Below", 95))).containsExactly("settings.holds.spo2Below");
    assertThat(errors(with("holds", "spo2Below", 85))).isEmpty();
    assertThat(errors(with("holds", "spo2Below", 84))).containsExactly("settings.holds.spo2Below");
  }

  @Test
  void theBuprenorphineDailyMaximumCanNeverPassTwentyFourMilligrams() {
    assertThat(errors(with("buprenorphine", "dailyMaxMg", 24))).isEmpty();
    assertThat(errors(with("buprenorphine", "dailyMaxMg", 24.5))).containsExactly("settings.buprenorphine.dailyMaxMg");
  }

  @Test
  void theMethadoneDayOneCeilingCanNeverPassFiftyMilligrams() {
    assertThat(errors(with("methadone", "dayOneMaxMg", 50))).isEmpty();
    assertThat(errors(with("methadone", "dayOneMaxMg", 51))).containsExactly("settings.methadone.dayOneMaxMg");
  }

  @Test
  void aTimeThatIsNotAnIsoDurationIsRefusedNamingIt() {
    ObjectNode document = defaults();
    ((ObjectNode) document.get("holds")).put("observationsValidFor", "an hour");

    assertThat(errors(document)).containsExactly("settings.holds.observationsValidFor");
  }

  @Test
  void everyBrokenRuleIsReportedAtOnce() {
    ObjectNode document = with("holds", "spo2Below", 99);
    ((ObjectNode) document.get("detoxLength")).put("mildDays", 0);

    assertThat(errors(document)).containsExactly("settings.detoxLength.mildDays", "settings.holds.spo2Below");
  }

  @ParameterizedTest
  @ValueSource(strings = {"America/Chicago", "Europe/London", "UTC", "Asia/Kolkata"})
  void ianaZonesAreTimeZones(String zone) {
    assertThat(SiteSettingsInput.zone(zone).getId()).isEqualTo(zone);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Mars/Olympus", "+02:00", "GMT+2", "CST", "", "america/chicago"})
  void offsetsAbbreviationsAndInventedZonesAreNot(String zone) {
    assertThatThrownBy(() -> SiteSettingsInput.zone(zone)).isInstanceOf(SettingsInvalid.class)
        .hasMessageContaining("timeZone");
  }

  private ObjectNode defaults() {
    return (ObjectNode) json.valueToTree(SiteSettings.defaults());
  }

  private ObjectNode with(String section, String field, Number value) {
    ObjectNode document = defaults();
    ObjectNode part = (ObjectNode) document.get(section);
    if (value instanceof Integer i) {
      part.put(field, i);
    } else {
      part.put(field, new java.math.BigDecimal(value.toString()));
    }
    return document;
  }

  @SuppressWarnings("unchecked")
  private List<String> errors(JsonNode document) {
    try {
      input.read(document);
      return List.of();
    } catch (SettingsInvalid e) {
      return ((List<FieldError>) e.properties().get("errors")).stream().map(FieldError::field).toList();
    }
  }

  private static JsonMapper strictMapper() {
    JsonMapper.Builder builder = JsonMapper.builder();
    new StrictJsonInput().customize(builder);
    return builder.build();
  }
}
