package org.segmentlab.reports.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every calibration chart says where it came from: the SegmentLab version, the log and the calibration period. */
class CalibrationSourceLineTest {

    @Test
    void everyCalibrationChartNamesTheVersionTheLogAndTheCalibrationPeriod(@TempDir Path dir) throws IOException {
        CalibrationReportWriter.write(CalibrationFixtures.cdnow(), dir);
        try (Stream<Path> files = Files.list(dir.resolve(CalibrationReportWriter.CHARTS))) {
            List<Path> svgs = files.filter(p -> p.toString().endsWith(".svg")).toList();
            assertThat(svgs).hasSize(6);
            for (Path svg : svgs) {
                assertThat(Files.readString(svg)).as(svg.getFileName().toString())
                        .contains("Source: SegmentLab 0.1.0-TEST · cdnow_sample.csv, calibration period to 1997-09-30");
            }
        }
    }
}
