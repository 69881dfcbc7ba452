package org.segmentlab.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.simulator.scenario.ScenarioWriter;
import org.segmentlab.simulator.scenario.Scenarios;

/**
 * The accuracy tables of docs/segments.md are the command's output, not typed: every block between
 * {@value #BEGIN} and {@value #END} is compared with what the {@code bin/segmentlab} command in the code block just
 * above it prints now, run in-process at the shipped size (paths as at the project root). A stale block fails
 * with the first lines that differ and the command that regenerates every block, {@value #REGENERATE}.
 *
 * <p>Measured on the 2-core development machine (load average about 4): the nine shipped scenarios at their shipped
 * size, months 1 and 12, one strategy each, take 3.2 s in-process; fire-the-mutineers' terminate over 36 months,
 * twice, under 1 s; the whole class about 5 s.
 */
class DocsAccuracyTableTest {

    static final String BEGIN = "<!-- accuracy:begin -->";
    static final String END = "<!-- accuracy:end -->";
    static final String REGENERATE = "docs/regenerate-accuracy.sh";
    private static final String PAGE = "docs/segments.md";

    /** One generated block: the command above it and the lines it holds now. */
    private record Block(DocExample command, int line, List<String> lines) {
    }

    @TestFactory
    Stream<DynamicTest> everyGeneratedBlockIsWhatItsCommandPrintsNow() throws IOException {
        Path root = DocExamplesTest.ProjectRoot.find();
        return blocks(root).stream().map(b -> DynamicTest.dynamicTest(PAGE + ":" + b.line() + " " + b.command().text(),
                () -> check(b, root)));
    }

