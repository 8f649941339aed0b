package liaison.hub.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium (installed by .ci/run), driven by Playwright, headless: the headless shell
 * where it is installed ({@link #EXECUTABLE}). Playwright never downloads a browser here: the
 * machines have no way out, and the system's Chromium is the one residents' phones are closest to
 * anyway.
 *
 * <p>One browser serves every test class of a test JVM: starting Playwright's driver and Chromium
 * took each browser test class seconds of the suite's time. {@link #launch} hands out a lease on
 * it; closing the lease closes the profiles (contexts) the lease opened, so no cookie, storage or
 * page of one class reaches the next, and the browser stays for the next class. The browser closes
 * when the test JVM ends; a browser that crashed is launched again for the next lease.
 */
public final class Chromium implements AutoCloseable {
  /**
   * Debian's headless shell (package {@code chromium-headless-shell}) where it is installed, else
   * the whole browser ({@code chromium}); {@code -Dliaison.chromium=PATH} chooses. The shell is the
   * same Chromium build's Blink, V8 and Skia without the browser's windowing and UI processes, and
   * what Playwright itself drives for headless pages: the staff-page sweep took 144 CPU seconds of
   * Chromium in the whole browser against 89 in the shell (docs/BENCHMARKS.md).
   */
  static final Path EXECUTABLE = executable();

  public static final Path SCREENS = Path.of("target", "screens");

  /** The test JVM's browser, launched on first use (test classes of one JVM run one at a time). */
  private static Playwright playwright;

  private static Browser shared;

  private final Browser browser;
  private final List<BrowserContext> contexts = new ArrayList<>();

  private Chromium(Browser browser) {
    this.browser = browser;
  }

  private static Path executable() {
    String chosen = System.getProperty("liaison.chromium");
    if (chosen != null && !chosen.isBlank()) {
      return Path.of(chosen);
    }
    Path shell = Path.of("/usr/lib/chromium/chromium-headless-shell");
    return Files.isExecutable(shell) ? shell : Path.of("/usr/bin/chromium");
  }

  /** A lease on the test JVM's browser, launched if none runs yet. */
  public static synchronized Chromium launch() {
    if (shared == null || !shared.isConnected()) {
      start();
    }
    return new Chromium(shared);
  }

  private static void start() {
    if (!Files.isExecutable(EXECUTABLE)) {
      throw new IllegalStateException(
          "no Chromium at "
              + EXECUTABLE
              + ": install Debian's chromium-headless-shell or chromium (bash .ci/run installs the first)"
              + " or set -Dliaison.chromium=PATH");
    }
    if (playwright != null) {
      playwright.close();
    } else {
      Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(Chromium::stop));
    }
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    shared =
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
  }

  private static synchronized void stop() {
    if (playwright != null) {
      playwright.close();
      playwright = null;
      shared = null;
    }
  }

  private Page page(Browser.NewContextOptions options) {
    BrowserContext context = browser.newContext(options);
    synchronized (contexts) {
      contexts.add(context);
    }
    return context.newPage();
  }

  /** A fresh profile (no cookies) with a phone's screen, as a station manager uses it on the go. */
  public Page phone() {
    return page(
        new Browser.NewContextOptions()
            .setViewportSize(390, 844)
            .setDeviceScaleFactor(2)
            .setIsMobile(true)
            .setHasTouch(true)
            .setLocale("zh-CN"));
  }

  /** A fresh profile with a laptop's screen. */
  public Page laptop() {
    return page(new Browser.NewContextOptions().setViewportSize(1366, 768).setLocale("zh-CN"));
  }

  /** A laptop whose browser runs no script: the pages must work without one. */
  public Page laptopWithoutScript() {
    return page(
        new Browser.NewContextOptions()
            .setViewportSize(1366, 768)
            .setLocale("zh-CN")
            .setJavaScriptEnabled(false));
  }

  public static void screenshot(Page page, String name) {
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SCREENS.resolve(name + ".png")).setFullPage(true));
  }

  /** Closes the profiles this lease opened (their pages with them); the browser stays. */
  @Override
  public void close() {
    List<BrowserContext> opened;
    synchronized (contexts) {
      opened = List.copyOf(contexts);
      contexts.clear();
    }
    for (BrowserContext context : opened) {
      try {
        context.close();
      } catch (PlaywrightException e) {
        // Already gone with a crashed browser: the next lease launches a new one.
      }
    }
  }
}
