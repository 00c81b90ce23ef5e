package org.rehabnet.aftercare;

import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.rehabnet.platform.events.CloudEventHeaders;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.IntegrationEvent;
import org.rehabnet.platform.events.Topics;
import org.rehabnet.platform.events.intake.PatientRegistered;
import org.rehabnet.platform.events.intake.SiteConfigured;
import org.rehabnet.platform.events.intake.SiteSettings;
import org.rehabnet.platform.events.monitoring.PatientDischarged;
import org.rehabnet.test.infra.EventProbe;
import org.rehabnet.test.infra.SharedInfrastructure;
import tools.jackson.databind.json.JsonMapper;

/** Events from other services and database counts, the way the integration tests need them. */
public final class Fixtures {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * The sites the integration tests work at, as intake announces them ({@link AnnouncedSites}): north
   * and south as intake's own migration sets them, west on the Pacific coast, so that "today" differs
   * between sites for several hours of every day.
   */
  public static final Map<String, ZoneId> SITE_ZONES = Map.of("north", ZoneId.of("America/New_York"),
      "south", ZoneId.of("America/Chicago"), "west", ZoneId.of("America/Los_Angeles"));

  /** The calendar day it is now at one of the test sites. */
  public static LocalDate today(String site) {
    return LocalDate.now(zone(site));
  }

  public static ZoneId zone(String site) {
    return SITE_ZONES.get(site);
  }

  /** Intake announces a site: its zone and settings, at a sequence (the settings' version). */
  public static SiteConfigured siteConfigured(String site, String zone, SiteSettings settings, long sequence) {
    SiteConfigured event = new SiteConfigured(EventMetadata.next(Instant.now(), sequence), site, "Site " + site,
        zone, false, settings, sequence == 1 ? "system" : "admin-" + site, Instant.now());
    publish(Topics.INTAKE_SITES, event, "/rehabnet/intake-service");
    return event;
  }

  /** Announces a site and waits until aftercare holds that version of it. */
  public static void announceSite(String site, String zone, SiteSettings settings, long sequence) {
    siteConfigured(site, zone, settings, sequence);
    await().atMost(Duration.ofSeconds(30)).until(() -> count(
        "SELECT count(*) FROM site_settings WHERE site = '" + site + "' AND sequence >= " + sequence) == 1);
  }

  public static void publish(String topic, IntegrationEvent event, String source) {
    EventProbe.publish(topic, event.key(), CloudEventHeaders.of(event, source), JSON.writeValueAsBytes(event));
  }

  /** Intake registers a person at a site; returns the patient id once aftercare knows them. */
  public static UUID registeredPatient(String site) {
    UUID patientId = UUID.randomUUID();
    publish(Topics.INTAKE_PATIENTS, new PatientRegistered(EventMetadata.next(Instant.now(), 1), patientId,
        "RN-" + (1_000_000 + (int) (Math.random() * 8_999_999)), "Test", "Person", LocalDate.of(1990, 1, 1), null,
        site), "/rehabnet/intake-service");
    await().atMost(Duration.ofSeconds(20)).until(() -> count(
        "SELECT count(*) FROM patient_identity WHERE patient_id = '" + patientId + "'") == 1);
    return patientId;
  }

  public static PatientDischarged discharge(UUID patientId, String site, Instant dischargedAt) {
    return new PatientDischarged(EventMetadata.next(Instant.now(), 5), UUID.randomUUID(), UUID.randomUUID(),
        patientId, site, "B-1", dischargedAt.minus(Duration.ofDays(7)), dischargedAt, "COMPLETED", true, true,
        "BUPRENORPHINE_MAINTENANCE", "North Street Clinic", 3);
  }

  /** Publishes a discharge and waits until aftercare has opened its plan; returns the plan id. */
  public static UUID planFromDischarge(UUID patientId, String site, Instant dischargedAt) {
    PatientDischarged discharge = discharge(patientId, site, dischargedAt);
    publish(Topics.MONITORING_EPISODES, discharge, "/rehabnet/monitoring-service");
    await().atMost(Duration.ofSeconds(20)).until(() -> count(
        "SELECT count(*) FROM aftercare_plan WHERE episode_id = '" + discharge.episodeId() + "'") == 1);
    return UUID.fromString(string(
        "SELECT id::text FROM aftercare_plan WHERE episode_id = '" + discharge.episodeId() + "'"));
  }

  /** Several discharges at once; returns their plan ids once aftercare has opened them all. */
  public static java.util.List<UUID> plansFromDischarges(int n, String site, Instant dischargedAt) {
    java.util.List<PatientDischarged> discharges = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      PatientDischarged discharge = discharge(UUID.randomUUID(), site, dischargedAt);
      discharges.add(discharge);
      publish(Topics.MONITORING_EPISODES, discharge, "/rehabnet/monitoring-service");
    }
    return discharges.stream().map(discharge -> {
      await().atMost(Duration.ofSeconds(30)).until(() -> count(
          "SELECT count(*) FROM aftercare_plan WHERE episode_id = '" + discharge.episodeId() + "'") == 1);
      return UUID.fromString(string(
          "SELECT id::text FROM aftercare_plan WHERE episode_id = '" + discharge.episodeId() + "'"));
    }).toList();
  }

  public static long count(String sql) {
    try (var connection = SharedInfrastructure.get().postgres().superUserConnection("aftercare");
        var rs = connection.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String string(String sql) {
    try (var connection = SharedInfrastructure.get().postgres().superUserConnection("aftercare");
        var rs = connection.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private Fixtures() {}
}
