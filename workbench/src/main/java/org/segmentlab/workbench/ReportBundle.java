package org.segmentlab.workbench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.segmentlab.reports.chart.ReportChart;
import org.segmentlab.reports.output.ReportInput;
import org.segmentlab.reports.output.ReportWriter;

/**
 * A finished run as the report folder {@code segmentlab run} writes (report.html, metrics.csv, summary.json with
 * seed and version, scenario.resolved.yaml, charts), zipped for download. Written by {@link ReportWriter} into a
 * temporary folder that is deleted afterwards.
 */
final class ReportBundle {

    private ReportBundle() {
    }

    /** The zip's bytes; entries are under one folder named like the file. */
    static byte[] zip(RunJob.Outcome outcome) throws IOException {
        // the run's own input: its overrides reach the report's header, summary.json and every chart's source line
        ReportInput input = outcome.report();
        Path temp = Files.createTempDirectory("segmentlab-bundle-");
        try {
            Path folder = ReportWriter.write(input, temp.resolve("report"));
            String root = fileName(outcome) + "/";
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(folder)) {
                List<Path> sorted = files.filter(Files::isRegularFile).sorted().toList();
                for (Path file : sorted) {
                    zip.putNextEntry(new ZipEntry(root + folder.relativize(file).toString().replace('\\', '/')));
                    Files.copy(file, zip);
                    zip.closeEntry();
                }
            }
            return bytes.toByteArray();
        } finally {
            deleteTree(temp);
        }
    }

    /** {@code segmentlab-<scenario>-seed<seed>}: says what is inside. */
    static String fileName(RunJob.Outcome outcome) {
        return "segmentlab-" + ReportChart.slug(outcome.scenario().name()) + "-seed" + outcome.scenario().seed();
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // A temporary folder left behind is harmless; the download itself succeeded.
        }
    }
}
