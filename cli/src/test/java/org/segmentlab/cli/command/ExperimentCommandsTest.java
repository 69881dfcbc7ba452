package org.segmentlab.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sweep}, {@code tune} and {@code sensitivity} as a user meets them: outputs, resume, bad input with exit 2. */
class ExperimentCommandsTest {

    private static final Path FOUR_TYPES = Path.of("..", "scenarios", "four-types.yaml");

    /** The shipped scenario made tiny: 1 000 customers, a 2-month window, 2 months. */
    private static String[] small(String verb, String... more) {
        List<String> args = new ArrayList<>(List.of(verb, FOUR_TYPES.toString(),
                "--set", "market.initialCustomers=1000", "--set", "market.potential=10000",
                "--set", "behaviour.featureWindow=2", "--set", "thresholds.loyal.frequency.min=2", "--set", "events[0].month=2", "--months", "2",
                "--threads", "2"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void sweepWritesTheTableAndOneChartPerVariedValue(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sweep");
        Run r = Run.of(small("sweep", "--vary", "market.imitation=0.1..0.4:4", "--vary", "thresholds.loyal.frequency.min=1,2,3",
                "--replications", "2", "--out", out.toString()));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Sweep: 12 points × 2 replications (grid design)").contains("Table: ").contains("Chart: ");
        List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
        assertThat(csv.get(0)).startsWith("point,market.imitation,thresholds.loyal.frequency.min,strategy,replication,month,active,");
        // 12 points × 2 strategies × 2 replications × months 0 … 2
        assertThat(csv).hasSize(1 + 12 * 2 * 2 * 3);
        assertThat(out.resolve("charts").resolve("sweep-market-imitation.png")).isRegularFile();
        assertThat(out.resolve("charts").resolve("sweep-thresholds-loyal-frequency-min.svg")).isRegularFile();
    }

    @Test
    void aCutShortSweepResumesToTheSameTable(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sweep");
        String[] args = small("sweep", "--design", "lhs", "--points", "8", "--vary", "market.imitation=0.1..0.4",
                "--final-only", "--quiet", "--out", out.toString());
        assertThat(Run.of(args).exit()).isZero();
        Path csv = out.resolve("sweep.csv");
        String whole = Files.readString(csv);
        // Without --resume an existing table is not overwritten.
        Run again = Run.of(args);
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("exists").contains("--resume");
        // Cut in the middle of a line, as a kill would.
        Files.writeString(csv, whole.substring(0, whole.length() * 3 / 5));
        List<String> resumeArgs = new ArrayList<>(List.of(args));
        resumeArgs.add("--resume");
        Run resumed = Run.of(resumeArgs.toArray(String[]::new));
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("resumed from the table");
        assertThat(Files.readString(csv)).isEqualTo(whole);
    }

    @Test
    void aBadVaryIsExit2WithAClearMessageAndNothingWritten(@TempDir Path dir) {
        Path out = dir.resolve("sweep");
        Run typo = Run.of(small("sweep", "--vary", "market.imitaton=0.1..0.4", "--out", out.toString()));
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).contains("--vary market.imitaton").contains("did you mean 'imitation'");
        Run malformed = Run.of(small("sweep", "--vary", "market.imitation=0.4..0.1", "--out", out.toString()));
        assertThat(malformed.exit()).isEqualTo(2);
        assertThat(malformed.err()).contains("--vary market.imitation: a range lo..hi needs finite lo < hi");
        Run badValue = Run.of(small("sweep", "--vary", "market.imitation=-1,0.2", "--out", out.toString()));
        assertThat(badValue.exit()).isEqualTo(2);
        assertThat(badValue.err()).contains("--vary market.imitation");
        Run noEquals = Run.of(small("tune", "--vary", "market.imitation", "--out", dir.resolve("t.yaml").toString()));
        assertThat(noEquals.exit()).isEqualTo(2);
        assertThat(noEquals.err()).contains("PATH=VALUES");
        Run design = Run.of(small("sweep", "--vary", "market.imitation=0.1,0.2", "--design", "sobol", "--out", out.toString()));
        assertThat(design.exit()).isEqualTo(2);
        assertThat(design.err()).contains("allowed: grid, list, lhs");
        assertThat(out).doesNotExist();
    }

    @Test
    void tuneReportsTheBestValueWithItsIntervalAndWritesTheTunedScenario(@TempDir Path dir) throws Exception {
        Path tuned = dir.resolve("tuned.yaml");
        Run r = Run.of(small("tune", "--vary", "thresholds.loyal.frequency.min=1..5", "--objective", "macro-f1",
                "--replications", "2", "--out", tuned.toString()));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Tuned thresholds.loyal.frequency.min for max classifier_macro_f1")
                .contains("5 candidates").contains("95% interval").contains("Tuned scenario: ");
        assertThat(Files.readString(tuned)).contains("Four types").containsPattern("frequency: \\{min: [1-5]\\}");
        Run validate = Run.of("validate", tuned.toString());
        assertThat(validate.exit()).as(validate.err()).isZero();
        Run bad = Run.of(small("tune", "--vary", "thresholds.loyal.frequency.min=1..5", "--objective", "happiness"));
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--objective: unknown objective 'happiness'; allowed: profit_cumulative (profit),"
                + " retention_initial (retention), top20_share (top20), classifier_macro_f1 (macro-f1)");
    }

    @Test
    void sensitivityWritesTheTableAndTheTornado(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sens");
        Run r = Run.of(small("sensitivity", "--threshold", "loyal.frequency.min", "--threshold", "negative.complaints.min",
                "--range", "0.5", "--steps", "1", "--out", out.toString()));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("loyal.frequency.min").contains("macro-F1").contains("retention").contains("top-20%");
        List<String> csv = Files.readAllLines(out.resolve("sensitivity.csv"));
        assertThat(csv).hasSize(1 + 2 * 3);
        assertThat(out.resolve("charts").resolve("tornado-classifier-macro-f1.png")).isRegularFile();
        assertThat(out.resolve("charts").resolve("tornado-retention-initial.png")).isRegularFile();
        assertThat(out.resolve("charts").resolve("tornado-top20-share.svg")).isRegularFile();
        Run bad = Run.of(small("sensitivity", "--threshold", "loyal.frequncy.min", "--out", out.toString()));
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("is not a threshold").contains("loyal.frequency.min");
    }

    @Test
    void theNewVerbsHaveHelp() {
        for (String verb : List.of("sweep", "tune", "sensitivity")) {
            Run r = Run.of(verb, "--help");
            assertThat(r.exit()).as(verb).isZero();
            assertThat(r.out()).as(verb).contains("Usage: segmentlab " + verb);
        }
    }
}
