package org.segmentlab.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The page on a projector, in headless Chromium at 1280 × 800 and 1920 × 1080: never wider than the window in any
 * state, four legible charts at once in presentation mode, and the marks that tell a room what it is looking at
 * (changed values, out-of-date results, differences coloured by what they mean for the business, intervals).
 * Screenshots of every state go to target/screenshots/layout-*.png. Waits are for states of the page, with the
 * deadlines of {@link WorkbenchBrowserTest}.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WorkbenchLayoutTest {

    static final Duration UI = WorkbenchBrowserTest.UI;
    static final Duration RUN = WorkbenchBrowserTest.RUN;
    /** The projector sizes a facilitator meets. */
    static final List<int[]> SIZES = List.of(new int[] {1280, 800}, new int[] {1920, 1080});
    /** The page's charts are drawn on a canvas this wide (PageCharts.WIDTH); text in them scales with it. */
    static final double CANVAS_WIDTH = PageCharts.WIDTH;

    private static Workbench server;
    private final List<Browser> browsers = new ArrayList<>();

    @BeforeAll
    static void start() throws InterruptedException {
        Browser.requireInstalled();
        server = Workbench.start(new WorkbenchSettings("127.0.0.1", 0, 200_000, 2,
                Runtime.getRuntime().availableProcessors(), 5_000, "test-version"));
        server.awaitWarmUp(Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(Browser::close);
    }

    private Browser open(int width, int height) {
        Browser b = Browser.open(width, height);
        browsers.add(b);
        b.driver.get(server.url());
        b.waiting(UI).until(d -> !d.findElements(By.cssSelector("#grid select")).isEmpty());
        return b;
    }

    /** Picks a shipped scenario and waits for its form. */
    private static void pick(Browser b, String scenario, String titleStart) {
        new Select(b.driver.findElement(By.id("scenario"))).selectByValue(scenario);
        b.waiting(UI).until(d -> d.findElement(By.id("title")).getText().startsWith(titleStart));
    }

    /** Sets controls and presses Run in one step inside the page, then waits for the new run's charts on screen. */
    private static void setAndRun(Browser b, Map<String, String> values) {
        Object before = b.js("const before = window.segmentlab.currentRun;"
                + "for (const [path, value] of Object.entries(arguments[0])) {"
                + "  const input = document.querySelector(`[data-path='${path}']`);"
                + "  input.value = value; input.dispatchEvent(new Event('change'));"
                + "}"
                + "document.getElementById('run').click(); return before;", values);
        String outcome = b.waiting(RUN).until(d -> (String) b.js(
                "const s = window.segmentlab;"
                + "const invalid = document.querySelector('.field.invalid');"
                + "if (!document.getElementById('problems').hidden) return 'refused: ' + document.getElementById('problems').textContent;"
                + "if (invalid) return 'refused: ' + invalid.textContent;"
                + "if (s.currentRun === null || s.currentRun === arguments[0]) return null;"
                + "return s.lastRun === s.currentRun ? s.currentRun : null;", before));
        assertThat(outcome).doesNotStartWith("refused: ");
    }

    private static void assertNoOverflow(Browser b, String state) {
        long scrollWidth = ((Number) b.js("return document.documentElement.scrollWidth")).longValue();
        long inner = ((Number) b.js("return window.innerWidth")).longValue();
        System.out.println("[layout] " + inner + " px window, " + state + ": page " + scrollWidth + " px wide");
        assertThat(b.overflowsHorizontally()).as(state + ": page width " + scrollWidth + " > window " + inner).isFalse();
    }

    @Test
    void noStateOfThePageIsWiderThanAProjector() {
        for (int[] size : SIZES) {
            String at = size[0] + "x" + size[1];
            Browser b = open(size[0], size[1]);
            // four strategies: the widest grid and table the shipped scenarios have
            pick(b, "discount-trap", "The discount trap");
            assertNoOverflow(b, "empty");
            b.screenshot("layout-" + at + "-empty");

            setAndRun(b, Map.of("market.initialCustomers", "20000", "months", "24"));
            assertThat(b.driver.findElements(By.cssSelector("#figures tbody tr"))).hasSize(4);
            assertNoOverflow(b, "after a run with 4 strategies");
            // every column of the key figures and the download button are inside the window
            long right = ((Number) b.js("return Math.max(...[...document.querySelectorAll('#figures th, #figures td, #download, #grid th')]"
                    + ".map(e => e.getBoundingClientRect().right))")).longValue();
            assertThat(right).isLessThanOrEqualTo(size[0]);
            // the progress has its own strip, not under a button
            assertThat(b.driver.findElement(By.id("progress")).isDisplayed()).isTrue();
            assertThat(b.js("return document.getElementById('progress').parentElement.className")).isEqualTo("bar-stack");
            b.screenshot("layout-" + at + "-after-run");

            b.driver.findElement(By.id("toggle-controls")).click();
            assertNoOverflow(b, "controls hidden");
            b.screenshot("layout-" + at + "-controls-hidden");
            b.driver.findElement(By.id("toggle-controls")).click();

            b.driver.findElement(By.id("present")).click();
            assertNoOverflow(b, "presentation mode");
            b.screenshot("layout-" + at + "-presentation");
            new Actions(b.driver).sendKeys(Keys.ESCAPE).perform();
            assertThat(b.driver.findElement(By.id("presentation")).isDisplayed()).isFalse();

            // a bad value: its message beside the control, and a banner for a problem without one
            b.js("const i = document.querySelector(`[data-path='market.innovation']`);"
                    + "i.value = '5'; i.dispatchEvent(new Event('change')); document.getElementById('run').click();");
            b.waiting(UI).until(d -> !d.findElements(By.cssSelector(".field.invalid")).isEmpty());
            assertNoOverflow(b, "with a problem shown");
            b.screenshot("layout-" + at + "-problem");
            b.close();
            browsers.remove(b);
        }
    }

    @Test
    void presentationModeShowsFourLegibleChartsAtOnceOn1080p() {
        Browser b = open(1920, 1080);
        pick(b, "discount-trap", "The discount trap");
        setAndRun(b, Map.of("market.initialCustomers", "20000", "months", "24"));
        // P from the page (not from a focused control, where it is typing)
        b.js("document.activeElement.blur()");
        new Actions(b.driver).sendKeys("p").perform();
        b.waiting(UI).until(d -> d.findElement(By.id("presentation")).isDisplayed());
        b.waiting(UI).until(d -> (Boolean) b.js("const imgs = [...document.querySelectorAll('#present-charts img')];"
                + "return imgs.length === 4 && imgs.every(i => i.complete && i.naturalWidth > 0);"));
        @SuppressWarnings("unchecked")
        List<Map<String, Number>> boxes = (List<Map<String, Number>>) b.js(
                "return [...document.querySelectorAll('#present-charts img')].map(i => { const r = i.getBoundingClientRect();"
                        + " return {left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width}; });");
        for (Map<String, Number> box : boxes) {
            System.out.println("[layout] presentation chart at " + box);
            assertThat(box.get("left").doubleValue()).isGreaterThanOrEqualTo(0);
            assertThat(box.get("top").doubleValue()).isGreaterThanOrEqualTo(0);
            assertThat(box.get("right").doubleValue()).isLessThanOrEqualTo(1920);
            assertThat(box.get("bottom").doubleValue()).isLessThanOrEqualTo(1080);
        }
        // Text in the SVG is set in px of its 640-px canvas: on screen it is that times the drawn width / 640.
        double width = boxes.stream().mapToDouble(m -> m.get("width").doubleValue()).min().orElseThrow();
        String svg = (String) b.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(document.querySelector('#present-charts img').src).then(r => r.text()).then(done);");
        List<Double> sizes = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("font-size: ?([0-9.]+)px").matcher(svg);
        while (m.find()) {
            sizes.add(Double.parseDouble(m.group(1)));
        }
        double title = sizes.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double axisLabel = 14; // ChartStyle.AXIS_LABEL
        assertThat(sizes).contains(axisLabel);
        double scale = width / CANVAS_WIDTH;
        System.out.printf("[layout] presentation at 1920x1080: charts %.0f px wide (x%.2f): title %.1f px, axis labels %.1f px,"
                + " smallest text %.1f px on screen%n", width, scale, title * scale, axisLabel * scale,
                sizes.stream().mapToDouble(Double::doubleValue).min().orElseThrow() * scale);
        assertThat(title * scale).isGreaterThanOrEqualTo(16);
        assertThat(axisLabel * scale).isGreaterThanOrEqualTo(16);
        b.screenshot("layout-presentation-page-1");

        // the keys page through the charts
        String first = (String) b.js("return document.querySelector('#present-charts img').src");
        new Actions(b.driver).sendKeys(Keys.ARROW_RIGHT).perform();
        b.waiting(UI).until(d -> !first.equals(b.js("return document.querySelector('#present-charts img').src")));
        assertThat(((Number) b.js("return window.segmentlab.presentation.page")).intValue()).isEqualTo(1);
        b.screenshot("layout-presentation-page-2");
        new Actions(b.driver).sendKeys(Keys.ARROW_LEFT).perform();
        b.waiting(UI).until(d -> first.equals(b.js("return document.querySelector('#present-charts img').src")));
    }

    @Test
    void differencesAreColouredByWhatTheyMeanForTheBusiness() {
        Browser b = open(1280, 800);
        pick(b, "discount-trap", "The discount trap");
        setAndRun(b, Map.of("market.initialCustomers", "20000"));
        By retention = By.cssSelector("#figures tr[data-strategy='blanket'] td[data-figure='finalRetention'] .diff");
        By profit = By.cssSelector("#figures tr[data-strategy='blanket'] td[data-figure='cumulativeProfit'] .diff");
        By top20 = By.cssSelector("#figures tr[data-strategy='blanket'] td[data-figure='top20Share'] .diff");
        WebElement keeps = b.driver.findElement(retention);
        WebElement earns = b.driver.findElement(profit);
        System.out.println("[layout] blanket vs no-campaign: retention " + keeps.getText() + ", profit " + earns.getText());
        // the blanket campaign keeps more customers and loses money: retention green, profit red
        assertThat(keeps.getText()).startsWith("+");
        assertThat(keeps.getAttribute("class")).contains("good");
        assertThat(earns.getText()).startsWith("−");
        assertThat(earns.getAttribute("class")).contains("bad");
        assertThat(b.driver.findElement(top20).getAttribute("class")).contains("neutral");
        assertThat(keeps.getCssValue("color")).isNotEqualTo(earns.getCssValue("color"));
        b.screenshot("layout-colours");
    }

    @Test
    void aChangedValueIsMarkedAndResetAndTheOldResultsAreOutOfDateUntilNewOnesArrive() {
        Browser b = open(1280, 800);
        setAndRun(b, Map.of("market.initialCustomers", "25000", "months", "12"));
        assertThat(b.js("return document.body.dataset.stale")).isEqualTo("false");
        By field = By.cssSelector(".field[data-field='market.imitation']");
        String scenarioValue = b.driver.findElement(By.cssSelector("[data-path='market.imitation']")).getAttribute("value");

        // an invalid value: marked changed, the results out of date, and they stay so after the refusal
        b.js("const i = document.querySelector(`[data-path='market.imitation']`);"
                + "i.value = '-1'; i.dispatchEvent(new Event('change')); document.getElementById('run').click();");
        b.waiting(UI).until(d -> d.findElement(field).getAttribute("class").contains("invalid"));
        assertThat(b.driver.findElement(field).getAttribute("class")).contains("changed");
        assertThat(b.js("return document.body.dataset.stale")).isEqualTo("true");
        assertThat(b.driver.findElement(By.id("stale-note")).isDisplayed()).isTrue();
        assertThat(b.driver.findElement(By.id("output")).getCssValue("opacity")).isNotEqualTo("1");
        assertThat(b.driver.findElement(field).getAttribute("title")).contains("Scenario value: " + scenarioValue);
        b.screenshot("layout-stale-invalid");

        // the control's reset puts the scenario's value back and clears its mark
        b.driver.findElement(field).findElement(By.cssSelector(".reset")).click();
        assertThat(b.driver.findElement(By.cssSelector("[data-path='market.imitation']")).getAttribute("value"))
                .isEqualTo(scenarioValue);
        assertThat(b.driver.findElement(field).getAttribute("class")).doesNotContain("changed");

        // a grid cell and a lever changed, then Reset all
        new Select(b.driver.findElement(By.cssSelector("[data-path='strategies[1].treatments.negative']"))).selectByValue("none");
        b.js("const i = document.querySelector(`[data-path='months']`); i.value = '18'; i.dispatchEvent(new Event('change'));");
        assertThat(b.driver.findElements(By.cssSelector(".field.changed"))).hasSize(3); // the population too
        b.js("window.scrollTo(0, 0)"); // Reset all sits at the top of the controls
        b.driver.findElement(By.id("reset-all")).click();
        assertThat(b.driver.findElements(By.cssSelector(".field.changed"))).isEmpty();

        // new results for the current values end the out-of-date mark, and the previous run is shown for comparison
        setAndRun(b, Map.of("market.initialCustomers", "25000", "months", "12", "market.imitation", "0.1"));
        assertThat(b.js("return document.body.dataset.stale")).isEqualTo("false");
        assertThat(b.driver.findElements(By.cssSelector("#figures .previous"))).isNotEmpty();
        b.screenshot("layout-previous-run");
    }

    @Test
    void replicationsAndASeedGiveIntervals() {
        Browser b = open(1280, 800);
        assertThat(new Select(b.driver.findElement(By.cssSelector("[data-path='replications']"))).getOptions())
                .extracting(WebElement::getText).containsExactly("1", "5", "10");
        setAndRun(b, Map.of("market.initialCustomers", "5000", "months", "12", "replications", "5", "seed", "7"));
        assertThat(b.driver.findElement(By.id("run-info")).getText()).contains("seed 7").contains("5 replications");
        List<WebElement> intervals = b.driver.findElements(By.cssSelector("#figures .interval"));
        assertThat(intervals).isNotEmpty();
        assertThat(intervals.get(0).getText()).startsWith("95%: ");
        b.screenshot("layout-intervals");
    }

    @Test
    void everyWorkshopExerciseHasAControlOnThePageForItsScenario() throws java.io.IOException {
        Browser b = open(1280, 800);
        Map<String, java.util.Set<String>> exercises =
                WorkshopLeversTest.exercisePaths(java.nio.file.Files.readString(WorkshopLeversTest.GUIDE));
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, java.util.Set<String>> e : exercises.entrySet()) {
            long started = System.nanoTime();
            new Select(b.driver.findElement(By.id("scenario"))).selectByValue(e.getKey());
            b.waiting(UI).until(d -> e.getKey().equals(b.js("return document.body.dataset.form")));
            System.out.println("[layout] " + e.getKey() + ": form on the page " + (System.nanoTime() - started) / 1_000_000 + " ms");
            for (String path : e.getValue()) {
                // a lever's box, list or text, or a grid cell, named by its path
                if (b.driver.findElements(By.cssSelector("[data-path='" + path + "']")).isEmpty()) {
                    missing.add(e.getKey() + ": " + path);
                }
            }
        }
        assertThat(missing).as("exercise paths with no control on the page").isEmpty();
    }
}
