package org.rehabnet.intake.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rehabnet.intake.IntakeFixtures.count;
import static org.rehabnet.intake.IntakeFixtures.strings;

import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.rehabnet.intake.IntakeFixtures;
import org.rehabnet.platform.events.CloudEventHeaders;
import org.rehabnet.platform.events.Topics;
import org.rehabnet.test.infra.EventProbe;
import org.rehabnet.test.infra.RehabnetIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** A site intake has not announced yet gets the defaults as version 1, recorded and announced once. */
@RehabnetIntegrationTest(database = "intake")
class SiteSettingsPublicationIntegrationTest {

  @Autowired
  SiteSettingsPublication publication;

  @Test
  void aNewSiteStartsWithTheDefaultsAsItsFirstRecordedAndAnnouncedVersion() {
    String site = "n" + UUID.randomUUID().toString().substring(0, 8);
    IntakeFixtures.execute("INSERT INTO site (code, name, time_zone) VALUES ('" + site + "', 'New', 'Europe/Dublin')");

    publication.announceUnpublished();
    publication.announceUnpublished();

    assertThat(strings("SELECT settings_version || ':' || published_version FROM site WHERE code = '" + site + "'"))
        .containsExactly("1:1");
    assertThat(strings("SELECT version || ':' || kind || ':' || changed_by FROM site_settings_change"
        + " WHERE site = '" + site + "'")).containsExactly("1:INITIAL:system");
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !EventProbe.read(Topics.INTAKE_SITES,
        r -> site.equals(r.key())).isEmpty());
    var records = EventProbe.read(Topics.INTAKE_SITES, r -> site.equals(r.key()));
    assertThat(records).as("announced once, however often the announcement runs").hasSize(1);
    var event = JsonMapper.builder().build().readTree(records.getFirst().value());
    assertThat(EventProbe.header(records.getFirst(), CloudEventHeaders.TYPE))
        .isEqualTo("rehab.intake.SiteConfigured.v1");
    assertThat(event.get("metadata").get("sequence").asLong()).isEqualTo(1);
    assertThat(event.get("timeZone").asString()).isEqualTo("Europe/Dublin");
    assertThat(event.get("changedBy").asString()).isEqualTo("system");
    assertThat(count("SELECT count(*) FROM site WHERE code = '" + site + "' AND settings IS NOT NULL")).isEqualTo(1);
  }
}
