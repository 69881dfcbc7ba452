package org.segmentlab.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.cli.SegmentLabCommand;
import org.segmentlab.cli.option.OptionTypes;
import org.segmentlab.simulator.scenario.ScenarioWriter;
import org.segmentlab.simulator.scenario.Scenarios;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The same concept has the same name in every verb: a threshold is accepted with or without its
 * {@code thresholds.} prefix everywhere, an objective by its metric name (as in metrics.csv) or its short name,
 * and tune goes either way ({@code --maximise}, {@code --minimise}). And every verb's help renders as written.
 */
class OptionNamesTest {

    @TempDir
    static Path dir;
    private static Path scenario;

    @BeforeAll
    static void tinyScenario() throws IOException {
        scenario = dir.resolve("tiny.yaml");
        Files.writeString(scenario, ScenarioWriter.toYaml(Scenarios.load(Path.of("..", "scenarios", "four-types.yaml"))
                .with("market.initialCustomers", "300").with("market.potential", "3000")
                .with("behaviour.featureWindow", "2").with("events[0].month", "2").with("months", "2").scenario()));
    }

    private static String[] args(String verb, String... more) {
        List<String> a = new ArrayList<>(List.of(verb, scenario.toString(), "--threads", "1"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void classifyTakesAThresholdWithOrWithoutItsPrefix() throws IOException {
        Path log = TestFiles.excerpt(dir, "log.txt");
        Path bare = dir.resolve("bare.csv");
        Path prefixed = dir.resolve("prefixed.csv");
        Run a = Run.of("classify", log.toString(), "--set", "loyal.frequency.min=2", "--out", bare.toString(), "-q");
        Run b = Run.of("classify", log.toString(), "--set", "thresholds.loyal.frequency.min=2", "--out", prefixed.toString(), "-q");
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(b.exit()).as(b.err()).isZero();
        assertThat(Files.readString(prefixed)).isEqualTo(Files.readString(bare));
        // And the threshold took effect: the default (3 purchases) classifies differently on this log.
        Path defaults = dir.resolve("defaults.csv");
        assertThat(Run.of("classify", log.toString(), "--out", defaults.toString(), "-q").exit()).isZero();
        assertThat(Files.readString(defaults)).isNotEqualTo(Files.readString(bare));
    }

    @Test
    void scenarioVerbsTakeAThresholdWithOrWithoutItsPrefix(@TempDir Path out) throws IOException {
        Run bare = Run.of(args("run", "--set", "loyal.frequency.min=1", "--out", out.resolve("bare").toString(), "-q"));
        Run prefixed = Run.of(args("run", "--set", "thresholds.loyal.frequency.min=1", "--out", out.resolve("prefixed").toString(), "-q"));
        assertThat(bare.exit()).as(bare.err()).isZero();
        assertThat(prefixed.exit()).as(prefixed.err()).isZero();
        assertThat(Files.readString(out.resolve("bare").resolve("metrics.csv")))
                .isEqualTo(Files.readString(out.resolve("prefixed").resolve("metrics.csv")));
        assertThat(Files.readString(out.resolve("bare").resolve("scenario.resolved.yaml"))).contains("frequency: {min: 1}");

        Run validate = Run.of("validate", scenario.toString(), "--set", "loyal.frequency.min=4");
        assertThat(validate.exit()).as(validate.err()).isZero();

        Run sweep = Run.of(args("sweep", "--vary", "loyal.frequency.min=1,2", "--replications", "1", "--final-only",
                "--out", out.resolve("sweep").toString(), "-q"));
        assertThat(sweep.exit()).as(sweep.err()).isZero();
        assertThat(Files.readAllLines(out.resolve("sweep").resolve("sweep.csv")).get(0))
                .startsWith("point,thresholds.loyal.frequency.min,strategy,");

        Run sensitivity = Run.of(args("sensitivity", "--threshold", "thresholds.loyal.frequency.min", "--steps", "1",
                "--out", out.resolve("sensitivity").toString(), "-q"));
        assertThat(sensitivity.exit()).as(sensitivity.err()).isZero();
        assertThat(Files.readString(out.resolve("sensitivity").resolve("sensitivity.csv"))).contains("loyal.frequency.min");
    }

    @Test
    void anObjectiveIsNamedByItsMetricOrItsShortNameAndEitherDirection(@TempDir Path out) throws IOException {
        String[] vary = {"--vary", "thresholds.loyal.frequency.min=1..3", "--budget", "3"};
        Run shortName = tune(out, "short", vary, "--objective", "macro-f1");
        Run metric = tune(out, "metric", vary, "--objective", "classifier_macro_f1", "--maximise");
        assertThat(shortName.out()).contains("for max classifier_macro_f1");
        assertThat(metric.out()).contains("for max classifier_macro_f1");
        assertThat(Files.readString(out.resolve("metric.yaml"))).isEqualTo(Files.readString(out.resolve("short.yaml")));

        Run minimise = tune(out, "min", vary, "--objective", "top20_share", "--minimise");
        Run minimize = tune(out, "min-us", vary, "--objective", "top20", "--minimize");
        assertThat(minimise.out()).contains("for min top20_share");
        assertThat(minimize.out()).contains("for min top20_share");
        assertThat(Files.readString(out.resolve("min-us.yaml"))).isEqualTo(Files.readString(out.resolve("min.yaml")));

        Run both = Run.of(args("tune", "--vary", "market.imitation=0.1,0.2", "--minimise", "--maximise",
                "--out", out.resolve("both.yaml").toString()));
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).startsWith("segmentlab tune: --maximise, --minimise are mutually exclusive");
        assertThat(out.resolve("both.yaml")).doesNotExist();
    }

    private static Run tune(Path out, String name, String[] vary, String... more) {
        List<String> a = new ArrayList<>(List.of(args("tune", vary)));
        a.addAll(List.of(more));
        a.addAll(List.of("--out", out.resolve(name + ".yaml").toString()));
        Run r = Run.of(a.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        return r;
    }

    @Test
    void anOptionInSeveralVerbsHasTheSameNamesLabelAndRangeEverywhere() {
        // long name → "names | label | converters" of its first verb, and that verb
        Map<String, String> first = new TreeMap<>();
        Map<String, String> firstVerb = new TreeMap<>();
        for (CommandLine verb : SegmentLabCommand.commandLine().getSubcommands().values()) {
            for (OptionSpec o : verb.getCommandSpec().options()) {
                if (o.longestName().equals("--out")) {
                    continue; // a folder or a file by verb: see the next test
                }
                // The range or names a value may take (OptionTypes), not how a verb stores it.
                String shape = String.join(", ", o.names()) + " | " + o.paramLabel() + " | "
                        + Arrays.stream(o.converters()).map(c -> c.getClass().getName())
                                .filter(c -> c.startsWith(OptionTypes.class.getName())).toList();
                String name = verb.getCommandName();
                String before = first.putIfAbsent(o.longestName(), shape);
                firstVerb.putIfAbsent(o.longestName(), name);
                assertThat(shape).as(o.longestName() + " in " + name + " and " + firstVerb.get(o.longestName()))
                        .isEqualTo(before == null ? shape : before);
            }
        }
    }

    @Test
    void outNamesAFolderWhereAVerbWritesSeveralFilesAndAFileWhereItWritesOne() {
        Map<String, String> expected = new LinkedHashMap<>();
        for (String verb : List.of("run", "compare", "sweep", "sensitivity", "explain", "calibrate")) {
            expected.put(verb, "DIR");
        }
        expected.put("tune", "FILE.yaml");
        expected.put("classify", "FILE.csv");
        Map<String, String> declared = new LinkedHashMap<>();
        for (CommandLine verb : SegmentLabCommand.commandLine().getSubcommands().values()) {
            OptionSpec out = verb.getCommandSpec().findOption("--out");
            if (out != null) {
                declared.put(verb.getCommandName(), out.paramLabel());
                assertThat(out.names()).as(verb.getCommandName()).containsExactly("-o", "--out");
                String help = String.join(" ", out.description());
                assertThat(help).as(verb.getCommandName()).containsIgnoringCase(
                        out.paramLabel().equals("DIR") ? "folder" : "file");
            }
        }
        assertThat(declared).isEqualTo(expected);
    }

    @Test
    void everyHelpRendersWithoutAPicocliWarningOrADoubledPercent() {
        PrintStream stderr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        try {
            // picocli reports a description it cannot format on System.err, not on the command's writer.
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            for (CommandLine verb : SegmentLabCommand.commandLine().getSubcommands().values()) {
                StringWriter help = new StringWriter();
                verb.usage(new PrintWriter(help, true));
                String name = verb.getCommandName();
                assertThat(help.toString()).as(name).doesNotContain("%%").doesNotContain("%n");
                if (name.equals("compare")) {
                    assertThat(help.toString()).contains("95%").contains("top-20% share");
                }
            }
        } finally {
            System.setErr(stderr);
        }
        assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
