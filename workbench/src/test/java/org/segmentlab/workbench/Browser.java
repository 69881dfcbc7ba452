package org.segmentlab.workbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.http.ClientConfig;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for the end-to-end tests, set up as STACK.md says (Debian's chromium and chromedriver, no
 * Selenium Manager, no network but 127.0.0.1), with a fresh profile and its own download folder. Without
 * {@code /usr/bin/chromedriver} the tests are skipped locally with a message, and fail in CI (CI=true), where
 * {@code .ci/run} installs it.
 */
final class Browser implements AutoCloseable {

    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final int WIDTH = 1600;
    static final int HEIGHT = 1000;
    /**
     * The longest one WebDriver command (starting the browser included) may take: starting Chromium took 4–15 s on
     * the 2-core box with two busy loops on top of the other builds (load average ~30), 32 s once while the server
     * warmed up; four times that, and then some.
     */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(150);
    /** How often a wait looks again: each look is a round trip to the browser, which a loaded machine feels. */
    static final Duration POLL = Duration.ofMillis(100);
    /** The page's session cookie (Workbench.SESSION_COOKIE). */
    static final String SESSION_COOKIE = "segmentlab-session";

    final ChromeDriver driver;
    final Path profile;
    final Path downloads;

    private Browser(ChromeDriver driver, Path profile, Path downloads) {
        this.driver = driver;
        this.profile = profile;
        this.downloads = downloads;
    }

    /** Skips (locally) or fails (in CI) when the browser is not installed. */
    static void requireInstalled() {
        boolean installed = Files.isExecutable(DRIVER) && Files.isExecutable(CHROMIUM);
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(DRIVER + " or " + CHROMIUM + " is missing in CI; .ci/run installs chromium and chromium-driver");
        }
        Assumptions.assumeTrue(installed, "browser tests skipped: " + DRIVER + " is missing (apt-get install chromium chromium-driver)");
    }

    static Browser open() {
        return open(WIDTH, HEIGHT);
    }

    /** A browser whose window is {@code width} × {@code height} CSS pixels (a projector's 1280 × 800, 1920 × 1080). */
    static Browser open(int width, int height) {
        requireInstalled();
        long started = System.nanoTime();
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        try {
            Path profile = Files.createTempDirectory("segmentlab-chrome-profile-");
            Path downloads = Files.createTempDirectory("segmentlab-chrome-downloads-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1", "--user-data-dir=" + profile,
                    "--window-size=" + width + "," + height, "--force-device-scale-factor=1", "--lang=en-GB");
            options.setExperimentalOption("prefs", Map.of(
                    "download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false,
                    "safebrowsing.enabled", false));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().withTimeout(COMMAND_TIMEOUT).build();
            // Every WebDriver command is bounded, so a browser that hangs fails its test instead of the whole run.
            ClientConfig client = ClientConfig.defaultConfig().connectionTimeout(COMMAND_TIMEOUT).readTimeout(COMMAND_TIMEOUT);
            ChromeDriver driver = new ChromeDriver(service, options, client);
            driver.manage().timeouts().scriptTimeout(COMMAND_TIMEOUT).pageLoadTimeout(COMMAND_TIMEOUT);
            System.out.println("[browser timing] started in " + (System.nanoTime() - started) / 1_000_000 + " ms");
            Browser browser = new Browser(driver, profile, downloads);
            browser.resize(width, height);
            return browser;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sets the viewport (not the window: headless Chromium's window has no frame, but set it and check) to
     * {@code width} × {@code height}.
     */
    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        long innerWidth = ((Number) js("return window.innerWidth")).longValue();
        long innerHeight = ((Number) js("return window.innerHeight")).longValue();
        if (innerWidth != width || innerHeight != height) {
            // a window frame: grow the window by it
            driver.manage().window().setSize(new Dimension(2 * width - (int) innerWidth, 2 * height - (int) innerHeight));
        }
    }

    /** Whether the page is wider than the window (a horizontal scroll bar). */
    boolean overflowsHorizontally() {
        return (Boolean) js("return document.documentElement.scrollWidth > window.innerWidth");
    }

    WebDriverWait waiting(Duration timeout) {
        return new WebDriverWait(driver, timeout, POLL);
    }

    /** The workbench session this browser holds (its cookie), or null before the page was opened. */
    String session() {
        Cookie cookie = driver.manage().getCookieNamed(SESSION_COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * A screenshot of the whole page (the window is stretched to the page's height, its width kept) to
     * target/screenshots/NAME.png; the window gets its size back afterwards.
     */
    Path screenshot(String name) {
        try {
            Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
            Files.createDirectories(dir);
            Dimension size = driver.manage().window().getSize();
            long height = ((Number) js("return Math.ceil(document.documentElement.scrollHeight)")).longValue();
            driver.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(6000, Math.max(size.getHeight(), height))));
            Path file = dir.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            driver.manage().window().setSize(size);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Quits the browser and deletes its profile and downloads; a browser that no longer answers is left to die. */
    @Override
    public void close() {
        try {
            driver.quit();
        } catch (RuntimeException e) {
            System.err.println("[browser] quit failed: " + e.getMessage());
        } finally {
            deleteTree(profile);
            deleteTree(downloads);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
