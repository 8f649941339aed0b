package liaison.hub.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium (installed by .ci/run), driven by Playwright, headless. Playwright never
 * downloads a browser here: the machines have no way out, and the system's Chromium is the one
 * residents' phones are closest to anyway.
 */
public final class Chromium implements AutoCloseable {
  static final Path EXECUTABLE =
      Path.of(System.getProperty("liaison.chromium", "/usr/bin/chromium"));
  public static final Path SCREENS = Path.of("target", "screens");

  private final Playwright playwright;
  private final Browser browser;

  private Chromium(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  public static Chromium launch() {
    if (!Files.isExecutable(EXECUTABLE)) {
      throw new IllegalStateException(
          "no Chromium at "
              + EXECUTABLE
              + ": install Debian's chromium (bash .ci/run does) or set -Dliaison.chromium=PATH");
    }
    Playwright playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    Browser browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(EXECUTABLE)
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-quic",
                            "--no-first-run",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync")));
    return new Chromium(playwright, browser);
  }

  /** A fresh profile (no cookies) with a phone's screen, as a station manager uses it on the go. */
  public Page phone() {
    BrowserContext context =
        browser.newContext(
            new Browser.NewContextOptions()
                .setViewportSize(390, 844)
                .setDeviceScaleFactor(2)
                .setIsMobile(true)
                .setHasTouch(true)
                .setLocale("zh-CN"));
    return context.newPage();
  }

  /** A fresh profile with a laptop's screen. */
  public Page laptop() {
    return browser
        .newContext(new Browser.NewContextOptions().setViewportSize(1366, 768).setLocale("zh-CN"))
        .newPage();
  }

  /** A laptop whose browser runs no script: the pages must work without one. */
  public Page laptopWithoutScript() {
    return browser
        .newContext(
            new Browser.NewContextOptions()
                .setViewportSize(1366, 768)
                .setLocale("zh-CN")
                .setJavaScriptEnabled(false))
        .newPage();
  }

  public static void screenshot(Page page, String name) {
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SCREENS.resolve(name + ".png")).setFullPage(true));
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
