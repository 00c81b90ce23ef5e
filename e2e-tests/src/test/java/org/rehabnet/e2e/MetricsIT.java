package org.rehabnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rehabnet.test.http.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * What Prometheus scrapes from each process's management port, and that the door does not serve
 * it: HTTP latency histograms per route, the event path (outbox, lag per group, dead letters), and
 * the clinical-safety counts (alerts, dose refusals, overdue assessments, consent refusals).
 */
class MetricsIT {

  private final PlatformUnderTest platform = PlatformUnderTest.get();

  @Test
  void eachProcessServesItsMetricsOnTheManagementPortOnly() {
    JsonNode admission = new Journeys(platform.gateway).admit(platform.token("intake-north"), "north");
    String nurse = platform.token("nurse-north");
    String episode = await("the episode").atMost(Duration.ofSeconds(30))
        .until(() -> platform.gateway.get("/api/monitoring/v1/admissions/" + admission.get("admissionId").asString()
            + "/episode", nurse), r -> r.status() == 200)
        .json().get("episodeId").asString();
    // Breathing at 9 a minute raises a respiratory-depression alert.
    var charted = platform.gateway.post("/api/monitoring/v1/episodes/" + episode + "/vital-signs", nurse, vitals(9));
    assertThat(charted.status()).as(charted.body()).isEqualTo(201);
    // A partner asking for a patient who never consented to it.
    String harbor = platform.keycloak.clientCredentialsToken("partner-harbor", "harbor-dev-secret");
    String patient = admission.get("patientId").asString();

    for (String service : List.of("intake", "monitoring", "aftercare")) {
      String scrape = scrape(service);
      assertThat(scrape).as(service)
          .contains("http_server_requests_seconds_bucket{")
          .contains("application=\"" + service + "-service\"")
          .contains("rehabnet_outbox_backlog{")
          .contains("rehabnet_outbox_oldest_age_seconds{");
    }
    // The admission reached both consumers: the inbox's handling timer per consumer and event type.
    assertThat(scrape("monitoring")).contains("rehabnet_events_handled_seconds_count{")
        .contains("consumer=\"monitoring.episode.admissions\"");
    assertThat(scrape("aftercare")).contains("rehabnet_events_handled_seconds_count{");
    await("lag and dead-letter depth per group").atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
      String monitoring = scrape("monitoring");
      assertThat(monitoring).containsPattern(
              "rehabnet_events_consumer_lag\\{[^}]*group=\"monitoring.episode.admissions\"[^}]*topic=\"rehab.intake.admissions.v1\"")
          .contains("rehabnet_events_dlt_depth{")
          .contains("topic=\"rehab.intake.admissions.v1.monitoring-service-dlt\"");
      assertThat(scrape("aftercare")).contains("rehabnet_events_consumer_lag{").contains("group=\"aftercare.plan.discharges\"");
      assertThat(scrape("intake")).contains("rehabnet_events_consumer_lag{").contains("group=\"intake.admission.discharges\"");
    });

    String monitoring = scrape("monitoring");
    assertThat(monitoring).contains("rehabnet_dose_refusals_total{").contains("rule=\"DAILY_MAXIMUM\"")
        .containsPattern("rehabnet_alerts_raised_total\\{[^}]*kind=\"RESPIRATORY_DEPRESSION\"[^}]*severity=\"HIGH\"");
    await("overdue assessments per ward").atMost(Duration.ofSeconds(45)).untilAsserted(() ->
        assertThat(scrape("monitoring")).containsPattern(
            "rehabnet_assessments_overdue\\{[^}]*assessment=\"cows\"[^}]*site=\"north\""));

    await("a consent refusal counted at the partner API").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      platform.gateway.send("GET", "/partner/v1/Patient/" + patient, harbor, null,
          Map.of("X-Purpose-Of-Use", "RECOVERY_SUPPORT"));
      assertThat(scrape("aftercare")).containsPattern(
          "rehabnet_partner_consent_refusals_total\\{[^}]*partner=\"harbor-house\"[^}]*reason=\"NO_CONSENT_FOR_PARTNER\"");
    });

    assertThat(scrape("gateway")).contains("spring_cloud_gateway_requests_seconds_bucket{")
        .contains("routeId=\"intake\"");
    var atTheDoor = platform.gateway.get("/actuator/prometheus", null);
    assertThat(atTheDoor.status()).as("the gateway's API port does not serve metrics").isNotEqualTo(200);
    var readiness = new ApiClient("http://127.0.0.1:" + platform.managementPorts.get("monitoring"))
        .get("/actuator/health/readiness", null);
    assertThat(readiness.status()).isEqualTo(200);
  }

  private String scrape(String process) {
    var response = new ApiClient("http://127.0.0.1:" + platform.managementPorts.get(process))
        .get("/actuator/prometheus", null);
    assertThat(response.status()).as(process + " scrape: " + response.body()).isEqualTo(200);
    return response.body();
  }

  private static Map<String, Object> vitals(int respirationRate) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("respirationRate", respirationRate);
    body.put("spo2", 97);
    body.put("onOxygen", false);
    body.put("systolic", 120);
    body.put("diastolic", 80);
    body.put("pulse", 72);
    body.put("consciousness", "ALERT");
    body.put("temperature", 37.0);
    return body;
  }
}
