package org.segmentlab.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.cli.SegmentLabCommand;
import org.segmentlab.simulator.scenario.Scenario;
import org.segmentlab.simulator.scenario.Scenarios;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Every example command of README.md, docs/*.md and every verb's {@code --help} runs as written and exits with the
 * code the text promises (0 unless a {@code # exit N} comment says otherwise; see {@link DocExample} for what counts
 * as an example).
 *
 * <p>How: each example runs in-process through {@link SegmentLabCommand#commandLine()} with the words a shell would
 * pass to {@code bin/segmentlab}, as if typed at the project root, where the docs' relative paths start:
 * <ul>
 * <li>a word naming a file or folder under the project root becomes its absolute path (the test runs in cli/);
 * the CDNOW sample is {@link TestFiles#cdnowSample()};</li>
 * <li>outputs go to a temporary folder, one per document, so examples that read what an earlier one wrote
 * ({@code calibrate … --out out/cdnow}, then {@code run out/cdnow/scenario.yaml}) run in order and find it: a
 * word starting with {@code out/} and any other relative {@code --out} move there, and a verb that writes gets an
 * {@code --out} there when the example relies on the default (so nothing lands in the working folder);</li>
 * <li>the size is capped by the harness alone, not by the product: a scenario with more than
 * {@value #CUSTOMERS} initial customers gets {@code --set market.initialCustomers=}{@value #CUSTOMERS} and its
 * potential scaled by the same factor, appended after the example's own options so they win over a size the
 * example sets. Months, replications, points and budgets stay as written, so the examples' structure (events,
 * designs, resumes, searches) is exercised as documented. Measured: 74 s of CPU, 178 s wall on a 2-core
 * machine at load average 5 to 20;</li>
 * <li>{@code serve} starts a server that runs until Ctrl-C, so its examples are only parsed (every option and
 * value accepted); ServeCommandTest starts the server itself. Likewise a {@code --spark} example needs the spark
 * module built (after cli in the reactor), so it is only parsed here; SparkLaunchTest ({@code -Pspark}) runs it.</li>
 * </ul>
 * A failure names the example's file:line, the words run and the command's stderr. Rerun after renaming an option:
 * the docs, the help and this test must agree.
 */
class DocExamplesTest {

    /** The harness's cap on initial customers. */
    static final int CUSTOMERS = 500;
    /** Verbs that write output and take {@code --out}. */
    private static final Set<String> WRITERS = Set.of("run", "compare", "sweep", "tune", "sensitivity", "explain", "classify",
            "calibrate");
    /** Verbs that read a scenario as their first parameter. */
    private static final Set<String> SIMULATORS = Set.of("run", "compare", "sweep", "tune", "sensitivity", "explain",
            "accuracy");

    @TempDir
    static Path temp;

