package org.segmentlab.reports.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationReportWriterTest {

    /** Writes the CDNOW-like report where a person can open it: reports/target/calibration-preview/. */
    @Test
    void writesEveryFileOfTheReport() throws IOException {
        Path dir = Path.of("target", "calibration-preview");
        deleteTree(dir);
        Files.createDirectories(dir);
        List<Path> written = CalibrationReportWriter.write(CalibrationFixtures.cdnow(), dir);
        assertThat(written).contains(Path.of("calibration.html"), Path.of("parameters.json"), Path.of("parameters.csv"));
        for (String id : List.of("repeat-purchases", "tracking-cumulative", "tracking-incremental", "conditional-expectations", "survival", "spend")) {
            assertThat(dir.resolve("charts").resolve(id + ".png")).isNotEmptyFile();
            assertThat(dir.resolve("charts").resolve(id + ".svg")).isNotEmptyFile();
            assertThat(written).contains(Path.of("charts", id + ".png"), Path.of("charts", id + ".svg"));
        }
        for (Path file : written) {
            assertThat(dir.resolve(file)).isNotEmptyFile();
        }
        assertThat(written).hasSize(3 + 2 * 6);
    }

    @Test
    void leavesOutChartsWithoutData(@TempDir Path dir) throws IOException {
        List<Path> written = CalibrationReportWriter.write(CalibrationFixtures.minimal(), dir);
        try (Stream<Path> charts = Files.list(dir.resolve("charts"))) {
            assertThat(charts.map(p -> p.getFileName().toString()).sorted()).containsExactly("repeat-purchases.png", "repeat-purchases.svg");
        }
        assertThat(written).hasSize(5);
    }

    @Test
    void refusesAMissingFolder(@TempDir Path dir) {
        assertThatThrownBy(() -> CalibrationReportWriter.write(CalibrationFixtures.minimal(), dir.resolve("absent")))
                .isInstanceOf(IOException.class).hasMessageContaining("not an existing folder");
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
