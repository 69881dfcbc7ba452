package org.segmentlab.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --deck} on {@code run} and {@code compare}: {@code deck.pptx} in the report folder, listed in its marker
 * like every other file, one slide per chart after the title and summary, and a {@code --set} run named as such.
 */
class DeckOptionTest {
    private static final Path FOUR_TYPES = Path.of("..", "scenarios", "four-types.yaml");

    private static String[] small(String verb, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of(verb, FOUR_TYPES.toString(), "--out", out.toString(),
                "--set", "market.initialCustomers=2000", "--set", "market.potential=20000", "--months", "14",
                "--threads", "2"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static List<String> slideTexts(XSLFSlide slide) {
        List<String> texts = new ArrayList<>();
        for (XSLFShape shape : slide.getShapes()) {
            if (shape instanceof XSLFTextShape text) {
                texts.add(text.getText());
            }
        }
        return texts;
    }

    private static long pngCharts(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out.resolve("charts"))) {
            return files.filter(p -> p.toString().endsWith(".png")).count();
        }
    }

    @Test
    void runWithDeckWritesOneSlidePerChartAndNamesTheOverrides(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("report");
        Run r = Run.of(small("run", out, "--deck", "--set", "market.imitation=0.3"));
        assertThat(r.exit()).as(r.err()).isZero();
        Path deckFile = out.toAbsolutePath().normalize().resolve("deck.pptx");
        assertThat(r.out()).contains("Deck:   " + deckFile);
        assertThat(r.err()).doesNotContain("Log4j", "StatusLogger");
        assertThat(Files.readAllLines(out.resolve(".segmentlab-output"))).contains("file=deck.pptx");

        try (InputStream in = Files.newInputStream(deckFile); XMLSlideShow deck = new XMLSlideShow(in)) {
            List<XSLFSlide> slides = deck.getSlides();
            assertThat(slides).hasSize((int) pngCharts(out) + 2);
            String title = String.join("\n", slideTexts(slides.get(0)));
            assertThat(title).contains("Changed from the scenario file:", "market.initialCustomers=2000",
                    "market.potential=20000", "market.imitation=0.3", "months=14");
            assertThat(slides.get(1).getTitle()).isEqualTo("Summary");
            for (XSLFSlide slide : slides.subList(2, slides.size())) {
                assertThat(slideTexts(slide)).as(slide.getTitle())
                        .anyMatch(t -> t.startsWith("Source: SegmentLab ") && t.contains("market.imitation=0.3"));
            }
        }
    }

    @Test
    void compareWithDeckAndAReportWithoutItReplaceEachOther(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("report");
        Run compare = Run.of(small("compare", out, "--deck", "--replications", "2", "--quiet"));
        assertThat(compare.exit()).as(compare.err()).isZero();
        assertThat(out.resolve("deck.pptx")).isRegularFile();
        // The deck is one of the report's files: a run without --deck replaces the folder and drops it, and back.
        Run plain = Run.of(small("run", out, "--quiet"));
        assertThat(plain.exit()).as(plain.err()).isZero();
        assertThat(out.resolve("deck.pptx")).doesNotExist();
        assertThat(plain.out()).doesNotContain("Deck:");
        Run again = Run.of(small("run", out, "--quiet", "--deck"));
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(out.resolve("deck.pptx")).isRegularFile();
    }
}
