package org.segmentlab.reports.deck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.reports.SyntheticRun;
import org.segmentlab.reports.chart.ReportChart;
import org.segmentlab.reports.chart.ReportCharts;
import org.segmentlab.reports.output.ReportInput;
import org.segmentlab.reports.table.RunSummary;

/** The deck a consultant pastes from: which slides, in which order, with which titles, pictures and footnotes. */
class DeckWriterTest {
    private static final List<String> OVERRIDES = List.of("market.imitation=0.3", "treatments.price-campaign.leakage=0.4");

    @TempDir
    Path dir;

    static ReportInput input(List<String> overrides) {
        return new ReportInput(SyntheticRun.of(3, 2, 6, 11), "A small synthetic market where later strategies churn less.",
                "name: synthetic\n", "0.1.0-TEST", overrides);
    }

    static XMLSlideShow read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XMLSlideShow(in);
        }
    }

    static List<String> texts(XSLFSlide slide) {
        List<String> texts = new ArrayList<>();
        for (XSLFShape shape : slide.getShapes()) {
            if (shape instanceof XSLFTextShape text) {
                texts.add(text.getText());
            }
        }
        return texts;
    }

    @Test
    void titleAndSummaryThenOneSlidePerChartInReportOrderTitledWithTheChartsMessage() throws IOException {
        ReportInput input = input(OVERRIDES);
        List<ReportChart> charts = ReportCharts.all(input.result());
        Path file = dir.resolve("deck.pptx");
        DeckWriter.write(input, charts, file);

        try (XMLSlideShow deck = read(file)) {
            List<XSLFSlide> slides = deck.getSlides();
            assertThat(slides).hasSize(charts.size() + 2);
            assertThat(deck.getPageSize().getWidth() / deck.getPageSize().getHeight()).isCloseTo(16.0 / 9, org.assertj.core.data.Offset.offset(0.01));
            assertThat(slides.get(0).getTitle()).isEqualTo(input.result().scenarioName());
            assertThat(slides.get(1).getTitle()).isEqualTo("Summary");
            assertThat(String.join("\n", texts(slides.get(1)))).contains(RunSummary.of(input.result()).lines());
            List<String> titles = slides.subList(2, slides.size()).stream().map(XSLFSlide::getTitle).toList();
            assertThat(titles).containsExactlyElementsOf(charts.stream().map(ReportChart::title).toList());
        }
    }

    @Test
    void theTitleSlideNamesTheRunAndEveryOverride() throws IOException {
        ReportInput input = input(OVERRIDES);
        Path file = dir.resolve("deck.pptx");
        DeckWriter.write(input, ReportCharts.all(input.result()), file);
        try (XMLSlideShow deck = read(file)) {
            String text = String.join("\n", texts(deck.getSlides().get(0)));
            assertThat(text).contains("Seed 11", "2 replications", "6 months", "3 strategies", "SegmentLab 0.1.0-TEST",
                    "A small synthetic market", "Changed from the scenario file:");
            assertThat(text).contains(OVERRIDES);
        }
        ReportInput asWritten = input(List.of());
        DeckWriter.write(asWritten, ReportCharts.all(asWritten.result()), file);
        try (XMLSlideShow deck = read(file)) {
            assertThat(String.join("\n", texts(deck.getSlides().get(0)))).contains("no values changed")
                    .doesNotContain("Changed from the scenario file");
        }
    }

    @Test
    void everyChartSlideHasOnePictureOnTheSlideAndTheSourceLineAsAFootnoteBelowIt() throws IOException {
        ReportInput input = input(OVERRIDES);
        List<ReportChart> charts = ReportCharts.all(input.result());
        Path file = dir.resolve("deck.pptx");
        DeckWriter.write(input, charts, file);
        Rectangle2D page = new Rectangle2D.Double(0, 0, DeckWriter.SLIDE_WIDTH, DeckWriter.SLIDE_HEIGHT);
        try (XMLSlideShow deck = read(file)) {
            for (XSLFSlide slide : deck.getSlides().subList(2, deck.getSlides().size())) {
                List<XSLFPictureShape> pictures = slide.getShapes().stream().filter(XSLFPictureShape.class::isInstance)
                        .map(XSLFPictureShape.class::cast).toList();
                assertThat(pictures).as(slide.getTitle()).hasSize(1);
                Rectangle2D picture = pictures.get(0).getAnchor();
                assertThat(page.contains(picture)).as("picture inside the slide: " + picture).isTrue();
                // as large as the slide allows: at least two thirds of its width
                assertThat(picture.getWidth()).isGreaterThan(DeckWriter.SLIDE_WIDTH * 2 / 3);
                XSLFTextShape footnote = slide.getShapes().stream().filter(XSLFTextShape.class::isInstance)
                        .map(XSLFTextShape.class::cast).filter(t -> t.getText().startsWith("Source: ")).findFirst().orElseThrow();
                assertThat(footnote.getText()).isEqualTo(input.source().line()).contains("modified: market.imitation=0.3");
                assertThat(footnote.getAnchor().getMinY()).as("footnote below the picture").isGreaterThanOrEqualTo(picture.getMaxY());
                assertThat(page.contains(footnote.getAnchor())).isTrue();
                assertThat(footnote.getTextParagraphs().get(0).getTextRuns().get(0).getFontSize()).isLessThanOrEqualTo(10.0);
                XSLFTextShape title = slide.getPlaceholder(0);
                assertThat(title.getAnchor().getMaxY()).as("title above the picture").isLessThanOrEqualTo(picture.getMinY());
            }
        }
    }

    /** POI moves a placeholder by editing its layout unless the slide has its own position: one slide moved all. */
    @Test
    void eachSlidePlacesItsOwnTitle() throws IOException {
        ReportInput input = input(OVERRIDES);
        Path file = dir.resolve("deck.pptx");
        DeckWriter.write(input, ReportCharts.all(input.result()), file);
        try (XMLSlideShow deck = read(file)) {
            double titleSlide = deck.getSlides().get(0).getPlaceholder(0).getAnchor().getMinY();
            double chartSlide = deck.getSlides().get(2).getPlaceholder(0).getAnchor().getMinY();
            assertThat(titleSlide).isGreaterThan(chartSlide + 50);
        }
    }

    @Test
    void aLongTitleIsSetSmallerToStayAboveTheChart() throws IOException {
        ReportInput input = input(List.of());
        List<ReportChart> charts = ReportCharts.all(input.result());
        ReportChart first = charts.get(0);
        String longTitle = "textbook ends 7.7 M ahead of baseline, retain-all 2.1 M ahead, cut-losses 0.4 M behind, and"
                + " the word of mouth of every strategy but the baseline turns positive within the first year";
        List<ReportChart> edited = new ArrayList<>(charts);
        edited.set(0, new ReportChart(first.id(), longTitle, first.caption(), first.chart()));
        Path file = dir.resolve("deck.pptx");
        DeckWriter.write(input, edited, file);
        try (XMLSlideShow deck = read(file)) {
            XSLFSlide slide = deck.getSlides().get(2);
            XSLFTextShape title = slide.getPlaceholder(0);
            assertThat(title.getText()).isEqualTo(longTitle);
            double size = title.getTextParagraphs().get(0).getTextRuns().get(0).getFontSize();
            assertThat(size).isLessThan(28.0);
            assertThat(FittedText.wrap(longTitle, true, title.getAnchor().getWidth(), (int) size)).hasSizeLessThanOrEqualTo(2);
        }
    }

    @Test
    void anInterruptedWriteStopsAndLeavesNoFile() {
        ReportInput input = input(List.of());
        Path file = dir.resolve("deck.pptx");
        Thread.currentThread().interrupt();
        try {
            assertThrows(InterruptedIOException.class, () -> DeckWriter.write(input, ReportCharts.all(input.result()), file));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(file).doesNotExist();
    }
}
