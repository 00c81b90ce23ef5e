package org.rehabnet.intake.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SettingsDiffTest {

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void eachChangedLeafIsNamedByItsPathWithOldAndNewValue() {
    var changes = SettingsDiff.between("settings",
        json.readTree("{\"holds\": {\"spo2Below\": 90, \"possAtLeast\": 3}, \"alerts\": {\"window\": \"PT1H\"}}"),
        json.readTree("{\"holds\": {\"spo2Below\": 92, \"possAtLeast\": 3}, \"alerts\": {\"window\": \"PT30M\"}}"));

    assertThat(changes).extracting(SettingChange::path)
        .containsExactly("settings.holds.spo2Below", "settings.alerts.window");
    assertThat(changes.get(0).oldValue().asInt()).isEqualTo(90);
    assertThat(changes.get(0).newValue().asInt()).isEqualTo(92);
    assertThat(changes.get(1).newValue().asString()).isEqualTo("PT30M");
  }

  @Test
  void theSameDoseWrittenDifferentlyIsNoChange() {
    assertThat(SettingsDiff.between("settings", json.readTree("{\"mg\": 4}"), json.readTree("{\"mg\": 4.0}")))
        .isEmpty();
  }

  @Test
  void aValueSetOrClearedIsAChangeFromOrToNull() {
    var set = SettingsDiff.between("settings", json.readTree("{\"max\": null}"), json.readTree("{\"max\": 12}"));
    var cleared = SettingsDiff.between("settings", json.readTree("{\"max\": 12}"), json.readTree("{\"max\": null}"));

    assertThat(set).singleElement().satisfies(c -> {
      assertThat(c.oldValue().isNull()).isTrue();
      assertThat(c.newValue().asInt()).isEqualTo(12);
    });
    assertThat(cleared).singleElement().satisfies(c -> assertThat(c.newValue().isNull()).isTrue());
  }
}
