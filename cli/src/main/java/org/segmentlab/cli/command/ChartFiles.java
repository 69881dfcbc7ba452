package org.segmentlab.cli.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.segmentlab.cli.AtomicFile;
import org.segmentlab.reports.chart.ChartExport;
import org.segmentlab.reports.chart.ReportChart;

/** Writes a chart as {@code <id>.png} and {@code <id>.svg} in a folder, each file complete or not at all. */
final class ChartFiles {

    private ChartFiles() {
    }

    static Path write(ReportChart chart, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path png = folder.resolve(chart.id() + ".png");
        Path temp = folder.resolve("." + chart.id() + ".png." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.write(temp, ChartExport.png(chart.chart()));
            Files.move(temp, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        String svg = ChartExport.svgDocument(ChartExport.svgElement(chart.chart(), chart.id()));
        AtomicFile.write(folder.resolve(chart.id() + ".svg"), out -> out.write(svg));
        return png;
    }
}
