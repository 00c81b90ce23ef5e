package org.rehabnet.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rehabnet.platform.events.clinical.RiskFlag;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.infra.RehabnetIntegrationTest;
import org.rehabnet.test.scoping.ForeignSiteWalk;
import org.rehabnet.test.time.MutableClock;
import org.rehabnet.test.time.MutableClockConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every id-bearing staff route of monitoring, read from its own request mappings, called by a south
 * user holding every staff role: a north chart answers exactly like an unknown id (404
 * problem+json, same type and detail), and a partner token is refused on every /v1 route.
 */
@RehabnetIntegrationTest(database = "monitoring")
@Import(MutableClockConfiguration.class)
class ForeignSiteWalkIntegrationTest {

  private static final Logger log = LoggerFactory.getLogger(ForeignSiteWalkIntegrationTest.class);
  private static final List<String> STAFF = List.of("nurse", "physician", "counsellor", "intake-coordinator",
      "site-admin");

  @LocalServerPort
  int port;

  @Autowired
  JsonMapper json;

  @Autowired
  MutableClock clock;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mapping;

  @AfterEach
  void backToRealTime() {
    clock.reset();
  }

  @Test
  void anotherSitesChartsAnswerExactlyAsUnknownOnesOnEveryRouteAndPartnersReachNone() {
    // 08:00 in New York a few days ahead: the chart's day is the north site's calendar day.
    ZoneId newYork = ZoneId.of("America/New_York");
    clock.set(LocalDate.now(newYork).plusDays(4).atTime(LocalTime.of(8, 0)).atZone(newYork).toInstant());
    Ward ward = new Ward(port, json, clock);
    ward.announceSeedSites();
    // Self-harm risk at admission raises an alert on the chart, so the alert routes have a real id too.
    Ward.Episode episode = ward.admit("north", Set.of(RiskFlag.SELF_HARM_RISK), Set.of());
    ward.chartCalmInWithdrawal(episode);
    UUID orderId = ward.order(episode, "LOPERAMIDE", "2", "ORAL");
    String alertId = ward.alerts(episode).getFirst().get("alertId").asString();

    ForeignSiteWalk walk = ForeignSiteWalk.of(mapping, Set.of())
        .id("site", "north", "nowhere")
        .id("episodeId", episode.id(), UUID.randomUUID())
        .id("admissionId", episode.admissionId(), UUID.randomUUID())
        .id("orderId", orderId, UUID.randomUUID())
        .id("alertId", alertId, UUID.randomUUID())
        .body("POST /v1/episodes/{episodeId}/vital-signs", ApiClient.json(Ward.vitalSigns(16, 97, 120, 72, "ALERT")))
        .body("PUT /v1/episodes/{episodeId}/spo2-scale", ApiClient.json(Map.of("scale", "SCALE_2",
            "reason", "Hypercapnic respiratory failure, target 88-92 %")))
        .body("POST /v1/episodes/{episodeId}/cows-assessments", ApiClient.json(Ward.cowsOf(10)))
        .body("POST /v1/episodes/{episodeId}/observations", ApiClient.json(Map.of("poss", "1", "vomiting", false,
            "insomnia", false, "anxiety", false, "breathingDifficulty", false)))
        .body("POST /v1/episodes/{episodeId}/phq9-screenings", ApiClient.json(Map.of("items",
            List.of(0, 0, 0, 0, 0, 0, 0, 0, 0))))
        .body("POST /v1/episodes/{episodeId}/medication-orders", ApiClient.json(Map.of("drug", "LOPERAMIDE",
            "doseMg", 2, "route", "ORAL")))
        .body("POST /v1/episodes/{episodeId}/medication-orders/{orderId}/stop",
            ApiClient.json(Map.of("expectedVersion", 0)))
        .body("POST /v1/episodes/{episodeId}/administrations", ApiClient.json(Map.of("orderId", orderId,
            "drug", "LOPERAMIDE", "doseMg", 2, "route", "ORAL")))
        .body("POST /v1/episodes/{episodeId}/discharge", ApiClient.json(Map.of("type", "COMPLETED",
            "naloxoneProvided", true, "overdoseEducation", true, "medicationPlan", "BUPRENORPHINE_MAINTENANCE",
            "receivingPrescriber", "Northside OTP clinic")));

    ForeignSiteWalk.Report report = walk.walk(ward.api,
        ward.idp.staff("everyone-south", STAFF, List.of("south")),
        ward.idp.partner("partner-harbor", "harbor-house"),
        ward.idp.staff("everyone-north", STAFF, List.of("north")));

    log.info("monitoring walk: {} id-bearing routes, {} cases (foreign and unknown, all 404 alike, plus the home"
        + " control on GETs); partner refused on {} /v1 routes; excluded {}", report.idRoutes(), report.idCases(),
        report.partnerRoutes(), report.excluded());
    assertThat(report.idRoutes()).isGreaterThanOrEqualTo(18);
    // Nothing the foreign user sent reached the north chart: still open.
    var chart = ward.api.get("/v1/episodes/" + episode.id(), ward.nurse(episode)).json();
    assertThat(chart.get("status").asString()).isEqualTo("OPEN");
  }
}
