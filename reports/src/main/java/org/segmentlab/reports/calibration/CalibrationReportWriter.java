package org.segmentlab.reports.calibration;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.segmentlab.reports.chart.ChartExport;
import org.segmentlab.reports.chart.ReportChart;
import org.segmentlab.reports.chart.SourceLine;
import org.segmentlab.reports.html.InlineChart;

/**
 * Writes the calibration report into an existing folder: {@code calibration.html}, {@code parameters.json},
 * {@code parameters.csv} and {@code charts/<id>.png} and {@code .svg} for every chart of
 * {@link CalibrationCharts#all}. Files of the same name are overwritten; nothing else in the folder is touched.
 * The caller makes the folder appear atomically (write to a temporary folder, then move it into place).
 */
public final class CalibrationReportWriter {
    public static final String HTML = "calibration.html";
    public static final String JSON = "parameters.json";
    public static final String CSV = "parameters.csv";
    public static final String CHARTS = "charts";

    private CalibrationReportWriter() {
    }

    /**
     * Writes the report into {@code dir}, which must exist, and returns the files written, relative to {@code dir},
     * in the order written.
     *
     * @throws InterruptedIOException when the thread is interrupted between charts (the flag stays set); files
     *                                written so far are left for the caller to discard
     * @throws IOException            when {@code dir} is not a folder or a file cannot be written
     */
    public static List<Path> write(CalibrationReportInput input, Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not an existing folder");
        }
        List<Path> written = new ArrayList<>();
        try (OutputStream out = Files.newOutputStream(dir.resolve(JSON))) {
            ParametersJson.write(input, out);
        }
        written.add(Path.of(JSON));
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(CSV), StandardCharsets.UTF_8)) {
            ParametersCsv.write(input, out);
        }
        written.add(Path.of(CSV));

        Path chartDir = Files.createDirectories(dir.resolve(CHARTS));
        List<InlineChart> inline = new ArrayList<>();
        // every chart says where it came from, like a run's (the log and the end of its calibration period)
        String sourceLine = "Source: SegmentLab " + input.version() + " \u00b7 " + input.source()
                + (input.calibrationEnd() != null ? ", calibration period to " + input.calibrationEnd() : "");
        for (ReportChart chart : SourceLine.stamp(CalibrationCharts.all(input), sourceLine)) {
            checkInterrupt();
            Files.write(chartDir.resolve(chart.id() + ".png"), ChartExport.png(chart.chart()));
            written.add(Path.of(CHARTS, chart.id() + ".png"));
            String svg = ChartExport.svgElement(chart.chart(), chart.id());
            Files.writeString(chartDir.resolve(chart.id() + ".svg"), ChartExport.svgDocument(svg), StandardCharsets.UTF_8);
            written.add(Path.of(CHARTS, chart.id() + ".svg"));
            inline.add(new InlineChart(chart.id(), chart.title(), chart.caption(), svg));
        }
        checkInterrupt();
        Files.writeString(dir.resolve(HTML), CalibrationHtml.render(input, inline), StandardCharsets.UTF_8);
        written.add(Path.of(HTML));
        return List.copyOf(written);
    }

    private static void checkInterrupt() throws InterruptedIOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("calibration report writing interrupted");
        }
    }
}
