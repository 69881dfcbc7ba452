package org.segmentlab.reports.deck;

import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.poi.sl.usermodel.PictureData;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.xslf.usermodel.SlideLayout;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFPictureData;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFSlideLayout;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.segmentlab.reports.chart.ReportChart;
import org.segmentlab.reports.output.ReportInput;
import org.segmentlab.reports.output.RunSource;
import org.segmentlab.reports.table.RunSummary;
import org.segmentlab.simulator.metrics.MetricsTable;

/**
 * Writes a run's slide deck ({@code deck.pptx}, 16:9) for a consultant to paste into a client deck as it is: a title
 * slide naming the scenario, its description, seed, replications, version and every value changed from the scenario
 * file; the three-line {@link RunSummary}; then one slide per report chart, in report order, with the chart's
 * message as the slide title, the chart as a picture, the run's source line as a footnote and the chart's caption
 * in the speaker notes.
 *
 * <p>Issue 15's profit bridge and attribution are not built yet, so the deck has no slides for them.
 */
public final class DeckWriter {
    /** The slide in points: 13.33 × 7.5 inches. */
    static final double SLIDE_WIDTH = 960;
    static final double SLIDE_HEIGHT = 540;
    private static final double MARGIN = 36;
    private static final double TEXT_WIDTH = SLIDE_WIDTH - 2 * MARGIN;
    private static final double TITLE_TOP = 22;
    /** How far a chart's subtitle sits from the picture's left edge: the chart's padding plus the subtitle's margin. */
    private static final double CHART_INSET = 14;
    private static final int MAX_RENDER_THREADS = 4;

    private DeckWriter() {
    }

