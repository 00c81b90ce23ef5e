package org.rehabnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

/**
 * Journey 4 of issue #13: a nurse at south sees none of north's patients in the portal, whether she
 * searches, reads her census, or types a north chart's address by hand.
 */
class PortalSiteIsolationIT {

  @Test
  void aSouthNurseSeesNoneOfNorthsPatientsInSearchCensusOrATypedChartUrl() {
    PlatformUnderTest platform = PlatformUnderTest.get();
    JsonNode admission = new Journeys(platform.gateway).admit(platform.token("intake-north"), "north");
    String nurseNorth = platform.token("nurse-north");
    String episode = await("the detox episode").atMost(Duration.ofSeconds(30))
        .until(() -> platform.gateway.get("/api/monitoring/v1/admissions/" + admission.get("admissionId").asString()
            + "/episode", nurseNorth), r -> r.status() == 200)
        .json().get("episodeId").asString();
    String patientId = admission.get("patientId").asString();
    JsonNode patient = platform.gateway.get("/api/intake/v1/patients/" + patientId,
        platform.token("intake-north")).json();
    String familyName = patient.get("familyName").asString();
    String givenName = patient.get("givenName").asString();

    try (Browser south = new Browser(platform.portalUrl())) {
      south.open("/ward/south").signIn("nurse-south");
      south.waitFor(By.id("census-rows"));
      assertThat(south.all(By.cssSelector("tr[data-episode='" + episode + "']"))).isEmpty();
      assertThat(south.text()).doesNotContain(givenName);

      south.open("/intake/patients");
      south.waitFor(By.id("q")).sendKeys(givenName);
      south.find(By.cssSelector("form[role=search] button")).click();
      south.waitFor(By.id("search-results"));
      assertThat(south.driver.getCurrentUrl()).as("no patient data in URLs").doesNotContain(givenName);
      assertThat(south.text()).doesNotContain(givenName).doesNotContain(familyName + ",");
      south.assertAccessible("patient search");

      south.open("/chart/" + episode);
      assertThat(south.waitFor(By.tagName("h1")).getText()).isEqualTo("Not found");
      assertThat(south.text()).doesNotContain(givenName);

      south.open("/ward/north");
      assertThat(south.waitFor(By.tagName("h1")).getText()).isEqualTo("Not found");
      assertThat(south.all(By.cssSelector("tr[data-episode='" + episode + "']"))).isEmpty();
    } finally {
      // Frees the bed for the other journeys (north has twelve).
      platform.gateway.post("/api/monitoring/v1/episodes/" + episode + "/discharge", platform.token("physician-north"),
          java.util.Map.of("type", "COMPLETED", "naloxoneProvided", true, "overdoseEducation", true,
              "medicationPlan", "NONE"));
    }
  }
}
