package org.rehabnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One member of staff's browser: Debian's headless chromium driven through /usr/bin/chromedriver
 * (Selenium Manager never runs, nothing is downloaded), a fresh profile each time, and the flags
 * that keep chromium from reaching out of this closed network.
 */
final class Browser implements AutoCloseable {

  private static final String CHROMEDRIVER = System.getProperty("rehabnet.chromedriver", "/usr/bin/chromedriver");
  private static final String CHROMIUM = System.getProperty("rehabnet.chromium", "/usr/bin/chromium");
  private static final Path SCREENSHOTS = Path.of(System.getProperty("rehabnet.e2e.screenshots", "target/screenshots"));

  final ChromeDriver driver;
  private final Path profile;
  private final String base;

  Browser(String base) {
    this(base, 1280, 1000);
  }

  Browser(String base, int width, int height) {
    this.base = base;
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
    try {
      profile = Files.createTempDirectory("rehabnet-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(width, height));
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
  }

  /** Opens a portal page; Keycloak's login page comes first when no session is open. */
  Browser open(String path) {
    driver.get(base + path);
    return this;
  }

  /** Signs in on Keycloak's own login page, as a person would. */
  Browser signIn(String username) {
    waitFor(By.id("username"));
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(PlatformUnderTest.PASSWORD);
    driver.findElement(By.id("kc-login")).click();
    await().until(d -> d.getCurrentUrl().startsWith(base));
    return this;
  }

  /**
   * The portal swaps live panels (scores, the bed board) with htmx while a condition is polled, so a
   * reference found on one poll may be gone by the next: that is "not yet", not a failure.
   */
  WebDriverWait await() {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  WebElement waitFor(By by) {
    return await().until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  WebElement find(By by) {
    return driver.findElement(by);
  }

  List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  /**
   * Sets a date or date-time input as its picker would (typing into chromium's segmented date fields
   * depends on the locale), then tells the page it changed.
   */
  void setValue(String id, String value) {
    driver.executeScript("const e = document.getElementById(arguments[0]); e.value = arguments[1];"
        + " e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true}));",
        id, value);
  }

  String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  boolean onKeycloakLogin() {
    return !driver.getCurrentUrl().startsWith(base) && !driver.findElements(By.id("kc-login")).isEmpty();
  }

  /** Saves a screenshot of the page as target/screenshots/{name}.png. */
  Browser screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      File shot = driver.getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** axe-core on the page as it stands: no serious or critical violation (WCAG 2.1 A and AA rules). */
  Browser assertAccessible(String page) {
    Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
        .analyze(driver);
    List<String> serious = results.getViolations().stream()
        .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
        .map(Browser::describe).toList();
    assertThat(serious).as("serious or critical accessibility violations on " + page).isEmpty();
    return this;
  }

  private static String describe(Rule rule) {
    return rule.getId() + " (" + rule.getImpact() + "): " + rule.getNodes().stream().limit(3)
        .map(node -> String.valueOf(node.getTarget())).toList();
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException ignored) {
        // a temporary profile left behind is harmless
      }
    }
  }
}
