package org.segmentlab.simulator.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The test of the numbers test: a hand-edited number in a block or a mark fails, and so does a run number in prose. */
class GuideNumbersTest {

    private static final Map<String, List<String>> NOW = Map.of("four-types",
            List.of("| strategy | cumulative profit |", "| --- | ---: |", "| baseline | 43.02 M |", "| textbook | 50.68 M |"));
    private static final Map<String, String> INLINE_NOW = Map.of("four-types.textbook-lead", "+7.66 M");

    private static final List<String> PAGE = List.of(
            "## four-types",
            "The textbook strategy earns <!--n:four-types.textbook-lead-->+7.66 M<!--/n--> more; a 20% sale runs.",
            "<!-- numbers:four-types:begin -->",
            "| strategy | cumulative profit |", "| --- | ---: |", "| baseline | 43.02 M |", "| textbook | 50.68 M |",
            "<!-- numbers:four-types:end -->",
            "```sh",
            "bin/segmentlab run scenarios/four-types.yaml   # 43.0 M in a code block is not prose",
            "```");

    @Test
    void aCurrentPageHasNoProblems() {
        assertThat(GuideNumbers.problems("guide.md", PAGE, NOW, INLINE_NOW)).isEmpty();
    }

    @Test
    void aNumberEditedByHandInABlockFailsWithTheLineWrittenAndTheLineTheRunsGive() {
        List<String> edited = PAGE.stream().map(l -> l.replace("50.68 M", "51.00 M")).toList();
        assertThat(GuideNumbers.problems("guide.md", edited, NOW, INLINE_NOW)).singleElement().asString()
                .contains("block 'four-types' is stale", "line 4", "| textbook | 51.00 M |", "| textbook | 50.68 M |");
    }

    @Test
    void aNumberEditedByHandInAnInlineMarkFails() {
        List<String> edited = PAGE.stream().map(l -> l.replace("+7.66 M<!--/n-->", "+8.00 M<!--/n-->")).toList();
        assertThat(GuideNumbers.problems("guide.md", edited, NOW, INLINE_NOW)).singleElement().asString()
                .contains("inline mark 'four-types.textbook-lead' is stale", "'+8.00 M'", "'+7.66 M'");
    }

    @Test
    void aRunNumberInProseOutsideTheMarksIsFlaggedWithItsLineButAParameterIsNot() {
        List<String> edited = new java.util.ArrayList<>(PAGE);
        edited.add("The baseline ends at 43.0 M and the programme adds 5.8 pp of retention; it costs 5 EUR a month.");
        assertThat(GuideNumbers.problems("guide.md", edited, NOW, INLINE_NOW)).hasSize(2)
                .allSatisfy(p -> assertThat(p).startsWith("guide.md:12:"))
                .anySatisfy(p -> assertThat(p).contains("'43.0 M'"))
                .anySatisfy(p -> assertThat(p).contains("'5.8 pp'"));
    }

    @Test
    void aBlockWithoutAGeneratorOrAGeneratorWithoutABlockFails() {
        assertThat(GuideNumbers.problems("guide.md", PAGE, Map.of(), INLINE_NOW))
                .anySatisfy(p -> assertThat(p).contains("block 'four-types' has no generator"));
        assertThat(GuideNumbers.problems("guide.md", PAGE.subList(0, 2), NOW, INLINE_NOW))
                .anySatisfy(p -> assertThat(p).contains("no block <!-- numbers:four-types:begin -->"));
    }

    @Test
    void regeneratingRewritesTheBlockAndTheMarkAndLeavesTheRest() {
        List<String> stale = PAGE.stream().map(l -> l.replace("50.68 M", "51.00 M").replace("+7.66 M<", "+8.00 M<"))
                .toList();
        assertThat(GuideNumbers.regenerate(stale, NOW, INLINE_NOW)).isEqualTo(PAGE);
    }

    /**
     * On a copy of the real guide, taking its own blocks as what the runs give: it is consistent (no run number in
     * prose), and changing one digit of one money figure inside the four-types block, or adding a sentence with a run
     * number outside the blocks, fails with the block's name or the line.
     */
    @Test
    void editingANumberInACopyOfTheRealGuideFails() throws IOException {
        List<String> guide = Files.readAllLines(WorkshopNumbersTest.GUIDE, StandardCharsets.UTF_8);
        Map<String, List<String>> written = GuideNumbers.blocks(guide);
        Map<String, String> inline = GuideNumbers.inline(guide);
        assertThat(written).as("a block per shipped scenario").containsOnlyKeys(WorkshopNumbers.BLOCKS.keySet());
        assertThat(GuideNumbers.problems("docs/workshop.md", guide, written, inline)).isEmpty();

        List<String> copy = new ArrayList<>(guide);
        int begin = copy.indexOf(GuideNumbers.begin("four-types"));
        int row = begin + 1;
        while (!copy.get(row).matches("\\| textbook \\| \\d+\\.\\d\\d M .*")) {
            row++;
        }
        String original = copy.get(row);
        java.util.regex.Matcher digit = java.util.regex.Pattern.compile("(\\d) M").matcher(original);
        assertThat(digit.find()).isTrue();
        char d = digit.group(1).charAt(0);
        String edited = original.substring(0, digit.start(1)) + (d == '9' ? '0' : (char) (d + 1))
                + original.substring(digit.end(1));
        assertThat(edited).isNotEqualTo(original);
        copy.set(row, edited);
        assertThat(GuideNumbers.problems("docs/workshop.md", copy, written, inline)).singleElement().asString()
                .contains("block 'four-types' is stale", edited, original);

        List<String> withProse = new ArrayList<>(guide);
        withProse.add(begin - 1, "The textbook strategy earns 18.4 M more.");
        assertThat(GuideNumbers.problems("docs/workshop.md", withProse, written, inline)).singleElement().asString()
                .startsWith("docs/workshop.md:" + begin + ": '18.4 M'");
    }
}
