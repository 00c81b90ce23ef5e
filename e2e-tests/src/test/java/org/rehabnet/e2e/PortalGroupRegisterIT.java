package org.rehabnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import tools.jackson.databind.JsonNode;

/**
 * Journey 3 of issue #13: a counsellor records one session's attendance for the whole group on one
 * screen, and aftercare holds one mark per member.
 */
class PortalGroupRegisterIT {

  @Test
  void aCounsellorRecordsTheWholeGroupsAttendanceOnOneScreen() {
    PlatformUnderTest platform = PlatformUnderTest.get();
    ApiClient gateway = platform.gateway;
    List<String> plans = new ArrayList<>();
    List<String> people = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      String[] discharged = dischargedPatientWithPlan(platform);
      people.add(discharged[0]);
      plans.add(discharged[1]);
    }
    String counsellor = platform.token("counsellor-north");
    // Today at north (New York): the session's day at the site, whatever the hour in UTC.
    LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
    ApiResponse group = gateway.post("/api/aftercare/v1/groups", counsellor, Map.of("name", "Tuesday SMART",
        "type", "SMART_RECOVERY", "site", "north", "facilitator", "counsellor-north", "capacity", 12,
        "schedule", Map.of("dayOfWeek", today.getDayOfWeek().toString(), "startsAt", LocalTime.of(0, 30).toString(),
            "durationMinutes", 60, "everyWeeks", 1, "firstSessionOn", today.minusWeeks(1).toString())));
    assertThat(group.status()).as(group.body()).isEqualTo(201);
    String groupId = group.json().get("groupId").asString();
    for (String plan : plans) {
      ApiResponse enrolled = gateway.post("/api/aftercare/v1/groups/" + groupId + "/enrolments", counsellor,
          Map.of("planId", plan));
      assertThat(enrolled.status()).as(enrolled.body()).isIn(200, 201);
    }

    try (Browser browser = new Browser(platform.portalUrl())) {
      browser.open("/aftercare/groups/" + groupId).signIn("counsellor-north");
      browser.waitFor(By.id("sessions"));
      browser.open("/aftercare/groups/" + groupId + "/register?date=" + today);
      browser.waitFor(By.id("register"));
      assertThat(browser.all(By.cssSelector("#register tbody tr[data-patient]"))).as("the whole group").hasSize(2);
      browser.find(By.cssSelector("input[name='attendance_" + people.get(1) + "'][value=ABSENT]")).click();
      browser.screenshot("group-register").assertAccessible("group register");
      browser.find(By.id("save-register")).click();
      browser.waitFor(By.id("register-saved"));
      assertThat(browser.find(By.cssSelector("input[name='attendance_" + people.get(1) + "'][value=ABSENT]"))
          .isSelected()).isTrue();
      browser.open("/aftercare");
      browser.waitFor(By.id("caseload"));
      browser.screenshot("aftercare").assertAccessible("aftercare caseload");
    }

    JsonNode sessions = gateway.get("/api/aftercare/v1/groups/" + groupId + "/sessions?from=" + today + "&to=" + today,
        counsellor).json();
    String sessionId = sessions.get(0).get("sessionId").asString();
    JsonNode held = gateway.get("/api/aftercare/v1/groups/" + groupId + "/sessions/" + sessionId, counsellor).json();
    Map<String, String> marks = new java.util.HashMap<>();
    held.get("attendance").forEach(a -> marks.put(a.get("patientId").asString(), a.get("status").asString()));
    assertThat(marks).containsEntry(people.get(0), "PRESENT").containsEntry(people.get(1), "ABSENT").hasSize(2);
  }

  /** Admits, discharges (which opens the aftercare plan and frees the bed): patient id and plan id. */
  private static String[] dischargedPatientWithPlan(PlatformUnderTest platform) {
    ApiClient gateway = platform.gateway;
    JsonNode admission = new Journeys(gateway).admit(platform.token("intake-north"), "north");
    String patientId = admission.get("patientId").asString();
    String nurse = platform.token("nurse-north");
    JsonNode episode = await("the detox episode").atMost(Duration.ofSeconds(30))
        .until(() -> gateway.get("/api/monitoring/v1/admissions/" + admission.get("admissionId").asString()
            + "/episode", nurse), r -> r.status() == 200).json();
    ApiResponse discharged = gateway.post("/api/monitoring/v1/episodes/" + episode.get("episodeId").asString()
        + "/discharge", platform.token("physician-north"), Map.of("type", "COMPLETED", "naloxoneProvided", true,
        "overdoseEducation", true, "medicationPlan", "BUPRENORPHINE_MAINTENANCE", "receivingPrescriber",
        "Harbor Clinic"));
    assertThat(discharged.status()).as(discharged.body()).isIn(200, 201);
    String counsellor = platform.token("counsellor-north");
    JsonNode plan = await("the aftercare plan").atMost(Duration.ofSeconds(30))
        .until(() -> gateway.get("/api/aftercare/v1/plans?patientId=" + patientId, counsellor),
            r -> r.status() == 200 && r.json().size() == 1).json().get(0);
    return new String[] {patientId, plan.get("planId").asString()};
  }
}
