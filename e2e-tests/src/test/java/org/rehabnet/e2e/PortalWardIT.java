package org.rehabnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.rehabnet.test.http.ApiClient;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import tools.jackson.databind.JsonNode;

/**
 * Journey 1 of issue #13 in a real browser against the whole platform: a night nurse's round, a dose
 * refused in the MAR cell with its rule, a physician's override with a reason, and the override's alert
 * reaching the nurse's census without a reload.
 */
class PortalWardIT {

  static PlatformUnderTest platform;
  static ApiClient gateway;

  @BeforeAll
  static void platform() {
    platform = PlatformUnderTest.get();
    gateway = platform.gateway;
    String nurse = platform.token("nurse-north");
    await("north's settings reach the chart").atMost(Duration.ofSeconds(60))
        .until(() -> gateway.get("/api/monitoring/v1/sites/north/clinical-settings", nurse), r -> r.status() == 200);
  }

  @Test
  void aNurseRecordsARoundTheChartChangesARefusedDoseIsOverriddenAndTheAlertReachesTheCensus() {
    String episode = admittedEpisode();
    ApiResponse ordered = gateway.post("/api/monitoring/v1/episodes/" + episode + "/medication-orders",
        platform.token("physician-north"), Map.of("drug", "BUPRENORPHINE", "doseMg", 4, "route", "SUBLINGUAL"));
    assertThat(ordered.status()).as(ordered.body()).isEqualTo(201);

    try (Browser nurse = new Browser(platform.portalUrl()); Browser physician = new Browser(platform.portalUrl())) {
      nurse.open("/ward/north").signIn("nurse-north");
      WebElement row = nurse.waitFor(By.cssSelector("tr[data-episode='" + episode + "']"));
      assertThat(row.getText()).contains("none yet");
      nurse.screenshot("census").assertAccessible("census");

      row.findElement(By.linkText("Record round")).click();
      nurse.waitFor(By.id("record-round"));
      nurse.assertAccessible("observation round");
      assertThat(new Select(nurse.find(By.id("pupilSize"))).getOptions()).extracting(WebElement::getText)
          .as("only the scale's values").containsExactly("0", "1", "2", "5");
      type(nurse, "respirationRate", "16");
      type(nurse, "spo2", "97");
      type(nurse, "systolic", "120");
      type(nurse, "diastolic", "80");
      type(nurse, "pulse", "88");
      type(nurse, "temperature", "37.0");
      for (String item : new String[] {"sweating", "restlessness", "pupilSize", "boneJointAches", "runnyNose",
          "giUpset", "tremor", "yawning", "anxiety"}) {
        new Select(nurse.find(By.id(item))).selectByValue("1");
      }
      nurse.screenshot("observation-round");
      nurse.find(By.id("record-round")).click();

      // Pulse 88 scores 1 on the COWS resting pulse: nine items at 1 and the pulse make 10.
      WebElement cows = nurse.waitFor(By.cssSelector("#cows-chart svg"));
      assertThat(cows.getAttribute("aria-label")).contains("1 assessments", "latest 10 (mild)");
      assertThat(nurse.find(By.cssSelector("#news2-chart svg")).getAttribute("aria-label"))
          .contains("last 1 sets", "latest total 0");
      nurse.screenshot("chart").assertAccessible("chart");

      giveInCell(nurse, "4");
      nurse.await().until(d -> !d.findElement(By.id("mar")).getText().contains("No dose given yet"));
      WebElement refused = giveInCell(nurse, "4");
      nurse.await().until(d -> refused.isDisplayed() && d.findElement(By.cssSelector(".dose-cell")).getText()
          .contains("Refused"));
      String cell = nurse.find(By.cssSelector(".dose-cell")).getText();
      assertThat(cell).contains("Refused", "MINIMUM_INTERVAL");
      assertThat(nurse.all(By.cssSelector(".dose-cell textarea"))).as("a nurse cannot override").isEmpty();
      nurse.screenshot("mar-refusal");

      nurse.open("/ward/north");
      WebElement alertsBefore = nurse.waitFor(By.cssSelector("tr[data-episode='" + episode + "'] td.alerts"));
      int before = Integer.parseInt(alertsBefore.getText().trim());

      physician.open("/chart/" + episode).signIn("physician-north");
      giveInCell(physician, "4");
      physician.await().until(d -> d.findElement(By.cssSelector(".dose-cell")).getText().contains("Refused"));
      physician.find(By.cssSelector(".dose-cell textarea"))
          .sendKeys("Persistent withdrawal at the bedside, reviewed with the patient");
      physician.screenshot("mar-override");
      physician.find(By.cssSelector(".dose-cell button")).click();
      physician.await().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#mar"),
          "Persistent withdrawal at the bedside"));

      // The census page was not reloaded: the DOSE_OVERRIDE alert arrives by the SSE signal (or the poll).
      nurse.await().withTimeout(Duration.ofSeconds(45)).until(d -> Integer.parseInt(d.findElement(
          By.cssSelector("tr[data-episode='" + episode + "'] td.alerts")).getText().trim()) > before);
      nurse.screenshot("census-alert");

      // The physician discharges from the chart: naloxone, education, plan and prescriber on one form.
      physician.open("/chart/" + episode);
      physician.waitFor(By.id("discharge-type"));
      physician.find(By.cssSelector("input[name=naloxoneProvided]")).click();
      physician.find(By.cssSelector("input[name=overdoseEducation]")).click();
      new Select(physician.find(By.id("medication-plan"))).selectByValue("BUPRENORPHINE_MAINTENANCE");
      physician.find(By.id("prescriber")).sendKeys("Dr Office-Based, Main Street Clinic");
      physician.find(By.cssSelector("#discharge button")).click();
      physician.await().until(d -> d.findElement(By.cssSelector(".banner")).getText().contains("discharged"));
      assertThat(physician.all(By.id("discharge-type"))).as("no second discharge").isEmpty();
    }
  }

  private static void type(Browser browser, String id, String value) {
    WebElement input = browser.find(By.id(id));
    input.clear();
    input.sendKeys(value);
  }

  /** Types the dose into the first order's cell and presses its button; the cell answers in place. */
  private static WebElement giveInCell(Browser browser, String mg) {
    WebElement dose = browser.waitFor(By.cssSelector(".dose-cell input[name=doseMg]"));
    dose.clear();
    dose.sendKeys(mg);
    browser.find(By.cssSelector(".dose-cell button")).click();
    return browser.find(By.cssSelector(".dose-cell"));
  }

  private static String admittedEpisode() {
    JsonNode admission = new Journeys(gateway).admit(platform.token("intake-north"), "north");
    String nurse = platform.token("nurse-north");
    return await("the detox episode").atMost(Duration.ofSeconds(30))
        .until(() -> gateway.get("/api/monitoring/v1/admissions/" + admission.get("admissionId").asString()
            + "/episode", nurse), r -> r.status() == 200)
        .json().get("episodeId").asString();
  }
}
