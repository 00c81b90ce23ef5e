package org.rehabnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.rehabnet.test.http.ApiClient.ApiResponse;
import tools.jackson.databind.JsonNode;

/**
 * Journey 2 of issue #13: an intake coordinator finds a referred patient, completes the assessment
 * with DSM-5 severity, PHQ-9, GAD-7, BMI and the expected stay shown as she types, records a §2.31
 * consent and admits to a free bed that the bed board offers.
 */
class PortalIntakeIT {

  @Test
  void anIntakeCoordinatorAssessesWithLiveScoresRecordsConsentAndAdmitsToAFreeBed() {
    PlatformUnderTest platform = PlatformUnderTest.get();
    String token = platform.token("intake-north");
    String given = "Ilse" + UUID.randomUUID().toString().substring(0, 6);
    ApiResponse patient = platform.gateway.post("/api/intake/v1/patients", token,
        Map.of("givenName", given, "familyName", "Portal", "dateOfBirth", "1991-02-03", "site", "north"));
    assertThat(patient.status()).as(patient.body()).isEqualTo(201);
    ApiResponse referral = platform.gateway.post("/api/intake/v1/referrals", token, Map.of("patientId",
        patient.json().get("patientId").asString(), "site", "north", "source", "SELF", "urgency", "URGENT"));
    assertThat(referral.status()).as(referral.body()).isEqualTo(201);

    try (Browser intake = new Browser(platform.portalUrl(), 1024, 768)) {
      intake.open("/intake/patients").signIn("intake-north");
      intake.waitFor(By.id("q")).sendKeys(given);
      intake.find(By.cssSelector("form[role=search] button")).click();
      intake.waitFor(By.id("search-results"));
      intake.screenshot("patient-search");
      intake.find(By.linkText("Open")).click();
      intake.waitFor(By.partialLinkText("referral")).click();
      intake.waitFor(By.xpath("//button[text()='Start screening']")).click();
      intake.waitFor(By.xpath("//button[text()='Accept']")).click();
      intake.await().until(ExpectedConditions.textToBe(By.id("referral-status"), "accepted"));

      select(intake, "substance", "HEROIN");
      select(intake, "route", "SMOKED");
      select(intake, "frequency", "DAILY");
      intake.find(By.id("yearsOfUse")).sendKeys("3");
      intake.setValue("lastUse", LocalDateTime.now(ZoneId.of("America/New_York")).minusHours(14)
          .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
      for (String criterion : new String[] {"CRAVING", "TOLERANCE", "WITHDRAWAL", "MUCH_TIME_SPENT"}) {
        intake.find(By.id("oud-" + criterion)).click();
      }
      intake.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("score-severity"), "moderate"));
      intake.find(By.id("heightCm")).sendKeys("175");
      intake.find(By.id("weightKg")).sendKeys("70");
      intake.await().until(ExpectedConditions.textToBe(By.id("score-bmi"), "22.9"));
      for (int i = 1; i <= 9; i++) {
        select(intake, "phq9_" + i, i <= 4 ? "2" : "0");
      }
      intake.await().until(ExpectedConditions.textToBe(By.id("score-phq9"), "8 mild"));
      for (int i = 1; i <= 7; i++) {
        select(intake, "gad7_" + i, "1");
      }
      intake.await().until(ExpectedConditions.textToBe(By.id("score-gad7"), "7 mild"));
      select(intake, "uds_SIX_MAM", "POSITIVE");
      select(intake, "uds_FENTANYL", "NEGATIVE");
      intake.await().until(d -> d.findElement(By.id("score-length")).getText().endsWith("days"));
      intake.screenshot("assessment").assertAccessible("assessment");
      intake.find(By.id("record-assessment")).click();
      assertThat(intake.waitFor(By.id("assessment-recorded")).getText()).contains("moderate dependence");

      intake.find(By.linkText("Patient")).click();
      intake.waitFor(By.id("c-recipient")).sendKeys("harbor-house");
      new Select(intake.find(By.id("c-purpose"))).selectByValue("CARE_COORDINATION");
      intake.find(By.cssSelector("input[name=dataCategories][value=ATTENDANCE]")).click();
      intake.find(By.cssSelector("input[name=dataCategories][value=AFTERCARE_PLAN]")).click();
      new Select(intake.find(By.id("c-event"))).selectByValue("END_OF_AFTERCARE");
      intake.setValue("c-signed", LocalDate.now(ZoneId.of("America/New_York")).toString());
      intake.find(By.id("record-consent")).click();
      assertThat(intake.waitFor(By.id("consent-list")).getText()).contains("harbor-house", "CARE_COORDINATION");
      intake.screenshot("consent").assertAccessible("patient and consent");

      intake.waitFor(By.partialLinkText("referral")).click();
      intake.waitFor(By.id("choose-bed")).click();
      intake.waitFor(By.id("free-beds"));
      JsonNode beds = platform.gateway.get("/api/intake/v1/sites/north/beds", token).json();
      for (WebElement offered : intake.all(By.cssSelector("#free-beds button"))) {
        String code = offered.getAttribute("data-bed");
        JsonNode bed = null;
        for (JsonNode one : beds) {
          if (one.get("code").asString().equals(code)) {
            bed = one;
          }
        }
        assertThat(bed).as("bed " + code).isNotNull();
        assertThat(bed.get("status").asString()).as("only free beds are offered").isEqualTo("FREE");
      }
      intake.screenshot("bed-board").assertAccessible("bed board");
      WebElement first = intake.find(By.cssSelector("#free-beds button"));
      String bedCode = first.getAttribute("data-bed");
      first.click();
      assertThat(intake.waitFor(By.id("admitted")).getText()).contains("Admitted to bed " + bedCode);
    }
  }

  @Test
  void aSiteAdminAddsAWardAndABedAndTakesTheBedOutOfServiceAndBack() {
    PlatformUnderTest platform = PlatformUnderTest.get();
    String suffix = Integer.toString((int) (Math.random() * 9000) + 1000);
    String ward = "X" + suffix;
    String bed = ward + "-1";
    try (Browser admin = new Browser(platform.portalUrl(), 1024, 768)) {
      admin.open("/").signIn("admin-north");
      admin.waitFor(By.linkText("Beds north")).click();
      admin.waitFor(By.id("ward-code")).sendKeys(ward);
      admin.find(By.id("ward-name")).sendKeys("Overflow " + suffix);
      admin.find(By.cssSelector("#add-ward button")).click();
      assertThat(admin.waitFor(By.id("wards")).getText()).contains(ward + ": Overflow " + suffix + ", 0 beds");

      select(admin, "bed-ward", ward);
      admin.find(By.id("bed-code")).sendKeys(bed);
      admin.find(By.cssSelector("#add-bed button")).click();
      admin.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("bed-board"), bed));

      WebElement reason = admin.find(By.xpath("//label[text()='Why " + bed + " leaves service']/following-sibling::input"));
      reason.sendKeys("Mattress replaced");
      reason.submit();
      admin.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("bed-board"), "Mattress replaced"));
      admin.screenshot("bed-administration").assertAccessible("bed board kept by the site admin");
      JsonNode beds = platform.gateway.get("/api/intake/v1/sites/north/beds", platform.token("admin-north")).json();
      assertThat(beds.valueStream().filter(b -> b.get("code").asString().equals(bed))
          .map(b -> b.get("status").asString())).containsExactly("OUT_OF_SERVICE");

      admin.find(By.xpath("//button[text()='Back in service: " + bed + "']")).click();
      admin.await().until(ExpectedConditions.invisibilityOfElementLocated(
          By.xpath("//button[text()='Back in service: " + bed + "']")));
    }
  }

  private static void select(Browser browser, String id, String value) {
    new Select(browser.find(By.id(id))).selectByValue(value);
  }
}
