package be.parcours.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * A headless Debian Chromium for the browser suite (never a browser downloaded by a test tool):
 * {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} unless {@code chromium.binary} /
 * {@code chromedriver.binary} say otherwise, a throw-away profile, the office's time zone
 * (Europe/Brussels), the page language asked for, the browser console kept for failure reports,
 * and screenshots in {@code target/e2e/}.
 */
public final class Chromium implements AutoCloseable {

  /** Where every browser test leaves its screenshots. */
  public static final Path SHOTS = Path.of("target", "e2e");

  private final ChromeDriverService service;
  private final WebDriver driver;
  private final Path profileDir;

  private Chromium(ChromeDriverService service, WebDriver driver, Path profileDir) {
    this.service = service;
    this.driver = driver;
    this.profileDir = profileDir;
  }

  /** A French-speaking (Belgian) browser window of 1400 × 1800. */
  public static Chromium start() {
    return start("fr-BE", 1400, 1800);
  }

  /** A browser whose user prefers {@code lang} (e.g. {@code nl-BE}), with a window of that size. */
  public static Chromium start(String lang, int width, int height) {
    try {
      Files.createDirectories(SHOTS);
      Path profile = Files.createTempDirectory("parcours-chromium-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
      options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
          "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=" + lang);
      String language = lang.contains("-") ? lang.substring(0, lang.indexOf('-')) : lang;
      options.setExperimentalOption("prefs", Map.of("intl.accept_languages", lang + "," + language));
      LoggingPreferences logging = new LoggingPreferences();
      logging.enable(LogType.BROWSER, java.util.logging.Level.ALL);
      options.setCapability("goog:loggingPrefs", logging);
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
          .withEnvironment(Map.of("TZ", "Europe/Brussels"))
          .usingAnyFreePort().build();
      return new Chromium(service, new ChromeDriver(service, options), profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public WebDriver driver() {
    return driver;
  }

  public WebDriverWait waiting(Duration timeout) {
    return new WebDriverWait(driver, timeout);
  }

  /** Logs in on the workplace's own login page at {@code baseUrl} (password {@code demo}). */
  public void loginToWorkplace(String baseUrl, String user) {
    driver.get(baseUrl + "/login");
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys("demo");
    driver.findElement(By.cssSelector("form button[type=submit]")).click();
    waiting(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.logout")));
  }

  /** A fresh login as {@code user} (cookies of the previous one dropped), typed as a person types it. */
  public void login(String baseUrl, String user) {
    driver.manage().deleteAllCookies();
    driver.get(baseUrl + "/login");
    type(By.id("username"), user);
    type(By.id("password"), "demo");
    click(By.cssSelector("form button[type=submit]"));
    waiting(Duration.ofSeconds(40)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.logout")));
  }

  /** The header's « Se déconnecter », until the login page says so. */
  public void logout() {
    click(By.cssSelector("form.logout button"));
    waiting(Duration.ofSeconds(40)).until(ExpectedConditions.urlContains("/login?logout"));
  }

  /**
   * Types {@code text} into the field as a keyboard would insert it (accents, no-break spaces and
   * all: Chrome's own text insertion, not key codes).
   */
  public void type(By by, String text) {
    WebElement field = driver.findElement(by);
    ((JavascriptExecutor) driver).executeScript("arguments[0].focus();", field);
    ((ChromeDriver) driver).executeCdpCommand("Input.insertText", Map.of("text", text));
  }

  /** Empties the field, then types {@code text}. */
  public void replace(By by, String text) {
    driver.findElement(by).clear();
    type(by, text);
  }

  /** Ticks a check box (left ticked when it is). */
  public void check(WebElement box) {
    if (!box.isSelected()) {
      click(box);
    }
  }

  public void click(By by) {
    click(driver.findElement(by));
  }

  /** Scrolls the element to the middle of the window and clicks it (a sticky header cannot cover it). */
  public void click(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'}); arguments[0].click();",
        element);
  }

  /** Scrolls the element to the top of the window (for a screenshot of that part of the page). */
  public void scrollTo(By by) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'start'});",
        driver.findElement(by));
  }

  /** The window as it is now, as {@code target/e2e/<name>.png}. */
  public Path shot(String name) {
    try {
      File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
      return Files.copy(png.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a failing step leaves to look at: the page source and the browser console beside its screenshot. */
  public void keepFailure(String name) {
    try {
      shot("failed-" + name);
      Files.writeString(SHOTS.resolve("failed-" + name + ".html"), driver.getPageSource());
      StringBuilder console = new StringBuilder();
      driver.manage().logs().get(LogType.BROWSER).forEach(e -> console.append(e).append('\n'));
      Files.writeString(SHOTS.resolve("failed-" + name + ".console.txt"), console);
    } catch (IOException | RuntimeException e) {
      // the failure itself is what the test reports
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      FileSystemUtils.deleteRecursively(profileDir.toFile());
    }
  }
}