    /**
     * Writes the deck for {@code input} with a slide for each of {@code charts} (the report's charts, in order) to
     * {@code file}.
     *
     * @throws InterruptedIOException when the thread is interrupted (checked between slides; the flag stays set)
     * @throws IOException            when the file cannot be written
     */
    public static void write(ReportInput input, List<ReportChart> charts, Path file) throws IOException {
        checkInterrupt();
        RunSource source = input.source();
        String sourceLine = source.line();
        int threads = Math.max(1, Math.min(MAX_RENDER_THREADS, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "segmentlab-slide");
            t.setDaemon(true);
            return t;
        });
        List<Future<byte[]>> pictures = new ArrayList<>();
        try (XMLSlideShow deck = new XMLSlideShow()) {
            // Pictures are drawn in parallel while the text slides are built; slides are added in report order.
            for (ReportChart chart : charts) {
                pictures.add(pool.submit(() -> SlidePicture.png(chart.chart(), sourceLine)));
            }
            deck.setPageSize(new Dimension((int) SLIDE_WIDTH, (int) SLIDE_HEIGHT));
            titleSlide(deck, input, source);
            summarySlide(deck, RunSummary.of(input.result()).lines(), sourceLine);
            for (int i = 0; i < charts.size(); i++) {
                checkInterrupt();
                chartSlide(deck, charts.get(i), await(pictures.get(i), charts.get(i).id()), sourceLine);
            }
            checkInterrupt();
            try (OutputStream out = Files.newOutputStream(file)) {
                deck.write(out);
            }
        } finally {
            for (Future<byte[]> f : pictures) {
                f.cancel(true);
            }
            pool.shutdownNow();
        }
    }

    /**
     * Starts loading the deck's libraries on a background thread, so that a caller who knows a deck will be written
     * (the command line's {@code --deck}) pays that cost while it simulates rather than after. Builds a one-slide
     * deck in memory and drops it; any failure is left to {@link #write} to report.
     */
    public static void warmUpInBackground() {
        Thread t = new Thread(() -> {
            try (XMLSlideShow deck = new XMLSlideShow()) {
                deck.setPageSize(new Dimension((int) SLIDE_WIDTH, (int) SLIDE_HEIGHT));
                placeTitle(slide(deck), "SegmentLab");
                footnote(slide(deck), "Source: SegmentLab");
                deck.write(OutputStream.nullOutputStream());
            } catch (IOException | RuntimeException e) {
                // write() meets the same problem and reports it
            }
        }, "segmentlab-deck-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /**
     * Scenario name, description, the run's facts and every value changed from the scenario file, as one block
     * centred on the slide.
     */
    private static void titleSlide(XMLSlideShow deck, ReportInput input, RunSource source) {
        XSLFSlide slide = slide(deck);
        List<String> name = List.of(source.scenario());
        int nameSize = FittedText.size(name, true, TEXT_WIDTH, 2 * 40 * FittedText.LINE_HEIGHT, 40, 24, 0);
        String shownName = FittedText.truncate(source.scenario(), true, TEXT_WIDTH, nameSize, 2);
        double nameHeight = FittedText.height(List.of(shownName), true, TEXT_WIDTH, nameSize, 0);

        MetricsTable table = input.result().metrics();
        int strategies = table.strategies().size();
        String facts = "Seed " + source.seed() + " · " + plural(source.replications(), "replication") + " · "
                + plural(table.months(), "month") + " · " + (strategies == 1 ? "1 strategy" : strategies + " strategies")
                + " · SegmentLab " + source.version();
        double factsHeight = FittedText.height(List.of(facts), false, TEXT_WIDTH, 16, 0);
        List<String> changes = new ArrayList<>();
        if (source.modified()) {
            changes.add("Changed from the scenario file:");
            changes.addAll(source.overrides());
        } else {
            changes.add("Run as the scenario file is written (no values changed).");
        }
        double kickerHeight = 14 * FittedText.LINE_HEIGHT;
        double fixed = kickerHeight + 6 + nameHeight + 18 + factsHeight + 14;
        double room = SLIDE_HEIGHT - 2 * 30 - fixed;
        // The overrides come first: a modified run must never look like the shipped scenario. The description
        // takes the room that is left, cut short with "…" if need be (report.html has it whole).
        int changesSize = FittedText.size(changes, false, TEXT_WIDTH, room, 16, 8, 0.25);
        double changesHeight = FittedText.height(changes, false, TEXT_WIDTH, changesSize, 0.25);
        String description = input.description().strip().replaceAll("\\s+", " ");
        double descriptionRoom = Math.min(160, room - changesHeight - 16);
        int descriptionSize = 0;
        double descriptionHeight = 0;
        if (!description.isEmpty() && descriptionRoom >= 11 * FittedText.LINE_HEIGHT) {
            descriptionSize = FittedText.size(List.of(description), false, TEXT_WIDTH, descriptionRoom, 18, 11, 0);
            description = FittedText.truncate(description, false, TEXT_WIDTH, descriptionSize,
                    (int) Math.floor(descriptionRoom / (descriptionSize * FittedText.LINE_HEIGHT)));
            descriptionHeight = FittedText.height(List.of(description), false, TEXT_WIDTH, descriptionSize, 0);
        }

        double block = fixed + changesHeight + (descriptionSize > 0 ? descriptionHeight + 16 : 0);
        // a little above the middle, where a title slide's eye goes
        double top = Math.max(30, (SLIDE_HEIGHT - block) * 0.42);
        SlideText.fill(slide.createTextBox(), new Rectangle2D.Double(MARGIN, top, TEXT_WIDTH, kickerHeight),
                List.of("SegmentLab simulation report"), 14, false, SlideText.MUTED, 0);
        top += kickerHeight + 6;
        SlideText.fill(title(slide), new Rectangle2D.Double(MARGIN, top, TEXT_WIDTH, nameHeight), List.of(shownName),
                nameSize, true, SlideText.INK, 0);
        top += nameHeight + 18;
        if (descriptionSize > 0) {
            SlideText.fill(slide.createTextBox(), new Rectangle2D.Double(MARGIN, top, TEXT_WIDTH, descriptionHeight),
                    List.of(description), descriptionSize, false, SlideText.INK, 0);
            top += descriptionHeight + 16;
        }
        SlideText.fill(slide.createTextBox(), new Rectangle2D.Double(MARGIN, top, TEXT_WIDTH, factsHeight), List.of(facts),
                16, false, SlideText.INK, 0);
        top += factsHeight + 14;
        SlideText.fill(slide.createTextBox(), new Rectangle2D.Double(MARGIN, top, TEXT_WIDTH, changesHeight), changes,
                changesSize, false, source.modified() ? SlideText.INK : SlideText.MUTED, 0.25);
    }

    /** The three lines of the summary, large, under the title "Summary". */
    private static void summarySlide(XMLSlideShow deck, List<String> lines, String sourceLine) {
        XSLFSlide slide = slide(deck);
        double top = placeTitle(slide, "Summary") + 20;
        double bottom = footnote(slide, sourceLine) - 16;
        int size = FittedText.size(lines, false, TEXT_WIDTH, bottom - top, 24, 12, 0.8);
        double height = FittedText.height(lines, false, TEXT_WIDTH, size, 0.8);
        SlideText.fill(slide.createTextBox(), new Rectangle2D.Double(MARGIN, top, TEXT_WIDTH, height), lines, size, false,
                SlideText.INK, 0.8);
    }

    /** The chart's message as the title, the chart as large as fits between title and footnote. */
    private static void chartSlide(XMLSlideShow deck, ReportChart chart, byte[] png, String sourceLine) {
        XSLFSlide slide = slide(deck);
        double top = placeTitle(slide, chart.title()) + 8;
        double bottom = footnote(slide, sourceLine) - 6;
        double scale = Math.min(TEXT_WIDTH / SlidePicture.WIDTH, (bottom - top) / SlidePicture.HEIGHT);
        double width = SlidePicture.WIDTH * scale;
        double height = SlidePicture.HEIGHT * scale;
        XSLFPictureData data = deck.addPicture(png, PictureData.PictureType.PNG);
        // Left-aligned, so the chart's subtitle starts under the slide title (the chart pads its text by CHART_INSET).
        double left = Math.max(0, MARGIN - CHART_INSET * scale);
        slide.createPicture(data).setAnchor(new Rectangle2D.Double(left, top, width, height));
        if (!chart.caption().isBlank()) {
            notes(deck, slide, chart.caption());
        }
    }

    /** The slide's title placeholder filled with {@code text} (up to two lines); returns the title's bottom edge. */
    private static double placeTitle(XSLFSlide slide, String text) {
        List<String> title = List.of(text);
        int size = FittedText.size(title, true, TEXT_WIDTH, 2 * 28 * FittedText.LINE_HEIGHT, 28, 16, 0);
        String shown = FittedText.truncate(text, true, TEXT_WIDTH, size, 2);
        double height = FittedText.height(List.of(shown), true, TEXT_WIDTH, size, 0);
        SlideText.fill(title(slide), new Rectangle2D.Double(MARGIN, TITLE_TOP, TEXT_WIDTH, height), List.of(shown), size,
                true, SlideText.INK, 0);
        return TITLE_TOP + height;
    }

    /** The source line, small and grey, at the foot of the slide (up to two lines); returns its top edge. */
    private static double footnote(XSLFSlide slide, String sourceLine) {
        List<String> line = List.of(sourceLine);
        int size = FittedText.size(line, false, TEXT_WIDTH, 2 * 10 * FittedText.LINE_HEIGHT, 10, 7, 0);
        double height = FittedText.height(line, false, TEXT_WIDTH, size, 0);
        double top = SLIDE_HEIGHT - 14 - height;
        XSLFTextShape box = slide.createTextBox();
        SlideText.fill(box, new Rectangle2D.Double(MARGIN, top, TEXT_WIDTH, height), line, size, false, SlideText.MUTED, 0);
        return top;
    }

    private static void notes(XMLSlideShow deck, XSLFSlide slide, String text) {
        XSLFNotes notes = deck.getNotesSlide(slide);
        for (XSLFTextShape shape : notes.getPlaceholders()) {
            if (shape.getTextType() == Placeholder.BODY) {
                shape.setText(text);
            }
        }
    }

    /** A slide with only a title placeholder, so the title shows in outline views and to screen readers. */
    private static XSLFSlide slide(XMLSlideShow deck) {
        XSLFSlideLayout layout = deck.getSlideMasters().get(0).getLayout(SlideLayout.TITLE_ONLY);
        return deck.createSlide(layout);
    }

    private static XSLFTextShape title(XSLFSlide slide) {
        for (XSLFTextShape shape : slide.getPlaceholders()) {
            if (shape.getTextType() == Placeholder.TITLE) {
                return shape;
            }
        }
        return slide.createTextBox();
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static byte[] await(Future<byte[]> future, String id) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("deck writing interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException("slide for chart " + id + " failed: " + cause, cause);
        }
    }

    private static void checkInterrupt() throws InterruptedIOException {
        // isInterrupted, not interrupted(): the flag stays set for the caller
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("deck writing interrupted");
        }
    }
}
