package org.segmentlab.reports.deck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.reports.chart.ReportChart;
import org.segmentlab.reports.chart.ReportCharts;
import org.segmentlab.reports.output.ReportInput;

/**
 * The deck opens in LibreOffice Impress: converted headless to PDF it gives one 16:9 page per slide. Needs Debian's
 * {@code libreoffice-impress} ({@code soffice}) and {@code poppler-utils} ({@code pdfinfo}); skipped locally with a
 * message without them, failed in CI (CI=true), where {@code .ci/run} installs them.
 */
class DeckConversionTest {
    /** A cold start of soffice took 18 s on the 2-core box; four times that and then some. */
    private static final long TIMEOUT_SECONDS = 300;

    @TempDir
    Path dir;

    @Test
    void convertsToAPdfWithOnePagePerSlide() throws Exception {
        requireInstalled();
        ReportInput input = DeckWriterTest.input(List.of("market.imitation=0.3"));
        List<ReportChart> charts = ReportCharts.all(input.result());
        Path deck = dir.resolve("deck.pptx");
        DeckWriter.write(input, charts, deck);

        // a profile of its own: a user's running LibreOffice (or another test) must not take the conversion over
        Path profile = Files.createDirectories(dir.resolve("profile"));
        Path pdfDir = Files.createDirectories(dir.resolve("pdf"));
        String log = run(List.of("soffice", "-env:UserInstallation=" + profile.toUri(), "--headless", "--norestore",
                "--convert-to", "pdf", "--outdir", pdfDir.toString(), deck.toString()));
        Path pdf = pdfDir.resolve("deck.pdf");
        assertThat(pdf).as("soffice said: " + log).isRegularFile();

        String info = run(List.of("pdfinfo", pdf.toString()));
        assertThat(number(info, "Pages:\\s+(\\d+)")).as(info).isEqualTo(charts.size() + 2);
        Matcher size = Pattern.compile("Page size:\\s+([\\d.]+) x ([\\d.]+) pts").matcher(info);
        assertThat(size.find()).as(info).isTrue();
        assertThat(Double.parseDouble(size.group(1)) / Double.parseDouble(size.group(2))).isCloseTo(16.0 / 9,
                org.assertj.core.data.Offset.offset(0.01));
    }

    /** Runs a command to its end, failing on a non-zero exit or a hang; returns what it printed. */
    private String run(List<String> command) throws IOException, InterruptedException {
        Path output = Files.createTempFile(dir, "out", ".txt");
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command.get(0) + " did not finish in " + TIMEOUT_SECONDS + " s");
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(command + " printed: " + printed).isZero();
        return printed;
    }

    private static int number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static void requireInstalled() {
        boolean installed = onPath("soffice") && onPath("pdfinfo");
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("soffice or pdfinfo is missing in CI; .ci/run installs libreoffice-impress and poppler-utils");
        }
        Assumptions.assumeTrue(installed, "deck conversion test skipped: soffice or pdfinfo is missing"
                + " (apt-get install libreoffice-impress poppler-utils)");
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String folder : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return false;
    }
}
