package org.rehabnet.aftercare.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.rehabnet.aftercare.Fixtures.count;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rehabnet.aftercare.AftercareIntegrationTest;
import org.rehabnet.aftercare.Fixtures;
import org.rehabnet.platform.events.Topics;
import org.rehabnet.platform.events.intake.SiteSettings;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.infra.EventProbe;
import org.rehabnet.test.tokens.TestIdentityProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Intake's announcements of a site on the compacted sites topic, as aftercare applies them. */
@AftercareIntegrationTest
class SiteSettingsIntegrationTest {

  @LocalServerPort
  int port;

  @Autowired
  SitePolicies policies;

  ApiClient api;
  String site;
  String counsellor;

  @BeforeEach
  void newSite() {
    api = new ApiClient("http://localhost:" + port);
    site = "cfg-" + UUID.randomUUID().toString().substring(0, 8);
    counsellor = TestIdentityProvider.get().staff("counsellor-" + site, List.of("counsellor"), List.of(site));
  }

  @Test
  void theNewestAnnouncementWinsAndAnOlderOneResentLateChangesNothing() {
    Fixtures.announceSite(site, "America/Chicago", SiteSettings.defaults(), 2);
    Fixtures.announceSite(site, "America/Denver", withAftercare(Duration.ofHours(12), Duration.ofMinutes(45)), 3);
    assertThat(policies.of(site).zone().getId()).isEqualTo("America/Denver");

    // An outbox resend of version 2 arrives after version 3: processed, and ignored.
    var stale = Fixtures.siteConfigured(site, "America/Chicago", SiteSettings.defaults(), 2);
    await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM processed_event WHERE consumer = "
        + "'aftercare.site.settings' AND event_id = '" + stale.metadata().eventId() + "'") == 1);

    SitePolicy policy = policies.of(site);
    assertThat(policy.received()).isTrue();
    assertThat(policy.zone().getId()).isEqualTo("America/Denver");
    assertThat(policy.aftercare().urgentOutreachWithin()).isEqualTo(Duration.ofMinutes(45));
    assertThat(count("SELECT sequence FROM site_settings WHERE site = '" + site + "'")).isEqualTo(3);
  }

  @Test
  void anAnnouncementWithAnUnknownTimeZoneGoesToTheDeadLetterTopicAndTheSiteKeepsItsSettings() {
    Fixtures.announceSite(site, "America/Chicago", SiteSettings.defaults(), 1);

    Fixtures.siteConfigured(site, "Mars/Olympus_Mons", SiteSettings.defaults(), 2);

    var dead = EventProbe.awaitRecord(Topics.deadLetterTopic(Topics.INTAKE_SITES, "aftercare-service"), site,
        Duration.ofSeconds(60));
    assertThat(EventProbe.header(dead, "kafka_dlt-exception-message")).contains("timeZone is not an IANA zone");
    assertThat(policies.of(site).zone().getId()).isEqualTo("America/Chicago");
    assertThat(count("SELECT sequence FROM site_settings WHERE site = '" + site + "'")).isEqualTo(1);
  }

  @Test
  void theCheckInScheduleFollowsTheSitesCadence() {
    SiteSettings defaults = SiteSettings.defaults();
    Fixtures.announceSite(site, "America/New_York", new SiteSettings(defaults.detoxLength(), defaults.reassessment(),
        defaults.buprenorphine(), defaults.methadone(), defaults.holds(), defaults.alerts(),
        new SiteSettings.Aftercare(Period.ofWeeks(2), Period.ofMonths(2), Period.ofMonths(2), Period.ofYears(1),
            Period.ofMonths(6), Duration.ofHours(24), Duration.ofHours(1))), 1);
    UUID planId = Fixtures.planFromDischarge(UUID.randomUUID(), site, Instant.now());
    JsonNode schedule = api.get("/v1/plans/" + planId + "/check-in-schedule", counsellor).json();
    LocalDate start = LocalDate.parse(api.get("/v1/plans/" + planId, counsellor).json().get("startsOn").asString());

    List<String> due = schedule.get("dueDatesThisYear").valueStream().map(JsonNode::asString).toList();
    assertThat(due).startsWith(start.plusDays(14).toString(), start.plusDays(28).toString(),
        start.plusDays(42).toString(), start.plusDays(56).toString());
    assertThat(due).contains(start.plusMonths(4).toString(), start.plusMonths(12).toString())
        .doesNotContain(start.plusMonths(3).toString());
    assertThat(schedule.get("status").get("nextDueOn").asString()).isEqualTo(start.plusDays(14).toString());
  }

  private static SiteSettings withAftercare(Duration relapse, Duration urgent) {
    SiteSettings defaults = SiteSettings.defaults();
    return new SiteSettings(defaults.detoxLength(), defaults.reassessment(), defaults.buprenorphine(),
        defaults.methadone(), defaults.holds(), defaults.alerts(), new SiteSettings.Aftercare(Period.ofWeeks(1),
            Period.ofMonths(1), Period.ofMonths(1), Period.ofYears(1), Period.ofMonths(3), relapse, urgent));
  }
}
