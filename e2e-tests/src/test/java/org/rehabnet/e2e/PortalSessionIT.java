package org.rehabnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * Journey 5 of issue #13: signing out, and the automatic logoff after a time without a user action,
 * leave no usable session, neither in the portal nor at Keycloak (which would otherwise sign the user
 * straight back in).
 */
class PortalSessionIT {

  @Test
  void signingOutEndsThePortalAndTheKeycloakSession() {
    PlatformUnderTest platform = PlatformUnderTest.get();
    try (Browser browser = new Browser(platform.portalUrl())) {
      browser.open("/ward/north").signIn("nurse-north");
      browser.waitFor(By.id("census-rows"));
      Cookie session = browser.driver.manage().getCookieNamed("RNSESSION");
      assertThat(session).isNotNull();
      assertThat(session.isHttpOnly()).isTrue();
      assertThat(session.getSameSite()).isEqualToIgnoringCase("Lax");

      browser.find(By.id("logout")).click();
      browser.await().until(d -> d.getCurrentUrl().contains("/signed-out"));
      assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Signed out");
      browser.screenshot("signed-out").assertAccessible("signed out");

      // The old cookie is worth nothing, and Keycloak asks for the password again.
      browser.driver.manage().addCookie(new Cookie("RNSESSION", session.getValue(), "/"));
      browser.open("/ward/north");
      browser.await().until(d -> browser.onKeycloakLogin());
    }
  }

  @Test
  void aSessionWithoutAUserActionIsLoggedOffAfterTheIdleTimeDespiteTheBackgroundPolls() {
    PlatformUnderTest platform = PlatformUnderTest.get();
    String idlePortal = platform.idlePortalUrl();
    try (Browser browser = new Browser(idlePortal)) {
      browser.open("/ward/north").signIn("nurse-north");
      browser.waitFor(By.id("census-rows"));
      // This portal logs off after 20 s and warns 10 s before; its census polls every 5 s meanwhile.
      browser.await().withTimeout(Duration.ofSeconds(25)).until(d -> d.findElement(By.id("idle-warning")).isDisplayed());
      browser.screenshot("idle-warning");
      browser.await().withTimeout(Duration.ofSeconds(40)).until(d -> d.getCurrentUrl().contains("/signed-out"));
      assertThat(browser.find(By.id("idle-notice")).getText()).contains("nothing was done");

      browser.open("/ward/north");
      browser.await().until(d -> browser.onKeycloakLogin());
    }
  }

  @Test
  void aUserActionBeforeTheIdleTimeKeepsTheSessionOpen() {
    PlatformUnderTest platform = PlatformUnderTest.get();
    String idlePortal = platform.idlePortalUrl();
    try (Browser browser = new Browser(idlePortal)) {
      browser.open("/ward/north").signIn("nurse-north");
      browser.waitFor(By.id("census-rows"));
      browser.await().withTimeout(Duration.ofSeconds(25)).until(d -> d.findElement(By.id("idle-warning")).isDisplayed());
      browser.find(By.id("stay-signed-in")).click();
      browser.await().until(d -> !d.findElement(By.id("idle-warning")).isDisplayed());
      // 15 s later: past the first 20 s, but within 20 s of the action.
      browser.await().withTimeout(Duration.ofSeconds(20)).pollingEvery(Duration.ofSeconds(1))
          .until(d -> d.findElement(By.id("idle-warning")).isDisplayed());
      assertThat(browser.driver.getCurrentUrl()).doesNotContain("/signed-out");
      browser.open("/ward/north");
      assertThat(browser.waitFor(By.id("census-rows")).isDisplayed()).isTrue();
    }
  }
}
