package org.segmentlab.cli.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.segmentlab.cli.AtomicFile;
import org.segmentlab.reports.chart.ChartExport;
import org.segmentlab.reports.chart.ReportChart;
import org.segmentlab.reports.chart.SourceLine;

/** Writes a chart as {@code <id>.png} and {@code <id>.svg} in a folder, each file complete or not at all. */
final class ChartFiles {

    private ChartFiles() {
    }

    /** Writes {@code chart} with {@code sourceLine} (what run made it) at its foot; returns the PNG's path. */
    static Path write(ReportChart chart, Path folder, String sourceLine) throws IOException {
        SourceLine.stamp(chart.chart(), sourceLine);
        Files.createDirectories(folder);
        Path png = folder.resolve(chart.id() + ".png");
        byte[] bytes = ChartExport.png(chart.chart());
        AtomicFile.writeBytes(png, out -> out.write(bytes));
        String svg = ChartExport.svgDocument(ChartExport.svgElement(chart.chart(), chart.id()));
        AtomicFile.write(folder.resolve(chart.id() + ".svg"), out -> out.write(svg));
        return png;
    }
}
