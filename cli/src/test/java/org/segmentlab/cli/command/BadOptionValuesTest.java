package org.segmentlab.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.cli.SegmentLabCommand;
import org.segmentlab.simulator.scenario.ScenarioWriter;
import org.segmentlab.simulator.scenario.Scenarios;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Every option and parameter of every verb refuses bad values the same way: exit 2, a message on stderr that names
 * the option (or the bad file), no Java exception name, no stack trace, nothing written. {@link #BAD} lists the bad
 * values of each; {@link #theTableCoversEveryOptionOfEveryVerb} reads the picocli model, so an option added without
 * bad values (or removed but still listed) fails the build. Each case runs an otherwise valid, tiny command line
 * ({@link #base}), which {@link #theBaseCommandLinesRun} checks, so a case fails only for its bad value.
 */
class BadOptionValuesTest {

    /** Plenty on a loaded CI machine; a bad value is refused in milliseconds. */
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final Pattern EXCEPTION_NAME = Pattern.compile("[A-Za-z]+(Exception|Error)\\b");
    private static final Pattern STACK_FRAME = Pattern.compile("\\n\\s*at [\\w.$]+\\(");
    private static final AtomicInteger CASES = new AtomicInteger();

    @TempDir
    static Path inputs;
    private static Path scenario;
    private static Path log;

    /** Verb and option (its longest name) or parameter (its label) → values it must refuse. */
    private static final Map<String, List<String>> BAD = new LinkedHashMap<>();

    static {
        for (String verb : List.of("run", "compare", "sweep", "tune", "sensitivity", "explain")) {
            bad(verb, "SCENARIO", "nosuch.yaml", "");
            bad(verb, "--set", "abc", "nosuch.key=1", "market.imitation=abc", "market.imitation=-1",
                    "loyal.frequency.min=abc", "nosuch.frequency.min=4");
            bad(verb, "--seed", "abc", "1.5", "", "99999999999999999999");
            bad(verb, "--months", "0", "-1", "1201", "abc", "");
            bad(verb, "--replications", "0", "-1", "10001", "abc");
            bad(verb, "--threads", "0", "-1", "1000000", "abc", "", "1.5");
            bad(verb, "--out", "");
        }
        for (String verb : List.of("sweep", "tune")) {
            bad(verb, "--vary", "abc", "market.imitation=", "nosuch.key=1,2", "market.imitation=0.4..0.1",
                    "market.imitation=-1,0.2", "loyal.frequency.min=abc,2");
        }
        bad("sweep", "--design", "sobol", "");
        bad("sweep", "--spark", "local(2)", "yarn-cluster", "");
        bad("sweep", "--points", "0", "-1", "1000001", "abc");
        bad("sweep", "--design-seed", "abc", "1.5", "");
        bad("sweep", "--metric", "nosuch", "", "segment.nosuch");
        bad("tune", "--objective", "happiness", "", "macro_f1");
        bad("tune", "--strategy", "nosuch", "");
        bad("tune", "--budget", "0", "1", "-1", "100001", "abc");
        bad("sensitivity", "--threshold", "nosuch.frequency.min", "loyal.frequncy.min", "thresholds.nosuch.x.min", "");
        bad("sensitivity", "--range", "0", "-0.5", "11", "abc", "NaN", "Infinity");
        bad("sensitivity", "--steps", "0", "-1", "101", "abc");
        bad("sensitivity", "--strategy", "nosuch");
        bad("sensitivity", "--metric", "nosuch", "profit_cumulative");
        bad("explain", "--only", "nosuch", "wordOfMouth,nosuch", "", "word-of-mouth", "tenure");

        bad("accuracy", "SCENARIO", "nosuch.yaml", "");
        bad("accuracy", "--set", "abc", "nosuch.key=1", "market.imitation=abc", "market.imitation=-1",
                "loyal.frequency.min=abc", "nosuch.frequency.min=4");
        bad("accuracy", "--seed", "abc", "1.5", "", "99999999999999999999");
        bad("accuracy", "--months", "0", "-1", "1201", "abc", "", "1,0", "1,abc", "1.5");
        bad("accuracy", "--strategy", "nosuch", "");
        bad("accuracy", "--threads", "0", "-1", "1000000", "abc", "", "1.5");

        bad("validate", "FILE", "nosuch.yaml", "");
        bad("validate", "--set", "abc", "=1", "nosuch.key=1", "market.imitation=abc", "loyal.frequency.min=abc");

        for (String verb : List.of("classify", "calibrate")) {
            bad(verb, "LOG", "nosuch.txt", "");
            bad(verb, "--format", "xml", "");
            for (String column : List.of("--customer", "--date", "--amount", "--quantity", "--discount")) {
                bad(verb, column, "", "0", "-1");
            }
            bad(verb, "--taxonomy", "five-types", "");
            bad(verb, "--out", "");
        }
        bad("classify", "--as-of", "abc", "2024-13-01", "19970230", "", "1990-01-01");
        bad("classify", "--window", "0", "-1", "1201", "abc");
        bad("classify", "--set", "nosuch.frequency.min=4", "loyal.frequency.min=abc", "loyal.frequency.min",
                "thresholds.loyal.nosuch.min=4", "loyal.frequency.min=1e999");
        bad("calibrate", "--calibration-end", "abc", "2024-02-30", "", "1990-01-01");
        bad("calibrate", "--holdout-end", "abc", "1997-01-02");
        bad("calibrate", "--unit", "years", "");
        bad("calibrate", "--currency", "usd", "EURO", "");
        bad("calibrate", "--gross-margin", "-0.1", "1.5", "abc", "NaN");
        bad("calibrate", "--months", "0", "-1", "1201", "abc");
        bad("calibrate", "--replications", "0", "-1", "10001", "abc");
        bad("calibrate", "--seed", "abc", "1.5");

        bad("serve", "--host", "", " ");
        bad("serve", "--port", "-1", "65536", "abc");
        bad("serve", "--max-customers", "0", "-1", "2000000001", "abc");
        bad("serve", "--allow-host", "evil.example:80", "a b", "http://x");
        bad("serve", "--tournament", "no-such-scenario", "", "scenarios");

        bad("help", "COMMAND", "nosuch");
    }

    private static void bad(String verb, String option, String... values) {
        BAD.put(verb + " " + option, List.of(values));
    }

    /** A small copy of the shipped four-types scenario (200 customers, 2 months) and the CDNOW excerpt. */
    @BeforeAll
    static void writeInputs() throws IOException {
        scenario = inputs.resolve("tiny.yaml");
        Files.writeString(scenario, ScenarioWriter.toYaml(Scenarios.load(Path.of("..", "scenarios", "four-types.yaml"))
                .with("market.initialCustomers", "200").with("market.potential", "2000")
                .with("behaviour.featureWindow", "2").with("thresholds.loyal.frequency.min", "2")
                .with("events[0].month", "2").with("months", "2").scenario()));
        log = TestFiles.excerpt(inputs, "excerpt.txt");
    }

    /**
     * An otherwise valid command line of {@code verb}, as option (or parameter label) → value, writing under
     * {@code work}; the case's option is then replaced (or added) with the bad value.
     */
    private static Map<String, String> base(String verb, Path work) {
        Map<String, String> a = new LinkedHashMap<>();
        switch (verb) {
            case "run", "compare", "sweep", "tune", "sensitivity", "explain" -> {
                a.put("SCENARIO", scenario.toString());
                a.put("--threads", "1");
                a.put("--months", "2");
                a.put("--replications", verb.equals("compare") ? "2" : "1");
                a.put("--seed", "7");
                a.put("--set", "market.imitation=0.3");
            }
            case "accuracy" -> {
                a.put("SCENARIO", scenario.toString());
                a.put("--threads", "1");
                a.put("--months", "1,2");
                a.put("--seed", "7");
                a.put("--set", "market.imitation=0.3");
                a.put("--strategy", "textbook");
            }
            case "validate" -> {
                a.put("FILE", scenario.toString());
                a.put("--set", "market.imitation=0.3");
            }
            case "classify", "calibrate" -> {
                a.put("LOG", log.toString());
                a.put("--format", "whitespace");
                a.put("--customer", "1");
                a.put("--date", "3");
                a.put("--amount", "5");
                a.put("--taxonomy", "four-types");
            }
            case "serve" -> {
                a.put("--host", "127.0.0.1");
                a.put("--port", "0");
                a.put("--max-customers", "1000");
            }
            case "help" -> a.put("COMMAND", "run");
            default -> throw new AssertionError("no base command line for " + verb);
        }
        switch (verb) {
            case "run", "compare" -> a.put("--out", work.resolve("report").toString());
            case "sweep" -> {
                a.put("--vary", "market.imitation=0.2,0.3");
                a.put("--design", "list");
                a.put("--metric", "retention_initial");
                a.put("--out", work.resolve("sweep").toString());
            }
            case "tune" -> {
                a.put("--vary", "market.imitation=0.2,0.3");
                a.put("--objective", "profit_cumulative");
                a.put("--strategy", "textbook");
                a.put("--budget", "2");
                a.put("--out", work.resolve("tuned.yaml").toString());
            }
            case "sensitivity" -> {
                a.put("--threshold", "loyal.frequency.min");
                a.put("--range", "0.5");
                a.put("--steps", "1");
                a.put("--strategy", "textbook");
                a.put("--metric", "retention_initial");
                a.put("--out", work.resolve("sensitivity").toString());
            }
            case "explain" -> {
                a.put("--only", "wordOfMouth");
                a.put("--out", work.resolve("explain").toString());
            }
            case "classify" -> {
                a.put("--as-of", "1997-12-31");
                a.put("--window", "12");
                a.put("--set", "loyal.frequency.min=2");
                a.put("--out", work.resolve("segments.csv").toString());
            }
            case "calibrate" -> {
                a.put("--calibration-end", "1997-09-30");
                a.put("--unit", "weeks");
                a.put("--currency", "USD");
                a.put("--gross-margin", "0.3");
                a.put("--months", "2");
                a.put("--replications", "1");
                a.put("--seed", "7");
                a.put("--out", work.resolve("calibration").toString());
            }
            default -> {
                // accuracy, validate, serve and help write nothing.
            }
        }
        return a;
    }

    /** The arguments: the verb, the parameters in order, then {@code --option=value} (one token, so "-1" is a value). */
    private static String[] args(String verb, Map<String, String> values) {
        List<String> args = new ArrayList<>(List.of(verb));
        values.forEach((k, v) -> {
            if (!k.startsWith("-")) {
                args.add(v);
            }
        });
        values.forEach((k, v) -> {
            if (k.startsWith("-")) {
                args.add(k + "=" + v);
            }
        });
        return args.toArray(String[]::new);
    }

    /** Verb → its options that take a value (by longest name) and its parameters (by label), from the model. */
    private static Map<String, Set<String>> takingValues() {
        Map<String, Set<String>> all = new LinkedHashMap<>();
        collect(SegmentLabCommand.commandLine(), all);
        return all;
    }

    private static void collect(CommandLine cmd, Map<String, Set<String>> all) {
        Set<String> names = new TreeSet<>();
        for (OptionSpec o : cmd.getCommandSpec().options()) {
            if (o.arity().max() > 0) {
                names.add(o.longestName());
            }
        }
        for (PositionalParamSpec p : cmd.getCommandSpec().positionalParameters()) {
            names.add(p.paramLabel());
        }
        String verb = cmd.getCommandSpec().qualifiedName().replaceFirst("^segmentlab ?", "");
        if (!names.isEmpty()) {
            all.put(verb.isEmpty() ? "segmentlab" : verb, names);
        }
        cmd.getSubcommands().values().forEach(sub -> collect(sub, all));
    }

    @Test
    void theTableCoversEveryOptionOfEveryVerb() {
        Set<String> inModel = new TreeSet<>();
        takingValues().forEach((verb, names) -> names.forEach(n -> inModel.add(verb + " " + n)));
        assertThat(BAD.keySet()).as("bad values for every option that takes a value (add a line to BAD for a new option)")
                .containsExactlyInAnyOrderElementsOf(inModel);
        BAD.forEach((key, values) -> assertThat(values).as(key).isNotEmpty());
    }

    @Test
    void theBaseCommandLinesRun(@TempDir Path work) throws IOException {
        for (String verb : takingValues().keySet()) {
            if (verb.equals("serve")) {
                continue; // it would serve until stopped; ServeCommandTest starts it
            }
            String[] args = args(verb, base(verb, Files.createDirectories(work.resolve(verb))));
            Run r = assertTimeoutPreemptively(DEADLINE, () -> Run.of(args));
            assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.err()).isZero();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyBadValueIsExit2WithAPlainMessageAndNothingWritten(@TempDir Path work) {
        return BAD.entrySet().stream().flatMap(e -> {
            String verb = e.getKey().substring(0, e.getKey().indexOf(' '));
            String option = e.getKey().substring(e.getKey().indexOf(' ') + 1);
            return e.getValue().stream().map(value -> DynamicTest.dynamicTest(verb + " " + option + "='" + value + "'",
                    () -> refused(work, verb, option, value)));
        });
    }

    private static void refused(Path work, String verb, String option, String value) throws IOException {
        Path folder = Files.createDirectories(work.resolve("case-" + CASES.incrementAndGet()));
        Map<String, String> values = base(verb, folder);
        values.put(option, value);
        String[] args = args(verb, values);
        Set<String> inputsBefore = files(inputs);
        Set<String> hereBefore = files(Path.of(""));

        Run r = assertTimeoutPreemptively(DEADLINE, () -> Run.of(args));

        String shown = String.join(" ", args) + "\nstdout: " + r.out() + "\nstderr: " + r.err();
        assertThat(r.exit()).as(shown).isEqualTo(2);
        assertThat(EXCEPTION_NAME.matcher(r.err()).find()).as("a Java exception name in: " + shown).isFalse();
        assertThat(STACK_FRAME.matcher(r.err()).find()).as("a stack trace in: " + shown).isFalse();
        assertThat(r.err()).as(shown).satisfiesAnyOf(
                err -> assertThat(err).contains(option),
                err -> assertThat(value).isNotBlank().satisfies(v -> assertThat(err).contains(v)));
        assertThat(files(folder)).as("written by: " + shown).isEmpty();
        assertThat(files(inputs)).as("written by: " + shown).isEqualTo(inputsBefore);
        assertThat(files(Path.of(""))).as("written by: " + shown).isEqualTo(hereBefore);
    }

    /** The files and folders under {@code dir} (for the working folder, its top level only), as relative paths. */
    private static Set<String> files(Path dir) {
        Path root = dir.toAbsolutePath();
        try (Stream<Path> s = dir.toString().isEmpty() ? Files.list(root) : Files.walk(root)) {
            return s.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aThreadCountOutOfRangeSaysWhatIsAllowed() {
        Run r = Run.of("run", scenario.toString(), "--threads", "0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("segmentlab run: --threads: must be between 1 and 256, got 0\n");
        Run word = Run.of("sweep", scenario.toString(), "--vary", "market.imitation=0.2,0.3", "--threads", "many");
        assertThat(word.err()).startsWith("segmentlab sweep: --threads: 'many' is not a whole number\n");
    }
}
