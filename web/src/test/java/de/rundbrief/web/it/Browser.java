package de.rundbrief.web.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver) on Rundbrief's screens. Fails
 * when the browser is missing: these tests never skip.
 */
public final class Browser implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final URI base;
  private final WebDriverWait wait;

  private Browser(URL deployment, String language) throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException(
          "Browser tests need Debian's chromium and chromium-driver packages (.ci/run installs them)");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,1000",
        "--lang=" + language,
        "--user-data-dir=" + Files.createTempDirectory("rundbrief-chromium"));
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    this.driver = new ChromeDriver(service, options);
    this.base = Loopback.of(deployment);
    // a page that is being replaced (a redirect, an Ajax update) is read again
    // a condition that reads an element while Faces replaces it just reads again
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    this.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    this.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
  }

  public static Browser open(URL deployment) throws IOException {
    return new Browser(deployment, "en");
  }

  public static Browser openInGerman(URL deployment) throws IOException {
    return new Browser(deployment, "de");
  }

  public Browser go(String path) {
    driver.get(base.resolve(path).toString());
    return this;
  }

  public Browser signIn(String user, String password) {
    go("login.xhtml");
    type("login:username", user);
    type("login:password", password);
    click("login:signIn");
    // a full-page form post: wait until the browser has left the page or it shows why not
    wait.until(
        d ->
            !path().endsWith("/login.xhtml")
                || !d.findElements(By.cssSelector(".ui-messages-error")).isEmpty());
    return this;
  }

  public String path() {
    return URI.create(driver.getCurrentUrl()).getPath();
  }

  public WebElement byId(String id) {
    try {
      return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(
          "No visible #" + id + " on " + driver.getCurrentUrl() + ":\n" + pageText(), e);
    }
  }

  /** The start of the page's source, for failure messages. */
  public String pageText() {
    String source = driver.getPageSource();
    return source.length() > 3000 ? source.substring(0, 3000) : source;
  }

  public boolean present(String id) {
    return !driver.findElements(By.id(id)).isEmpty();
  }

  /** Whether the element exists and is shown, without waiting for it. */
  public boolean byIdPresentAndShown(String id) {
    List<WebElement> found = driver.findElements(By.id(id));
    return !found.isEmpty() && found.get(0).isDisplayed();
  }

  public String text(String id) {
    return byId(id).getText();
  }

  public Browser type(String id, String text) {
    WebElement input = byId(id);
    input.clear();
    input.sendKeys(text);
    return this;
  }

  public Browser click(String id) {
    wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    return this;
  }

  /** Clicks the element once it is shown and enabled (after an overlay's animation, say). */
  public Browser click(By by) {
    wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    return this;
  }

  public List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  /**
   * Waits until the condition holds, re-reading the page each time; if it never does, the page as
   * it was is kept as {@code target/screenshots/timeout-*.png} for whoever looks into the failure.
   */
  /** Answers "yes" in the confirmation dialog that has just opened, once it shows. */
  public Browser confirmYes() {
    By yes = By.cssSelector(".ui-confirmdialog-yes");
    until(driver -> !all(yes).isEmpty() && all(yes).get(0).isDisplayed());
    return click(yes);
  }

  public void until(java.util.function.Function<WebDriver, Boolean> condition) {
    try {
      wait.until(condition::apply);
    } catch (org.openqa.selenium.TimeoutException e) {
      screenshot("timeout-" + System.currentTimeMillis());
      throw e;
    }
  }

  /** Keeps a picture of the page under target/screenshots, for people reviewing a run. */
  public void screenshot(String name) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "screenshots"));
      Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A cookie's value, or {@code null}. */
  public String cookie(String name) {
    org.openqa.selenium.Cookie cookie = driver.manage().getCookieNamed(name);
    return cookie == null ? null : cookie.getValue();
  }

  public Object script(String javaScript) {
    return driver.executeScript(javaScript);
  }

  public WebDriver driver() {
    return driver;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
