package org.segmentlab.reports.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.reports.SyntheticRun;
import org.segmentlab.reports.chart.ReportCharts;
import org.segmentlab.simulator.metrics.RunResult;

class ReportWriterTest {
    @TempDir
    Path dir;

    private static ReportInput input(long seed) {
        RunResult run = SyntheticRun.of(2, 2, 6, seed);
        return new ReportInput(run, "A small synthetic market.", "name: synthetic\nseed: " + seed + "\n", "0.1.0-TEST");
    }

    private List<String> siblings() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesEveryFile() throws IOException {
        ReportInput in = input(1);
        List<String> progress = new ArrayList<>();
        Path out = ReportWriter.write(in, dir.resolve("report"), (done, total, file) -> progress.add(done + "/" + total + " " + file));
        assertThat(out).isEqualTo(dir.resolve("report").toAbsolutePath());
        int charts = ReportCharts.all(in.result()).size();
        assertThat(out.resolve("report.html")).isRegularFile();
        assertThat(out.resolve("summary.json")).isRegularFile();
        assertThat(Files.readString(out.resolve("scenario.resolved.yaml"))).isEqualTo(in.resolvedScenarioYaml());
        try (Reader reader = Files.newBufferedReader(out.resolve("metrics.csv"))) {
            assertThat(MetricsCsv.read(reader)).isEqualTo(in.result().metrics());
        }
        try (Stream<Path> files = Files.list(out.resolve("charts"))) {
            assertThat(files.count()).isEqualTo(2L * charts);
        }
        assertThat(ImageIO.read(out.resolve("charts/retention.png").toFile()).getWidth()).isEqualTo(1600);
        assertThat(new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("seed").asLong()).isEqualTo(1);
        assertThat(Files.readAllLines(out.resolve("bridge.csv")).get(0)).isEqualTo("strategy,component,mean,low,high");
        assertThat(progress).hasSize(4 + 2 * charts + 1);
        org.segmentlab.reports.html.HtmlReportTest.assertSelfContained(Files.readString(out.resolve("report.html")));
        assertThat(progress.get(progress.size() - 1)).isEqualTo((5 + 2 * charts) + "/" + (5 + 2 * charts) + " report.html");
        assertThat(siblings()).containsExactly("report");
    }

    @Test
    void replacesAnEarlierReport() throws IOException {
        Path target = dir.resolve("out");
        ReportWriter.write(input(1), target);
        ReportWriter.write(input(2), target);
        assertThat(Files.readString(target.resolve("scenario.resolved.yaml"))).contains("seed: 2");
        assertThat(Files.readString(target.resolve(OutputMarker.FILE))).contains("kind=report", "version=0.1.0-TEST",
                "file=report.html", "file=charts/retention.png");
        assertThat(siblings()).containsExactly("out");
    }

    @Test
    void aFileAddedToAReportIsKeptAndTheReportNotReplaced() throws IOException {
        Path target = dir.resolve("out");
        ReportWriter.write(input(1), target);
        Files.writeString(target.resolve("notes.txt"), "mine");
        OutputFolderException e = assertThrows(OutputFolderException.class, () -> ReportWriter.write(input(2), target));
        assertThat(e).hasMessageContaining("notes.txt");
        assertThat(target.resolve("notes.txt")).hasContent("mine");
        assertThat(Files.readString(target.resolve("scenario.resolved.yaml"))).contains("seed: 1");
        assertThat(siblings()).containsExactly("out");
    }

    @Test
    void aFailureMidWriteLeavesNoTargetFolder() {
        Path target = dir.resolve("out");
        RuntimeException boom = assertThrows(RuntimeException.class, () -> ReportWriter.write(input(1), target, failAt(7)));
        assertThat(boom).hasMessage("injected failure");
        assertThat(target).doesNotExist();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aFailureMidWriteLeavesAnEarlierReportIntact() throws IOException {
        Path target = dir.resolve("out");
        ReportWriter.write(input(1), target);
        String html = Files.readString(target.resolve("report.html"));
        byte[] png = Files.readAllBytes(target.resolve("charts/retention.png"));
        assertThrows(RuntimeException.class, () -> ReportWriter.write(input(2), target, failAt(9)));
        assertThat(Files.readString(target.resolve("report.html"))).isEqualTo(html);
        assertThat(Files.readAllBytes(target.resolve("charts/retention.png"))).isEqualTo(png);
        assertThat(Files.readString(target.resolve("scenario.resolved.yaml"))).contains("seed: 1");
        assertThat(siblings()).containsExactly("out");
    }

    @Test
    void anInterruptStopsBetweenChartsAndLeavesNothing() throws IOException {
        Path target = dir.resolve("out");
        ReportWriter.write(input(1), target);
        String before = Files.readString(target.resolve("summary.json"));
        try {
            assertThrows(InterruptedIOException.class, () -> ReportWriter.write(input(2), target, (done, total, file) -> {
                if (done == 5) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(Thread.currentThread().isInterrupted()).as("the interrupt flag stays set").isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(Files.readString(target.resolve("summary.json"))).isEqualTo(before);
        assertThat(siblings()).containsExactly("out");
    }

    @Test
    void refusesToReplaceAFolderThatIsNotAReport() throws IOException {
        Path target = Files.createDirectory(dir.resolve("documents"));
        Files.writeString(target.resolve("thesis.txt"), "precious");
        IOException e = assertThrows(OutputFolderException.class, () -> ReportWriter.write(input(1), target));
        assertThat(e).hasMessageContaining("never replaces");
        assertThat(Files.readString(target.resolve("thesis.txt"))).isEqualTo("precious");
        assertThat(siblings()).containsExactly("documents");
    }

    @Test
    void writesIntoAnEmptyExistingFolderAndCreatesParents() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        ReportWriter.write(input(1), empty);
        assertThat(empty.resolve("report.html")).isRegularFile();
        Path nested = dir.resolve("a/b/c");
        ReportWriter.write(input(1), nested);
        assertThat(nested.resolve("metrics.csv")).isRegularFile();
    }

    @Test
    void sameInputGivesIdenticalFiles() throws IOException {
        ReportWriter.write(input(3), dir.resolve("one"));
        ReportWriter.write(input(3), dir.resolve("two"));
        for (String file : List.of("report.html", "metrics.csv", "summary.json", "charts/differences.svg", "charts/lorenz.png")) {
            assertThat(Files.readAllBytes(dir.resolve("two").resolve(file))).as(file).isEqualTo(Files.readAllBytes(dir.resolve("one").resolve(file)));
        }
    }

    private static ReportProgress failAt(int step) {
        return (done, total, file) -> {
            if (done == step) {
                throw new RuntimeException("injected failure");
            }
        };
    }
}