    /** The page does have generated blocks, each under a command, and the script that rewrites them exists. */
    @Test
    void thePageHasTheBlocksTheIssueAsksFor() throws IOException {
        Path root = DocExamplesTest.ProjectRoot.find();
        List<Block> blocks = blocks(root);
        assertThat(blocks).extracting(b -> b.command().text())
                .anySatisfy(t -> assertThat(t).contains("scenarios/four-types.yaml", "scenarios/vampires.yaml",
                        "scenarios/circles-pareto.yaml", "--months 1,12"))
                .anySatisfy(t -> assertThat(t).contains("fire-the-mutineers.yaml", "--strategy terminate"));
        // Every shipped scenario is in the first table.
        try (Stream<Path> shipped = Files.list(root.resolve("scenarios"))) {
            List<String> names = shipped.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).toList();
            assertThat(names).isNotEmpty();
            for (String name : names) {
                assertThat(blocks.get(0).command().args()).as("the first block's command").contains("scenarios/" + name);
            }
        }
        assertThat(Files.isExecutable(root.resolve(REGENERATE))).as(REGENERATE + " is executable").isTrue();
    }

    /** The prose after the first table quotes its figures; they must be the block's (regenerated with it). */
    @Test
    void theProseQuotesTheFirstTablesFigures() throws IOException {
        String page = Files.readString(DocExamplesTest.ProjectRoot.find().resolve(PAGE), StandardCharsets.UTF_8);
        String storm = accuracy(page, "`wom-storm.yaml`", "Month 12");
        assertThat(page).as("%s: the prose quotes wom-storm's month-12 accuracy", PAGE)
                .contains("`wom-storm`'s month 12 (" + storm + ")");
        String circles1 = accuracy(page, "`circles-pareto.yaml`", "Month 1");
        String circles12 = accuracy(page, "`circles-pareto.yaml`", "Month 12");
        assertThat(page).as("%s: the prose quotes the circles' accuracy at months 1 and 12", PAGE)
                .contains("the circles (" + circles1 + " and " + circles12 + ")");
    }

    /** The accuracy the block prints for {@code month} in the section that starts with {@code scenario}. */
    private static String accuracy(String page, String scenario, String month) {
        int at = page.indexOf(scenario + ": taxonomy");
        assertThat(at).as("a block section for %s", scenario).isNotNegative();
        Matcher m = Pattern.compile(month + ": accuracy ([0-9.]+),").matcher(page);
        assertThat(m.find(at)).as("%s in %s's section", month, scenario).isTrue();
        return m.group(1);
    }

    /** The check does fail on a stale block, and says how to regenerate it. */
    @Test
    void aStaleBlockFailsWithTheFirstDifferenceAndTheRegenerateCommand(@TempDir Path dir) throws IOException {
        Path scenario = dir.resolve("small.yaml");
        Files.writeString(scenario, ScenarioWriter.toYaml(Scenarios.load(DocExamplesTest.ProjectRoot.find()
                .resolve("scenarios/vampires.yaml")).with("market.initialCustomers", "500")
                .with("market.potential", "5000").scenario()));
        Run r = Run.of("accuracy", scenario.toString(), "--months", "1", "--markdown");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> now = r.out().lines().toList();
        List<String> stale = new ArrayList<>(now);
        int row = stale.indexOf(stale.stream().filter(l -> l.startsWith("| vampire |")).findFirst().orElseThrow());
        stale.set(row, "| vampire | 1 | 2 | 0.50 | 0.50 |");
        List<String> page = new ArrayList<>(List.of("```", "bin/segmentlab accuracy " + scenario + " --months 1 \\",
                "    --markdown", "```", BEGIN));
        page.addAll(stale);
        page.add(END);

        List<Block> blocks = blocks(page);
        assertThat(blocks).hasSize(1);
        assertThat(blocks.get(0).lines()).isEqualTo(stale);
        Path root = DocExamplesTest.ProjectRoot.find();
        assertThatThrownBy(() -> check(blocks.get(0), root)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("regenerate it with " + REGENERATE)
                .hasMessageContaining("first difference at line " + (row + 1))
                .hasMessageContaining("- | vampire | 1 | 2 | 0.50 | 0.50 |")
                .hasMessageContaining("+ " + now.get(row));
        // And the block as printed passes.
        check(new Block(blocks.get(0).command(), 5, now), root);
    }

    private static void check(Block block, Path root) {
        List<String> args = new ArrayList<>();
        for (String word : block.command().args()) {
            Path atRoot = root.resolve(word).normalize();
            args.add(!word.startsWith("-") && Files.exists(atRoot) ? atRoot.toString() : word);
        }
        Run r = Run.of(args.toArray(new String[0]));
        assertThat(r.exit()).as(block.command().where() + ": " + block.command().text() + "\n" + r.err()).isZero();
        List<String> now = r.out().lines().toList();
        if (!now.equals(block.lines())) {
            fail("%s:%d: the block under '%s' is not what the command prints now; regenerate it with %s%n%s", PAGE,
                    block.line(), block.command().text(), REGENERATE, difference(block.lines(), now));
        }
    }

    /** The first lines that differ, with a little context: what the page says (-) and what the command prints (+). */
    static String difference(List<String> page, List<String> now) {
        int first = 0;
        while (first < page.size() && first < now.size() && page.get(first).equals(now.get(first))) {
            first++;
        }
        StringBuilder b = new StringBuilder("first difference at line " + (first + 1) + " of the block:\n");
        for (int i = Math.max(0, first - 2); i < first; i++) {
            b.append("  ").append(page.get(i)).append('\n');
        }
        for (int i = first; i < Math.min(page.size(), first + 5); i++) {
            b.append("- ").append(page.get(i)).append('\n');
        }
        for (int i = first; i < Math.min(now.size(), first + 5); i++) {
            b.append("+ ").append(now.get(i)).append('\n');
        }
        return b.toString();
    }

    /** The generated blocks, each with the last command written above it in a fenced code block. */
    private static List<Block> blocks(Path root) throws IOException {
        return blocks(Files.readAllLines(root.resolve(PAGE), StandardCharsets.UTF_8));
    }

    private static List<Block> blocks(List<String> lines) {
        List<DocExample> examples = DocExample.ofMarkdown(PAGE, lines);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).equals(BEGIN)) {
                continue;
            }
            int begin = i;
            assertThat(begin > 0 && lines.get(begin - 1).equals("```"))
                    .as("%s:%d: %s right under a fenced code block holding its command", PAGE, begin + 1, BEGIN).isTrue();
            DocExample command = examples.stream().filter(e -> e.line() < begin + 1).reduce((a, b) -> b)
                    .orElseThrow(() -> new AssertionError(PAGE + ":" + (begin + 1) + ": no command above " + BEGIN));
            int end = lines.subList(begin, lines.size()).indexOf(END);
            assertThat(end).as("%s:%d: %s without %s", PAGE, begin + 1, BEGIN, END).isPositive();
            blocks.add(new Block(command, begin + 1, List.copyOf(lines.subList(begin + 1, begin + end))));
            i = begin + end;
        }
        assertThat(blocks).as("generated blocks in " + PAGE).isNotEmpty();
        return blocks;
    }
}
