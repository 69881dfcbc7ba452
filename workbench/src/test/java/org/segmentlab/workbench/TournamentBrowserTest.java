package org.segmentlab.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A tournament as a classroom plays it: a facilitator opens a room from the page, three teams join from three
 * browsers (separate profiles, so separate sessions), submit, and two rounds are played (the second continuing each
 * market); the leaderboard and debrief appear for the facilitator and the teams, and no tournament view is wider
 * than a 1280×800 or a 1920×1080 screen. Screenshots go to target/screenshots/tournament-*.png.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TournamentBrowserTest {

    /** A control answering or a view appearing: seconds, even with four browsers on two loaded cores. */
    private static final Duration UI = Duration.ofSeconds(60);
    /** A round of 4 teams' markets (1,500 customers × 4–8 months × 3 replications): well under 10 s measured. */
    private static final Duration ROUND = Duration.ofSeconds(120);
    private static final int[][] SIZES = {{1280, 800}, {1920, 1080}};

    private static Workbench server;
    private final List<Browser> browsers = new ArrayList<>();

    @BeforeAll
    static void start() {
        Browser.requireInstalled();
        server = Workbench.start(new WorkbenchSettings("127.0.0.1", 0, 100_000, 1, 2, 5_000, "test-version"));
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

    private Browser open(String path) {
        Browser b = Browser.open();
        browsers.add(b);
        b.driver.get("http://127.0.0.1:" + server.port() + path);
        return b;
    }

    @Test
    void threeTeamsPlayTwoRoundsWithALeaderboardAndADebrief() throws IOException {
        Browser facilitator = open("/tournament");
        facilitator.waiting(UI).until(ExpectedConditions.visibilityOfElementLocated(By.id("open")));
        facilitator.waiting(UI).until(d -> new Select(d.findElement(By.id("open-scenario"))).getOptions().size() > 1);
        new Select(facilitator.driver.findElement(By.id("open-scenario"))).selectByValue("four-types");
        type(facilitator, "open-customers", "1500");
        type(facilitator, "open-months", "4");
        new Select(facilitator.driver.findElement(By.id("open-replications"))).selectByVisibleText("3");
        facilitator.driver.findElement(By.id("open")).click();
        facilitator.waiting(UI).until(ExpectedConditions.visibilityOfElementLocated(By.id("room-code")));
        String code = facilitator.waiting(UI).until(d -> {
            String text = d.findElement(By.id("room-code")).getText();
            return text.length() == 6 ? text : null;
        });
        noOverflow(facilitator, "tournament-facilitator-open");

        String[] names = {"Red", "Green", "Blue"};
        String[] plans = {"loyalty-perks", "none", "unique-offer"};
        List<Browser> teams = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Browser team = open("/tournament");
            team.waiting(UI).until(ExpectedConditions.visibilityOfElementLocated(By.id("join-code")));
            if (i == 0) {
                noOverflow(team, "tournament-join");
            }
            type(team, "join-code", code);
            type(team, "join-team", names[i]);
            team.driver.findElement(By.id("join")).click();
            team.waiting(UI).until(ExpectedConditions.visibilityOfElementLocated(By.id("team-view")));
            choose(team, plans[i]);
            teams.add(team);
        }
        // Before the reveal a team sees the others' names and "submitted", never their choices.
        facilitator.waiting(UI).until(ExpectedConditions.textToBe(By.id("submitted-count"), "3 of 3 submitted"));
        // The team list refreshes every 2 s: wait for it to show the others' submissions, then check what it hides.
        String others = teams.get(1).waiting(UI).until(d -> {
            String text = d.findElement(By.id("team-list")).getText();
            return text.contains("Red") && text.contains("Blue") && text.contains("submitted") ? text : null;
        });
        assertThat(others).doesNotContain("loyalty-perks");
        noOverflow(teams.get(0), "tournament-team-entry");

        closeRound(facilitator, 1);
        String board = facilitator.driver.findElement(By.id("fac-results")).getText();
        assertThat(board).contains("Leaderboard, round 1", "Red", "Green", "Blue", "What separated", "Profit bridge against");
        noOverflow(facilitator, "tournament-facilitator-round1");
        Browser red = teams.get(0);
        red.waiting(UI).until(ExpectedConditions.textToBePresentInElementLocated(By.id("team-results"), "Your profit bridge"));
        assertThat(red.driver.findElement(By.id("team-results")).getText()).contains("Entries, revealed", "unique-offer");

        new Select(facilitator.driver.findElement(By.id("next-mode"))).selectByValue("continue");
        facilitator.driver.findElement(By.id("open-next")).click();
        facilitator.waiting(UI).until(ExpectedConditions.textToBePresentInElementLocated(By.id("fac-round"), "Round 2"));
        Browser green = teams.get(1);
        green.waiting(UI).until(ExpectedConditions.textToBePresentInElementLocated(By.id("team-round"), "Round 2"));
        choose(green, "loyalty-perks");
        closeRound(facilitator, 2);
        assertThat(facilitator.driver.findElement(By.id("fac-results")).getText()).contains("months 5–8");
        noOverflow(facilitator, "tournament-facilitator-round2");
        green.waiting(ROUND).until(ExpectedConditions.textToBePresentInElementLocated(By.id("team-results"), "round 2"));
        noOverflow(green, "tournament-team-round2");
        assertThat(facilitator.driver.findElement(By.id("export-csv")).isDisplayed()).isTrue();
    }

    private static void type(Browser b, String id, String text) {
        b.driver.findElement(By.id(id)).clear();
        b.driver.findElement(By.id(id)).sendKeys(text);
    }

    /** Sets every segment to {@code treatment} and submits. */
    private static void choose(Browser team, String treatment) {
        int segments = team.driver.findElements(By.cssSelector("#entry-grid select")).size();
        for (int i = 0; i < segments; i++) {
            new Select(team.driver.findElements(By.cssSelector("#entry-grid select")).get(i)).selectByValue(treatment);
        }
        team.driver.findElement(By.id("submit")).click();
        team.waiting(UI).until(ExpectedConditions.textToBePresentInElementLocated(By.id("submit-state"), "submitted for round"));
        assertThat(team.driver.findElement(By.id("submit-state")).getText()).doesNotContain("changed since");
    }

    private static void closeRound(Browser facilitator, int round) {
        facilitator.waiting(UI).until(ExpectedConditions.elementToBeClickable(By.id("close-round"))).click();
        facilitator.waiting(ROUND).until(ExpectedConditions.textToBePresentInElementLocated(By.id("fac-results"),
                "Leaderboard, round " + round));
        facilitator.waiting(UI).until(ExpectedConditions.visibilityOfElementLocated(By.id("next-round")));
    }

    /** At each screen size: the page is no wider than the window; a screenshot of the view at that size. */
    private static void noOverflow(Browser b, String name) throws IOException {
        Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        for (int[] size : SIZES) {
            b.driver.manage().window().setSize(new Dimension(size[0], size[1]));
            b.waiting(UI).until(d -> ((Number) b.js("return window.innerWidth")).intValue() <= size[0]);
            long scroll = ((Number) b.js("return document.documentElement.scrollWidth")).longValue();
            long client = ((Number) b.js("return document.documentElement.clientWidth")).longValue();
            System.out.println("[tournament layout] " + name + " at " + size[0] + "x" + size[1] + ": page " + scroll
                    + " px wide, window " + client + " px");
            assertThat(scroll).as(name + " at " + size[0] + "x" + size[1]).isLessThanOrEqualTo(client);
            Files.write(dir.resolve(name + "-" + size[0] + ".png"), b.driver.getScreenshotAs(OutputType.BYTES));
        }
    }
}
