package org.segmentlab.simulator.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Every number docs/workshop.md quotes from a run is what the shipped scenario gives now, at its shipped size and
 * seed: the test runs every shipped scenario (and the variants its lesson quotes) in this JVM, two threads a run,
 * regenerates each block and inline mark ({@link WorkshopNumbers}) and compares them with the page; it also refuses a
 * run number written in prose outside the marks ({@link GuideNumbers#unmarked}). README.md and the other docs/*.md
 * pages must not hold such numbers either (their generated tables have their own tests). Stale numbers fail with
 * the first difference of every block and the command that rewrites them, {@value #REGENERATE}; run with
 * {@code -Dsegmentlab.regenerate=true} the test rewrites the page instead.
 */
class WorkshopNumbersTest {

    static final String REGENERATE = "docs/regenerate-workshop.sh";
    static final Path GUIDE = Path.of("..", "docs", "workshop.md");

    @Test
    void everyShippedScenarioHasABlockOfNumbers() {
        assertThat(WorkshopNumbers.BLOCKS.keySet()).as("WorkshopNumbers.BLOCKS: one per file in scenarios/")
                .containsExactlyInAnyOrderElementsOf(WorkshopRun.shippedFiles().stream()
                        .map(p -> p.getFileName().toString().replace(".yaml", "")).toList());
    }

    @Test
    void theGuideQuotesWhatTheShippedScenariosGiveNow() throws IOException {
        long start = System.nanoTime();
        Map<String, List<String>> blocks = new LinkedHashMap<>();
        Map<String, String> inline = new LinkedHashMap<>();
        List<String> claims = new ArrayList<>();
        int runs = 0;
        for (String scenario : WorkshopNumbers.BLOCKS.keySet()) {
            WorkshopNumbers.ShippedRuns r = new WorkshopNumbers.ShippedRuns(scenario);
            blocks.put(scenario, WorkshopNumbers.block(r));
            inline.putAll(WorkshopNumbers.inline(r));
            claims.addAll(GuideClaims.problems(r));
            runs += r.count();
        }
        assertThat(claims).as("what docs/workshop.md says of the shipped runs and they no longer show").isEmpty();
        System.out.printf(Locale.ROOT, "WorkshopNumbersTest: %d runs of %d scenarios at their shipped size in %.1f s%n",
                runs, blocks.size(), (System.nanoTime() - start) / 1e9);
        List<String> page = Files.readAllLines(GUIDE, StandardCharsets.UTF_8);
        List<String> problems = GuideNumbers.problems("docs/workshop.md", page, blocks, inline);
        if (problems.isEmpty()) {
            return;
        }
        if (Boolean.getBoolean("segmentlab.regenerate")) {
            List<String> updated = GuideNumbers.regenerate(page, blocks, inline);
            Files.write(GUIDE, updated, StandardCharsets.UTF_8);
            List<String> left = GuideNumbers.problems("docs/workshop.md", updated, blocks, inline);
            assertThat(left).as("after regenerating, what only a person can fix (a missing block, a number in prose)")
                    .isEmpty();
            return;
        }
        fail(String.join("\n", problems) + "\nrun " + REGENERATE + " to rewrite the blocks (and mark or remove any "
                + "number in prose)");
    }

    @Test
    void theReadmeAndTheOtherPagesQuoteNoRunNumberInProse() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> pages = new ArrayList<>(List.of(Path.of("..", "README.md")));
        try (var docs = Files.list(Path.of("..", "docs"))) {
            docs.filter(p -> p.toString().endsWith(".md") && !p.getFileName().toString().equals("workshop.md"))
                    .sorted().forEach(pages::add);
        }
        for (Path p : pages) {
            List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
            problems.addAll(GuideNumbers.unmarked(p.normalize().toString(), withoutGeneratedBlocks(lines)));
        }
        assertThat(problems).as("run numbers quoted in prose: move them to docs/workshop.md's blocks or remove them")
                .isEmpty();
    }

    /** The page with the lines of blocks other tests generate (accuracy, mechanisms) blanked, so line numbers hold. */
    private static List<String> withoutGeneratedBlocks(List<String> lines) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String l : lines) {
            if (l.matches("<!-- [a-z]+:begin -->")) {
                in = true;
            } else if (l.matches("<!-- [a-z]+:end -->")) {
                in = false;
            }
            out.add(in ? "" : l);
        }
        return out;
    }
}
