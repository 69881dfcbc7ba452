package org.segmentlab.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.cli.ExitCodes;
import org.segmentlab.model.classify.ConfusionMatrix;
import org.segmentlab.simulator.engine.RunOptions;
import org.segmentlab.simulator.engine.Simulator;
import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.RunDetail;
import org.segmentlab.simulator.metrics.RunResult;
import org.segmentlab.simulator.scenario.Scenario;
import org.segmentlab.simulator.scenario.ScenarioDocument;
import org.segmentlab.simulator.scenario.ScenarioWriter;
import org.segmentlab.simulator.scenario.Scenarios;

/**
 * {@code segmentlab accuracy}: its figures are the run's own (the confusion matrices every report draws from,
 * of a full run with every strategy and every month), whom a terminating strategy ended adds up to the engine's
 * count, a scenario without a truth does not stop the others, and bad input is refused before anything runs.
 */
class AccuracyCommandTest {

    @TempDir
    static Path dir;
    /** four-types at 3,000 customers, 14 months (its event at month 12 included). */
    private static Path small;
    private static ScenarioDocument smallDocument;

    @BeforeAll
    static void smallScenario() throws IOException {
        smallDocument = Scenarios.load(DocExamplesTest.ProjectRoot.find().resolve("scenarios/four-types.yaml"))
                .with("market.initialCustomers", "3000").with("market.potential", "30000").with("months", "14");
        small = dir.resolve("small.yaml");
        Files.writeString(small, ScenarioWriter.toYaml(smallDocument.scenario()));
    }

    @Test
    void theTableIsTheFullRunsConfusionMatrixAtEachMonthAsked() throws IOException {
        List<String> here = listing(Path.of(""));
        List<String> beside = listing(dir);
        Run r = Run.of("accuracy", small.toString(), "--months", "12,1", "--threads", "1");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(listing(Path.of(""))).as("nothing written in the working folder").isEqualTo(here);
        assertThat(listing(dir)).as("nothing written beside the scenario").isEqualTo(beside);

        // The reference: every strategy, all 14 months, as 'run' does it.
        Scenario scenario = smallDocument.scenario();
        RunResult full = Simulator.run(scenario, RunOptions.threads(2));
        RunDetail baseline = full.detail("baseline", 0);
        for (int month : List.of(1, 12)) {
            ConfusionMatrix m = ConfusionMatrix.ofCounts(full.segments(), baseline.confusion()[month]);
            String block = block(r.out(), "Month " + month + ":");
            assertThat(block).startsWith(String.format(Locale.ROOT, "Month %d: accuracy %.2f, macro-F1 %.2f.",
                    month, m.accuracy(), m.macroF1()));
            // And the accuracy line is metrics.csv's classifier_accuracy of that month.
            assertThat(block).contains(String.format(Locale.ROOT, "accuracy %.2f,",
                    full.metrics().value("baseline", 0, Metric.CLASSIFIER_ACCURACY, month)));
            for (int s = 0; s < full.segments().size(); s++) {
                long labelled = 0;
                long members = 0;
                for (int i = 0; i < full.segments().size(); i++) {
                    labelled += m.count(i, s);
                    members += m.count(s, i);
                }
                assertThat(block).containsPattern("(?m)^" + full.segments().get(s) + " +"
                        + String.format(Locale.ROOT, "%,d +%,d +", labelled, members)
                        + AccuracyReport.score(m.precision(s)).replace(".", "\\.") + " +"
                        + AccuracyReport.score(m.recall(s)).replace(".", "\\.") + "$");
            }
        }
        // Months in order, whatever order they were asked in; no fired table for a strategy that ends no one.
        assertThat(r.out().indexOf("Month 1:")).isLessThan(r.out().indexOf("Month 12:"));
        assertThat(r.out()).doesNotContain("ended");
        assertThat(r.out()).contains("small.yaml: taxonomy four-types, strategy baseline, 1 replication.");
    }

    @Test
    void whomATerminatingStrategyEndedAddsUpToTheEnginesCount() {
        String terminate = "strategies[0].treatments.fence-sitter=terminate";
        Run r = Run.of("accuracy", small.toString(), "--set", terminate, "--months", "1,4", "--threads", "1");
        assertThat(r.exit()).as(r.err()).isZero();

        RunResult full = Simulator.run(smallDocument.with("strategies[0].treatments.fence-sitter", "terminate")
                .scenario(), RunOptions.threads(1));
        List<String> segments = full.segments();
        int fenceSitter = segments.indexOf("fence-sitter");
        RunDetail d = full.detail("baseline", 0);
        String fired = r.out().substring(r.out().indexOf("Who baseline ended"));
        assertThat(fired).contains("month  ended  true fence-sitter  true negative  true loyal  true price-sensitive");
        long ended = 0;
        long right = 0;
        for (int t = 1; t <= 4; t++) {
            long engine = Math.round(full.metrics().value("baseline", 0, Metric.TERMINATED.key(), t));
            // Those ended at t are those labelled fence-sitter at t − 1: the column adds up to the engine's count.
            long[] byTruth = new long[segments.size()];
            long labelled = 0;
            for (int truth = 0; truth < segments.size(); truth++) {
                byTruth[truth] = d.confusion()[t - 1][truth][fenceSitter];
                labelled += byTruth[truth];
            }
            assertThat(labelled).as("month %d", t).isEqualTo(engine);
            if (engine > 0) {
                assertThat(fired).containsPattern(String.format(Locale.ROOT, "(?m)^%d +%,d +%,d +%,d +%,d +%,d$", t,
                        engine, byTruth[fenceSitter], byTruth[segments.indexOf("negative")],
                        byTruth[segments.indexOf("loyal")], byTruth[segments.indexOf("price-sensitive")]));
            }
            ended += engine;
            right += byTruth[fenceSitter];
        }
        assertThat(ended).as("a fence-sitter segment to end at month 0").isPositive();
        assertThat(String.join(" ", fired.split("\\s*\\n\\s*"))).contains(String.format(Locale.ROOT,
                "Terminated %,d over months 1–4, of which %,d truly fence-sitter (%.1f%%); the others truly negative",
                ended, right, 100.0 * right / ended));
    }

