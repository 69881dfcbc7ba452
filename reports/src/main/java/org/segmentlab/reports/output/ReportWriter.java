package org.segmentlab.reports.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

import org.segmentlab.reports.chart.ChartExport;
import org.segmentlab.reports.chart.ReportChart;
import org.segmentlab.reports.chart.ReportCharts;
import org.segmentlab.reports.deck.DeckWriter;
import org.segmentlab.reports.html.HtmlReport;
import org.segmentlab.reports.html.InlineChart;
import org.segmentlab.simulator.analysis.TreatmentAttribution;

/**
 * Writes a run's report folder: {@code report.html}, {@code metrics.csv}, {@code summary.json},
 * {@code scenario.resolved.yaml}, {@code bridge.csv} ({@link BridgeCsv}), {@code attribution.csv}
 * (when the run attributed, {@link AttributionCsv}), {@code charts/*.png} and
 * {@code charts/*.svg}, with the {@link OutputMarker}; on
 * request also the slide deck {@code deck.pptx} ({@link DeckWriter}).
 *
 * <p>Everything is written into a hidden temporary folder beside the target and renamed into place only when
 * complete. An existing target is moved aside, the new folder moved in, then the old one deleted. On any failure
 * or interruption (checked between charts; the thread's interrupt flag is left set) the temporary folder is
 * deleted and an earlier report stays untouched. An existing target is only replaced when it is empty or its
 * marker says it is a report holding only the files written then ({@link OutputFolder}), so a mistyped
 * {@code --out} cannot wipe an unrelated directory.
 */
public final class ReportWriter {
    public static final String HTML = "report.html";
    public static final String CSV = "metrics.csv";
    public static final String JSON = "summary.json";
    public static final String SCENARIO = "scenario.resolved.yaml";
    public static final String CHARTS = "charts";
    public static final String DECK = "deck.pptx";

    /** A run's report folder; earlier versions wrote the same names without a marker. */
    public static final OutputKind KIND = new OutputKind("report", "SegmentLab report", Set.of(HTML, CSV, JSON, SCENARIO, CHARTS));
    /** Drawing is CPU-bound; more threads than this gain little for two dozen charts. */
    private static final int MAX_RENDER_THREADS = 4;
    private static final ThreadFactory RENDER_THREADS = task -> {
        Thread t = new Thread(task, "segmentlab-chart");
        t.setDaemon(true);
        return t;
    };

    private ReportWriter() {
    }

    /** Writes the report to {@code outDir}, replacing an earlier report there. Returns the folder written. */
    public static Path write(ReportInput input, Path outDir) throws IOException {
        return write(input, outDir, ReportProgress.NONE);
    }

    /**
     * Writes the report to {@code outDir}, telling {@code progress} after each file.
     *
     * @throws InterruptedIOException when the thread is interrupted; nothing is left behind
     * @throws IOException            when a file cannot be written or an existing non-report folder is in the way
     */
    public static Path write(ReportInput input, Path outDir, ReportProgress progress) throws IOException {
        return write(input, outDir, progress, false);
    }

    /**
     * As {@link #write(ReportInput, Path, ReportProgress)}, with the slide deck {@value #DECK} too when {@code deck}:
     * written into the same temporary folder, so it is published with the rest or not at all.
     */
    public static Path write(ReportInput input, Path outDir, ReportProgress progress, boolean deck) throws IOException {
        return OutputFolder.write(outDir, KIND, input.version(), dir -> writeContents(input, dir, progress, deck));
    }

    private static void writeContents(ReportInput input, Path dir, ReportProgress progress, boolean deck) throws IOException {
        List<ReportChart> charts = ReportCharts.all(input.result(), input.source().line());
        int total = 3 + 1 + (TreatmentAttribution.available(input.result()) ? 1 : 0) + 2 * charts.size() + 1 + (deck ? 1 : 0);
        int[] done = {0};
        Step step = file -> progress.written(++done[0], total, file);

        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(CSV), StandardCharsets.UTF_8)) {
            MetricsCsv.write(input.result().metrics(), out);
        }
        step.done(CSV);
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(BridgeCsv.FILE), StandardCharsets.UTF_8)) {
            BridgeCsv.write(BridgeCsv.rows(input.result().metrics()), out);
        }
        step.done(BridgeCsv.FILE);
        try (OutputStream out = Files.newOutputStream(dir.resolve(JSON))) {
            SummaryJson.write(input, out);
        }
        step.done(JSON);
        Files.writeString(dir.resolve(SCENARIO), input.resolvedScenarioYaml(), StandardCharsets.UTF_8);
        step.done(SCENARIO);
        if (TreatmentAttribution.available(input.result())) {
            try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(AttributionCsv.FILE), StandardCharsets.UTF_8)) {
                AttributionCsv.write(TreatmentAttribution.of(input.result()), out);
            }
            step.done(AttributionCsv.FILE);
        }

        Path chartDir = Files.createDirectory(dir.resolve(CHARTS));
        List<InlineChart> inline = new ArrayList<>();
        // Charts are drawn in parallel (each is independent, so the bytes do not depend on the thread count);
        // this thread writes them in order and checks for an interrupt between charts.
        int threads = Math.max(1, Math.min(MAX_RENDER_THREADS, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, RENDER_THREADS);
        List<Future<Rendered>> futures = new ArrayList<>();
        try {
            for (ReportChart chart : charts) {
                futures.add(pool.submit(() -> new Rendered(ChartExport.png(chart.chart()), ChartExport.svgElement(chart.chart(), chart.id()))));
            }
            for (int i = 0; i < charts.size(); i++) {
                checkInterrupt();
                ReportChart chart = charts.get(i);
                Rendered rendered = await(futures.get(i), chart.id());
                Files.write(chartDir.resolve(chart.id() + ".png"), rendered.png());
                step.done(CHARTS + "/" + chart.id() + ".png");
                Files.writeString(chartDir.resolve(chart.id() + ".svg"), ChartExport.svgDocument(rendered.svg()), StandardCharsets.UTF_8);
                step.done(CHARTS + "/" + chart.id() + ".svg");
                inline.add(new InlineChart(chart.id(), chart.title(), chart.caption(), rendered.svg()));
            }
        } finally {
            for (Future<Rendered> f : futures) {
                f.cancel(true);
            }
            pool.shutdownNow();
        }
        checkInterrupt();
        String html = HtmlReport.render(input, inline);
        Files.writeString(dir.resolve(HTML), html, StandardCharsets.UTF_8);
        step.done(HTML);
        checkInterrupt();
        if (deck) {
            DeckWriter.write(input, charts, dir.resolve(DECK));
            step.done(DECK);
        }
    }

    private record Rendered(byte[] png, String svg) {
    }

    private static Rendered await(Future<Rendered> future, String id) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("report writing interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IOException("chart " + id + " failed: " + cause, cause);
        }
    }

    @FunctionalInterface
    private interface Step {
        void done(String file);
    }

    private static void checkInterrupt() throws InterruptedIOException {
        // isInterrupted, not interrupted(): the flag stays set for the caller
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("report writing interrupted");
        }
    }
}
