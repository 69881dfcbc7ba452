package org.segmentlab.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Finding 6 of issue 20: small, hostile and huge inputs to {@code calibrate}, {@code classify} and {@code validate}
 * end with a plain or located message and exit 2, nothing written, never an exception name or a temporary path.
 */
class LogLimitsCommandTest {

    @TempDir
    Path dir;

    private Path log(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static void assertPlain(Run run) {
        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain(".tmp-").doesNotContain("\tat ");
    }

    /** One customer; three who never came back; three who did (a fit that ran off to its bounds); four customers. */
    @ParameterizedTest
    @ValueSource(strings = {
        "00001 1 19970101 1 10.0\n",
        "00001 1 19970101 1 10.0\n00002 1 19970102 1 10.0\n00003 1 19970103 1 5\n",
        "00001 1 19970101 1 10\n00001 1 19970201 1 10\n00002 1 19970102 1 10\n00002 1 19970302 1 10\n"
                + "00003 1 19970103 1 5\n00003 1 19970203 1 5\n",
        "00001 1 19970101 1 10\n00001 1 19970201 1 10\n00001 1 19970301 1 10\n00002 1 19970102 1 10\n"
                + "00002 1 19970302 1 10\n00003 1 19970103 1 5\n00003 1 19970203 1 5\n00003 1 19970303 1 5\n"
                + "00004 1 19970103 1 5\n",
    })
    void aLogTooSmallToFitSaysWhatTheFitNeeds(String text) throws IOException {
        Path log = log("small.txt", text);
        Path out = dir.resolve("out");
        Run run = Run.of("calibrate", log.toString(), "--calibration-end", "1997-12-31", "--out", out.toString());
        assertPlain(run);
        assertThat(run.err()).contains("small.txt is too small to calibrate on: the models need at least 10 customers"
                + " who bought again by --calibration-end 1997-12-31");
        assertThat(out).doesNotExist();
    }

    /**
     * Twelve customers who all bought twice, a month apart: enough repeat customers, but the fits run off to their
     * bounds. The refusal used to name the unpublished temporary scenario.yaml; now it speaks of the log.
     */
    @Test
    void fitsThatRunOffToTheirBoundsAreRefusedInTermsOfTheLog() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int c = 1; c <= 12; c++) {
            text.append(String.format("%05d 1 19970101 1 10%n%05d 1 19970201 1 10%n", c, c));
        }
        Path log = log("uniform.txt", text.toString());
        Path out = dir.resolve("out");
        Run run = Run.of("calibrate", log.toString(), "--calibration-end", "1997-09-30", "--out", out.toString());
        assertPlain(run);
        assertThat(run.err()).contains("LOG: the models fitted to " + log + " reach values a scenario cannot hold")
                .contains("the log has too little data for a stable fit: 12 of 12 customers bought again")
                .contains("Nothing was written");
        assertThat(out).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("uniform.txt");
        }
    }

    @Test
    void aCalibrationEndBeforeEveryRepeatSaysWhatTheFitNeeds() throws IOException {
        Run run = Run.of("calibrate", TestFiles.excerpt(dir, "excerpt.txt").toString(), "--calibration-end", "1997-01-01",
                "--out", dir.resolve("out").toString());
        assertPlain(run);
        assertThat(run.err()).contains("and it has 0 (of ");
    }

    /** Two 1e308 amounts of one customer used to sum to Infinity and crash with NumberFormatException. */
    @Test
    void hugeAmountsAreLocatedInCalibrateAndClassify() throws IOException {
        Path log = log("big.txt", "00001 1 19970101 1 1e308\n00001 1 19970101 1 1e308\n00002 1 19970102 1 10.0\n");
        Run calibrate = Run.of("calibrate", log.toString(), "--calibration-end", "1997-06-30",
                "--out", dir.resolve("out").toString());
        assertPlain(calibrate);
        assertThat(calibrate.err()).isEqualTo(log + ":1:20: amount: must be at most 1e12, got 1e308" + System.lineSeparator());
        Run classify = Run.of("classify", log.toString(), "--out", dir.resolve("s.csv").toString());
        assertPlain(classify);
        assertThat(classify.err()).isEqualTo(log + ":1:20: amount: must be at most 1e12, got 1e308" + System.lineSeparator());
        assertThat(dir.resolve("out")).doesNotExist();
        assertThat(dir.resolve("s.csv")).doesNotExist();
    }

    /** A typo'd year made a 1000-year scenario; the refusal pointed at a deleted temporary scenario.yaml. */
    @Test
    void aDateFarInTheFutureIsLocatedInTheUsersFile() throws IOException {
        Path log = TestFiles.excerpt(dir, "orders.txt");
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        lines.add(" 00004 0001 29970101  1   10.00");
        Files.write(log, lines);
        Path out = dir.resolve("out");
        Run run = Run.of("calibrate", log.toString(), "--calibration-end", "1997-09-30", "--out", out.toString());
        assertPlain(run);
        assertThat(run.err()).startsWith(log + ":" + lines.size() + ":13: date: 2997-01-01 is 11991 months after"
                + " --calibration-end 1997-09-30; the holdout may span at most 1200 months");
        assertThat(out).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("orders.txt");
        }
    }

    @Test
    void aFieldOverTheLimitIsLocated() throws IOException {
        Path log = log("orders.csv", "customer,date,amount\na,1997-01-01,\"" + "9".repeat(5000) + "\"\n");
        Run run = Run.of("calibrate", log.toString(), "--calibration-end", "1997-06-30", "--out", dir.resolve("out").toString());
        assertPlain(run);
        assertThat(run.err()).isEqualTo(log + ":2:4111: field 3 is longer than 4096 characters; a field may have at"
                + " most 4096" + System.lineSeparator());
    }

    @Test
    void devicesAreReadNoFurtherThanTheirLimit() {
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(zero), "no /dev/zero here");
        Run validate = Run.of("validate", zero.toString());
        assertPlain(validate);
        assertThat(validate.err()).contains("/dev/zero").contains("the file is larger than 8 MiB");
        Run calibrate = Run.of("calibrate", zero.toString(), "--calibration-end", "1997-06-30",
                "--out", dir.resolve("out").toString());
        assertPlain(calibrate);
        assertThat(calibrate.err()).contains("/dev/zero:1:1: a NUL character: this is binary data");
    }
}