    @Test
    void theFiguresDoNotDependOnTheThreadCountAndTheMarkdownHoldsTheSameNumbers() {
        Run one = Run.of("accuracy", small.toString(), "--months", "2", "--threads", "1");
        Run two = Run.of("accuracy", small.toString(), "--months", "2", "--threads", "2");
        assertThat(one.exit()).as(one.err()).isZero();
        assertThat(two.out()).isEqualTo(one.out());
        Run markdown = Run.of("accuracy", small.toString(), "--months", "2", "--threads", "2", "--markdown");
        assertThat(markdown.exit()).as(markdown.err()).isZero();
        assertThat(markdown.out()).startsWith("#### ").contains("`small.yaml`: taxonomy `four-types`")
                .contains("| segment | labelled | true members | precision | recall |");
        // Each plain row reappears as a Markdown row with the same cells.
        for (String line : block(one.out(), "segment ").lines().skip(1).toList()) {
            assertThat(markdown.out()).contains("| " + String.join(" | ", line.strip().split(" {2,}")) + " |");
        }
    }

    @Test
    void aScenarioWithoutTruthIsSaidAndTheOthersAreStillScored() throws IOException {
        Path noTruth = dir.resolve("no-truth.yaml");
        String yaml = ScenarioWriter.toYaml(smallDocument.scenario());
        String stripped = yaml.replaceAll("(?m)^truth:.*\\n(?:^[ ].*\\n)*", "");
        assertThat(stripped).doesNotContain("truth:");
        Files.writeString(noTruth, stripped);

        Run r = Run.of("accuracy", noTruth.toString(), small.toString(), "--months", "1", "--threads", "1");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("no-truth.yaml: the scenario has no truth:")
                .contains("small.yaml: taxonomy four-types").contains("Month 1: accuracy");
    }

    @Test
    void eventsAfterTheLastMonthAskedDoNotStopTheRun() {
        // four-types has an event at month 12; a run of 1 month simply never reaches it.
        Run r = Run.of("accuracy", small.toString(), "--months", "1", "--threads", "1");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Month 1:").doesNotContain("Month 12:");
    }

    @Test
    void anUnknownStrategyInAnyScenarioIsRefusedBeforeAnythingRuns() throws IOException {
        Path other = dir.resolve("other.yaml");
        Files.writeString(other, ScenarioWriter.toYaml(smallDocument.with("strategies[1].name", "terminate").scenario()));
        Run r = Run.of("accuracy", other.toString(), small.toString(), "--strategy", "terminate");
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith("segmentlab accuracy: --strategy: " + small + " has no strategy 'terminate';"
                + " it has: baseline, textbook");
        assertThat(r.out()).as("nothing scored before the bad file was found").isEmpty();
    }

    @Test
    void aRunTooLargeForTheHeapIsRefusedBeforeAnyScenarioIsScored() throws IOException {
        Path huge = dir.resolve("huge.yaml");
        Files.writeString(huge, ScenarioWriter.toYaml(smallDocument.with("market.initialCustomers", "0")
                .with("market.potential", "2000000000").scenario()));
        Run r = Run.of("accuracy", small.toString(), huge.toString(), "--months", "1", "--threads", "1");
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith("market.potential: ").contains("JAVA_OPTS=-Xmx").doesNotContain("Exception");
        assertThat(r.out()).as("the small scenario is not scored first").isEmpty();
    }

    @Test
    void thePlainTextFitsOneHundredColumnsWhateverTheNames() {
        String name = "end-every-fence-sitter-the-moment-the-rules-label-them-so";
        Run r = Run.of("accuracy", small.toString(), "--months", "1,3", "--threads", "1",
                "--set", "strategies[0].treatments.fence-sitter=terminate", "--set", "strategies[0].name=" + name,
                "--set", "name=" + name.replace('-', ' ').repeat(2));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines()).filteredOn(l -> l.length() > AccuracyReport.WIDTH).isEmpty();
        assertThat(r.out()).contains("Who " + name + " ended").contains("true price-sensitive");
    }

    private static List<String> listing(Path folder) throws IOException {
        try (var files = Files.list(folder.toAbsolutePath())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** From the line starting with {@code start} to the next blank line after the table under it. */
    private static String block(String out, String start) {
        List<String> lines = out.lines().toList();
        int from = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                from = i;
                break;
            }
        }
        assertThat(from).as("a line starting with '%s' in:%n%s", start, out).isNotNegative();
        StringBuilder b = new StringBuilder();
        int blanks = start.startsWith("Month") ? 2 : 1;
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).isBlank() && --blanks == 0) {
                break;
            }
            b.append(lines.get(i)).append('\n');
        }
        return b.toString();
    }
}
