package org.segmentlab.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.simulator.engine.Simulator;

/**
 * {@code segmentlab run} and {@code compare} as a user meets them: the report folder, the summary table, overrides
 * validated like the file, bad input with its location and exit 2 and nothing written, interruption leaving nothing.
 */
class RunCommandTest {

    /** How often a wait looks at its condition again. */
    private static final long POLL_NANOS = 2_000_000;
    private static final Path FOUR_TYPES = Path.of("..", "scenarios", "four-types.yaml");

    /** The shipped scenario made small, so the test runs in seconds. */
    private static String[] small(String verb, Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(verb, FOUR_TYPES.toString(), "--out", out.toString(),
                "--set", "market.initialCustomers=2000", "--set", "market.potential=20000", "--months", "14"));
        args.addAll(List.of(more));
        if (!args.contains("--threads")) {
            args.addAll(List.of("--threads", "2"));
        }
        return args.toArray(String[]::new);
    }

    @Test
    void runWritesTheWholeReportAndPrintsTheSummary(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("report");
        Run r = Run.of(small("run", out));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(out.resolve("report.html")).isRegularFile();
        assertThat(out.resolve("metrics.csv")).isRegularFile();
        assertThat(out.resolve("summary.json")).isRegularFile();
        assertThat(out.resolve("scenario.resolved.yaml")).isRegularFile();
        try (Stream<Path> charts = Files.list(out.resolve("charts"))) {
            assertThat(charts.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".png")).anyMatch(n -> n.endsWith(".svg"));
        }
        assertThat(r.out()).contains("baseline", "textbook", "retention", "profit (EUR)")
                .contains("Report: " + out.toAbsolutePath().normalize().resolve("report.html"));
        List<String> csv = Files.readAllLines(out.resolve("metrics.csv"));
        assertThat(csv.get(0)).isEqualTo("strategy,replication,month,metric,value");
        assertThat(csv).anyMatch(l -> l.startsWith("textbook,0,14,retention_initial,"));
        // The override reached the run: 2000 customers at month 0, and 14 months (the event is in month 12).
        assertThat(csv).contains("baseline,0,0,active,2000.0");
        assertThat(csv).noneMatch(l -> l.startsWith("baseline,0,15,"));
    }

    @Test
    void theSameSeedGivesTheSameMetricsForAnyThreadCount(@TempDir Path dir) throws Exception {
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        assertThat(Run.of(small("run", one, "--threads", "1", "--quiet")).exit()).isZero();
        assertThat(Run.of(small("run", two, "--threads", "2", "--quiet")).exit()).isZero();
        assertThat(Files.readAllBytes(one.resolve("metrics.csv"))).isEqualTo(Files.readAllBytes(two.resolve("metrics.csv")));
    }

    @Test
    void aTypoInTheScenarioIsLocatedAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("typo.yaml");
        Files.writeString(scenario, Files.readString(FOUR_TYPES).replace("imitation: 0.25", "imitaton: 0.25"));
        Path out = dir.resolve("report");
        Run r = Run.of("run", scenario.toString(), "--out", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("typo.yaml:").contains("market.imitaton").contains("did you mean 'imitation'");
        assertThat(out).doesNotExist();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(scenario);
        }
    }

    @Test
    void aBadOverrideIsLocatedAtTheOption(@TempDir Path dir) {
        Path out = dir.resolve("report");
        Run r = Run.of(small("run", out, "--set", "market.imitation=-1"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("market.imitation").contains("-1");
        assertThat(out).doesNotExist();
    }

    @Test
    void compareNeedsTwoStrategiesAndGivesIntervals(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("compare");
        Run r = Run.of(small("compare", out, "--replications", "3", "--quiet"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(out.resolve("summary.json"))).contains("textbook");
        Path single = dir.resolve("single.yaml");
        Files.writeString(single, String.join("\n", "name: one strategy", "market: {potential: 1000, initialCustomers: 100}",
                "archetypes:", "  - {name: only, share: 1, purchaseRate: 1, spend: 10}",
                "strategies:", "  - {name: baseline, treatments: {default: none}}", ""));
        Run one = Run.of("compare", single.toString(), "--out", dir.resolve("x").toString());
        assertThat(one.exit()).isEqualTo(2);
        assertThat(one.err()).contains("at least 2 strategies");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void anInterruptedRunLeavesNoPartialOutputAndKeepsAnEarlierReport(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("report");
        assertThat(Run.of(small("run", out, "--quiet")).exit()).isZero();
        byte[] before = Files.readAllBytes(out.resolve("metrics.csv"));
        AtomicReference<Run> result = new AtomicReference<>();
        Thread t = new Thread(() -> result.set(Run.of("run", FOUR_TYPES.toString(), "--out", out.toString(),
                "--set", "market.initialCustomers=20000", "--months", "36", "--replications", "5", "--quiet")));
        t.start();
        // Interrupt once the run is simulating (its thread is inside the engine), not after a guessed delay.
        awaitSimulating(t, Duration.ofSeconds(120));
        t.interrupt();
        t.join(Duration.ofSeconds(120).toMillis());
        assertThat(t.isAlive()).as("the interrupted run returns").isFalse();
        assertThat(result.get().exit()).isEqualTo(1);
        assertThat(result.get().err()).contains("interrupted");
        assertThat(Files.readAllBytes(out.resolve("metrics.csv"))).isEqualTo(before);
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(out);
        }
    }

    /** Waits until {@code t} runs the simulation: a frame of the engine's {@code Simulator.run} is on its stack. */
    private static void awaitSimulating(Thread t, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (Arrays.stream(t.getStackTrace()).noneMatch(f -> f.getClassName().equals(Simulator.class.getName())
                && f.getMethodName().equals("run"))) {
            assertThat(t.isAlive()).as("the run thread ended before it started simulating").isTrue();
            assertThat(System.nanoTime() - deadline).as("the run started simulating within " + timeout).isNegative();
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    @Test
    void everyVerbHasHelp() {
        for (String verb : List.of("run", "compare", "validate", "schema", "classify")) {
            Run r = Run.of(verb, "--help");
            assertThat(r.exit()).as(verb).isZero();
            assertThat(r.out()).as(verb).contains("Usage: segmentlab " + verb);
        }
    }
}