    @TestFactory
    Stream<DynamicNode> everyExampleRunsAsWritten() throws IOException {
        Path root = ProjectRoot.find();
        List<DynamicNode> documents = new ArrayList<>();
        List<Path> markdown = new ArrayList<>();
        markdown.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(markdown::add);
        }
        for (Path file : markdown) {
            String name = root.relativize(file).toString();
            List<DocExample> examples = DocExample.ofMarkdown(name, Files.readAllLines(file, StandardCharsets.UTF_8));
            documents.add(container(name, examples, root));
        }
        for (String verb : HelpText.verbs()) {
            String name = HelpText.source(verb);
            documents.add(container(name, DocExample.ofHelp(name, HelpText.lines(verb)), root));
        }
        return documents.stream();
    }

    /** The docs do hold examples: an extractor that finds none would pass everything. */
    @Test
    void theExtractorFindsTheKnownExamples() throws IOException {
        Path root = ProjectRoot.find();
        List<DocExample> research = DocExample.ofMarkdown("docs/research.md",
                Files.readAllLines(root.resolve("docs/research.md"), StandardCharsets.UTF_8));
        assertThat(research).extracting(DocExample::text).anyMatch(t -> t.startsWith("bin/segmentlab tune $S $SMALL"));
        DocExample tune = research.stream().filter(e -> e.text().startsWith("bin/segmentlab tune $S")).findFirst()
                .orElseThrow();
        // Variables expanded, continuation joined: the strategy on the second line belongs to the command.
        assertThat(tune.args()).containsSubsequence("tune", "scenarios/four-types.yaml", "--set",
                "market.initialCustomers=10000").containsSubsequence("--strategy", "textbook");
        List<DocExample> classify = DocExample.ofHelp("classify --help", HelpText.lines("classify"));
        assertThat(classify).extracting(DocExample::args)
                .anyMatch(a -> a.containsAll(List.of("--customer", "Customer ID", "--taxonomy", "circles")));
        assertThat(DocExample.split("bin/segmentlab run a.yaml   # exit 2: no such file", java.util.Map.of()))
                .containsExactly("bin/segmentlab", "run", "a.yaml");
    }

    /**
     * The docs name the command as it runs from the project root: a bare {@code segmentlab VERB} is not on PATH
     * (exit 127) and would escape the runner above, which only picks up {@code bin/segmentlab}. Nor do they point
     * to DESIGN.md, which users do not have.
     */
    @Test
    void examplesUseTheLauncherAndNoDocumentUsersLack() throws IOException {
        Path root = ProjectRoot.find();
        Pattern bare = Pattern.compile("(^\\s*|`)segmentlab (run|compare|validate|schema|classify|calibrate|sweep|tune"
                + "|sensitivity|explain|accuracy|serve|help|--help)\\b");
        List<String> found = new ArrayList<>();
        List<Path> markdown = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(markdown::add);
        }
        for (Path file : markdown) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                check(root.relativize(file) + ":" + (i + 1), lines.get(i), bare, found);
            }
        }
        for (String verb : HelpText.verbs()) {
            List<String> lines = HelpText.lines(verb);
            for (int i = 0; i < lines.size(); i++) {
                check(HelpText.source(verb) + ":" + (i + 1), lines.get(i), bare, found);
            }
        }
        assertThat(found).as("bare 'segmentlab VERB' examples or DESIGN.md references").isEmpty();
    }

    private static void check(String where, String line, Pattern bare, List<String> found) {
        if (bare.matcher(line).find() || line.contains("DESIGN.md")) {
            found.add(where + ": " + line.strip());
        }
    }

    private static DynamicContainer container(String name, List<DocExample> examples, Path root) {
        Path out = temp.resolve(name.replaceAll("[^A-Za-z0-9.-]+", "_"));
        List<DynamicTest> tests = new ArrayList<>();
        for (DocExample e : examples) {
            tests.add(DynamicTest.dynamicTest(e.where() + " " + e.text(), () -> run(e, root, out)));
        }
        return DynamicContainer.dynamicContainer(name, tests);
    }

    private static void run(DocExample example, Path root, Path out) throws IOException {
        Files.createDirectories(out);
        List<String> args = rewrite(example, root, out);
        if (!args.isEmpty() && (args.get(0).equals("serve") || args.contains("--spark"))) {
            try {
                SegmentLabCommand.commandLine().parseArgs(args.toArray(new String[0]));
            } catch (ParameterException e) {
                fail("%s: %s%n  does not parse: %s", example.where(), example.text(), e.getMessage());
            }
            return;
        }
        Run r = Run.of(args.toArray(new String[0]));
        if (r.exit() != example.exitCode()) {
            fail("%s: %s%n  exit %d, the text promises %d%n  ran: %s%n  stderr:%n%s%n  stdout (end):%n%s",
                    example.where(), example.text(), r.exit(), example.exitCode(), args, indent(r.err()),
                    indent(tail(r.out())));
        }
    }

    /** The example's words with paths resolved as at the project root, outputs moved to {@code out}, size capped. */
    static List<String> rewrite(DocExample example, Path root, Path out) throws IOException {
        List<String> args = new ArrayList<>();
        List<String> written = example.args();
        String verb = written.isEmpty() ? "" : written.get(0);
        boolean hasOut = false;
        for (int i = 0; i < written.size(); i++) {
            String word = written.get(i);
            boolean outValue = i > 0 && (written.get(i - 1).equals("--out") || written.get(i - 1).equals("-o"));
            hasOut |= outValue;
            args.add(path(word, outValue, root, out));
        }
        if (WRITERS.contains(verb) && !hasOut) {
            String own = verb + "-" + example.line();
            Path target = out.resolve("default").resolve(switch (verb) {
                case "tune" -> own + ".yaml";
                case "classify" -> own + ".csv";
                default -> own;
            });
            Files.createDirectories(target.getParent());
            args.add("--out");
            args.add(target.toString());
        }
        if (SIMULATORS.contains(verb) && args.size() > 1) {
            args.addAll(sizeCap(Path.of(args.get(1))));
        }
        return args;
    }

    private static String path(String word, boolean outValue, Path root, Path out) throws IOException {
        if (word.startsWith("-") || word.isEmpty()) {
            return word;
        }
        if (word.startsWith("out/")) {
            return out.resolve(word).toString();
        }
        if (outValue && !Path.of(word).isAbsolute()) {
            Path target = out.resolve(word);
            if (Path.of(word).getParent() == null) {
                // A file in the current folder: the user's folder exists; the tool need not create it.
                Files.createDirectories(target.getParent());
            }
            return target.toString();
        }
        Path atRoot = root.resolve(word).normalize();
        if (Files.exists(atRoot)) {
            return atRoot.toString();
        }
        if (word.endsWith("cdnow/CDNOW_sample.txt")) {
            return TestFiles.cdnowSample().toString();
        }
        return word;
    }

    /** {@code --set} options that shrink the scenario to the harness's size, or none when it is small already. */
    private static List<String> sizeCap(Path scenarioFile) {
        Scenario scenario;
        try {
            scenario = Scenarios.load(scenarioFile).scenario();
        } catch (RuntimeException e) {
            return List.of(); // an example that shows a bad scenario: the command reports it
        }
        if (scenario.initialPopulation() != null || scenario.market().initialCustomers() <= CUSTOMERS) {
            return List.of();
        }
        double factor = (double) CUSTOMERS / scenario.market().initialCustomers();
        long potential = Math.max(CUSTOMERS, Math.round(scenario.market().potential() * factor));
        return List.of("--set", "market.initialCustomers=" + CUSTOMERS, "--set",
                String.format(Locale.ROOT, "market.potential=%d", potential));
    }

    private static String indent(String text) {
        return text.isBlank() ? "    (empty)" : "    " + text.strip().replace("\n", "\n    ");
    }

    private static String tail(String text) {
        String[] lines = text.split("\n");
        return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 8), lines.length));
    }

    /** The usage help of {@code segmentlab} and its verbs as printed at 80 columns (a pipe, not a terminal). */
    static final class HelpText {

        private HelpText() {
        }

        /** "" for the top-level command, then every verb. */
        static List<String> verbs() {
            List<String> verbs = new ArrayList<>();
            verbs.add("");
            verbs.addAll(SegmentLabCommand.commandLine().getSubcommands().keySet());
            verbs.remove("help");
            return verbs;
        }

        static String source(String verb) {
            return verb.isEmpty() ? "segmentlab --help" : "segmentlab " + verb + " --help";
        }

        static List<String> lines(String verb) {
            CommandLine top = SegmentLabCommand.commandLine();
            CommandLine cmd = verb.isEmpty() ? top : top.getSubcommands().get(verb);
            StringWriter text = new StringWriter();
            cmd.usage(new PrintWriter(text, true), CommandLine.Help.Ansi.OFF);
            return List.of(text.toString().split("\\R", -1));
        }
    }

    /** The project root: the first folder upwards from the working folder with bin/segmentlab and README.md. */
    static final class ProjectRoot {

        private ProjectRoot() {
        }

        static Path find() {
            for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
                if (Files.isRegularFile(d.resolve("bin").resolve("segmentlab")) && Files.isRegularFile(d.resolve("README.md"))) {
                    return d;
                }
            }
            throw new IllegalStateException("no project root (bin/segmentlab, README.md) above " + Path.of("").toAbsolutePath());
        }
    }
}
