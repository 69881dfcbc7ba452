package org.segmentlab.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sweep --resume} continues only the sweep that wrote the table: a changed {@code --set}, scenario file,
 * {@code --seed} (grid and list designs), design or {@code --months} is refused with exit 2, a message naming what
 * differs, and the folder left byte for byte as it was; the same command still completes the table exactly.
 */
class SweepResumeTest {

    private static final Path FOUR_TYPES = Path.of("..", "scenarios", "four-types.yaml");

    /** A tiny sweep of {@code scenario}: 1 000 customers, a 2-month window, 2 months, the last month only. */
    private static List<String> sweep(Path scenario, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("sweep", scenario.toString(),
                "--set", "market.initialCustomers=1000", "--set", "market.potential=10000",
                "--set", "behaviour.featureWindow=2", "--set", "thresholds.loyal.frequency.min=2", "--set", "events[0].month=2",
                "--months", "2", "--threads", "2", "--final-only", "--quiet", "--out", out.toString()));
        args.addAll(List.of(more));
        return args;
    }

    private static Run run(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return Run.of(all.toArray(String[]::new));
    }

    /** A sweep killed after part of its points: the table cut in the middle of a line. */
    private static String runAndCut(List<String> args, Path csv) throws Exception {
        Run first = run(args);
        assertThat(first.exit()).as(first.err()).isZero();
        String whole = Files.readString(csv);
        Files.writeString(csv, whole.substring(0, whole.length() / 2));
        return whole;
    }

    /** Every file of the folder with its bytes, to show a refusal changed nothing. */
    private static List<String> snapshot(Path folder) throws Exception {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted().toList()) {
                out.add(folder.relativize(p) + (Files.isRegularFile(p)
                        ? " " + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)))
                        : ""));
            }
        }
        return out;
    }

    private static void assertRefused(Run r, Path folder, List<String> before, String difference) throws Exception {
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("segmentlab sweep: ").contains("written by another sweep").contains(difference)
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(snapshot(folder)).as("the folder after a refused resume").isEqualTo(before);
    }

    @Test
    void aChangedSetScenarioSeedDesignOrMonthsIsRefusedAndTheTableIsUntouched(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("four-types.yaml");
        Files.copy(FOUR_TYPES, scenario);
        Path out = dir.resolve("sweep");
        Path csv = out.resolve("sweep.csv");
        List<String> args = sweep(scenario, out, "--vary", "market.imitation=0.1..0.4:4");
        String whole = runAndCut(args, csv);
        assertThat(out.resolve("sweep.fingerprint.json")).isRegularFile();
        List<String> before = snapshot(out);

        assertRefused(run(sweep(scenario, out, "--vary", "market.imitation=0.1..0.4:4", "--set", "market.innovation=0.004"), "--resume"),
                out, before, "override market.innovation: table (none), now 0.004");
        List<String> otherSet = new ArrayList<>(args);
        otherSet.set(otherSet.indexOf("thresholds.loyal.frequency.min=2"), "thresholds.loyal.frequency.min=3");
        assertRefused(run(otherSet, "--resume"), out, before, "override thresholds.loyal.frequency.min: table 2, now 3");
        assertRefused(run(args, "--seed", "43", "--resume"), out, before, "seed: table 42, now 43");
        List<String> otherMonths = new ArrayList<>(args);
        otherMonths.set(otherMonths.indexOf("--months") + 1, "3");
        assertRefused(run(otherMonths, "--resume"), out, before, "months: table 2, now 3");
        assertRefused(run(sweep(scenario, out, "--vary", "market.imitation=0.1..0.4:5"), "--resume"), out, before,
                "design factor market.imitation: table 0.1..0.4:4, now 0.1..0.4:5");
        assertRefused(run(sweep(scenario, out, "--vary", "market.imitation=0.1..0.4:4", "--design", "list"), "--resume"), out, before,
                "design: table grid, now list");

        // The scenario file edited: a value is a difference, named by its path in the resolved scenario ...
        String yaml = Files.readString(scenario);
        Files.writeString(scenario, yaml.replace("grossMargin: 0.35", "grossMargin: 0.4"));
        assertRefused(run(args, "--resume"), out, before, "scenario: resolved content differs at economics.grossMargin: table 0.35, now 0.4");
        // ... a comment is not: the same sweep continues to exactly the uninterrupted table.
        Files.writeString(scenario, "# a note about this experiment\n" + yaml);
        Run resumed = run(args, "--resume");
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("resumed from the table");
        assertThat(Files.readString(csv)).isEqualTo(whole);
    }

    @Test
    void aChangedSeedIsRefusedUnderAListDesign(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sweep");
        Path csv = out.resolve("sweep.csv");
        List<String> args = sweep(FOUR_TYPES, out, "--design", "list", "--vary", "market.imitation=0.1,0.2,0.3",
                "--vary", "market.innovation=0.001,0.002,0.003", "--seed", "7");
        String whole = runAndCut(args, csv);
        List<String> before = snapshot(out);
        List<String> otherSeed = new ArrayList<>(args);
        otherSeed.set(otherSeed.indexOf("7"), "8");
        assertRefused(run(otherSeed, "--resume"), out, before, "seed: table 7, now 8");
        // Without --seed the scenario's own seed (42) is used: a difference too.
        List<String> noSeed = new ArrayList<>(args.subList(0, args.size() - 2));
        assertRefused(run(noSeed, "--resume"), out, before, "seed: table 7, now 42");
        Run resumed = run(args, "--resume");
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        assertThat(Files.readString(csv)).isEqualTo(whole);
    }

    @Test
    void aTableWithoutAFingerprintOrWithRowsOfAnotherDesignIsExit2WithAPlainMessage(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sweep");
        Path csv = out.resolve("sweep.csv");
        List<String> args = sweep(FOUR_TYPES, out, "--vary", "market.imitation=0.1,0.2");
        runAndCut(args, csv);

        // A table of a segmentlab before fingerprints: refused, with what to do.
        Path fingerprint = out.resolve("sweep.fingerprint.json");
        byte[] saved = Files.readAllBytes(fingerprint);
        Files.delete(fingerprint);
        List<String> before = snapshot(out);
        Run old = run(args, "--resume");
        assertThat(old.exit()).as(old.err()).isEqualTo(2);
        assertThat(old.err()).contains("has no fingerprint").contains("another folder").doesNotContain("Exception");
        assertThat(snapshot(out)).isEqualTo(before);
        Files.write(fingerprint, saved);

        // Rows that are not this design's (a point id that is not a number): exit 2 as well, not an exception.
        String cut = Files.readString(csv, StandardCharsets.UTF_8);
        String header = cut.substring(0, cut.indexOf('\n') + 1);
        Files.writeString(csv, header + "x" + cut.substring(header.length() + 1));
        before = snapshot(out);
        Run bad = run(args, "--resume");
        assertThat(bad.exit()).as(bad.err()).isEqualTo(2);
        assertThat(bad.err()).startsWith("segmentlab sweep: ").contains("is not a point id").doesNotContain("Exception");
        assertThat(snapshot(out)).isEqualTo(before);
    }
}
