package org.segmentlab.reports.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.reports.SyntheticRun;
import org.segmentlab.reports.chart.ReportCharts;
import org.segmentlab.simulator.metrics.RunResult;

/**
 * Every chart the report writes says where it came from: scenario, seed, replications, version and, for a
 * modified run, every override; summary.json carries the same source.
 */
class SourceLineReportTest {
    private static final RunResult RUN = SyntheticRun.of(3, 2, 6, 7);
    private static final Pattern TEXT = Pattern.compile("<text[^>]*style=['\"]([^'\"]*)['\"][^>]*>([^<]*)</text>");

    @TempDir
    Path dir;

    private Path write(List<String> overrides) throws IOException {
        return ReportWriter.write(new ReportInput(RUN, "desc", "name: synthetic\n", "0.1.0-TEST", overrides), dir.resolve("report"));
    }

    private static List<Path> svgs(Path report) throws IOException {
        try (Stream<Path> files = Files.list(report.resolve(ReportWriter.CHARTS))) {
            return files.filter(p -> p.toString().endsWith(".svg")).sorted().toList();
        }
    }

    /** Each SVG text element's style and text. */
    private static List<String[]> texts(String svg) {
        List<String[]> out = new ArrayList<>();
        Matcher m = TEXT.matcher(svg);
        while (m.find()) {
            out.add(new String[] {m.group(1), m.group(2)});
        }
        return out;
    }

    @Test
    void everyChartOfAModifiedRunNamesItsSourceAndOverrides() throws IOException {
        Path report = write(List.of("market.imitation=0.3", "months=6"));
        List<Path> svgs = svgs(report);
        assertThat(svgs).hasSize(ReportCharts.all(RUN).size());
        for (Path svg : svgs) {
            String text = Files.readString(svg);
            assertThat(text).as(svg.getFileName().toString())
                    .contains("Source: SegmentLab 0.1.0-TEST", "Four types — synthetic", "(seed 7, 2 replications)",
                            "modified: market.imitation=0.3, months=6");
        }
        JsonNode source = new ObjectMapper().readTree(report.resolve(ReportWriter.JSON).toFile()).get("source");
        assertThat(source.get("scenario").asText()).isEqualTo("Four types — synthetic");
        assertThat(source.get("seed").asLong()).isEqualTo(7);
        assertThat(source.get("replications").asInt()).isEqualTo(2);
        assertThat(source.get("version").asText()).isEqualTo("0.1.0-TEST");
        assertThat(source.get("modified").asBoolean()).isTrue();
        assertThat(source.get("overrides")).extracting(JsonNode::asText).containsExactly("market.imitation=0.3", "months=6");
    }

    @Test
    void aRunAsWrittenSaysWhereItCameFromAndNothingAboutModified() throws IOException {
        Path report = write(List.of());
        for (Path svg : svgs(report)) {
            String text = Files.readString(svg);
            assertThat(text).as(svg.getFileName().toString())
                    .contains("Source: SegmentLab 0.1.0-TEST · Four types — synthetic (seed 7, 2 replications)")
                    .doesNotContain("modified");
        }
        JsonNode source = new ObjectMapper().readTree(report.resolve(ReportWriter.JSON).toFile()).get("source");
        assertThat(source.get("modified").asBoolean()).isFalse();
        assertThat(source.get("overrides")).isEmpty();
        assertThat(Files.readString(report.resolve(ReportWriter.HTML))).doesNotContain("modified:");
    }

    @Test
    void aLongListOfOverridesWrapsOverSeveralLegibleLinesAndKeepsEveryOverride() throws IOException {
        List<String> overrides = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            overrides.add("archetypes[" + (i % 4) + "].treatments.price-campaign.discount=0." + (10 + i));
        }
        Path report = write(overrides);
        String svg = Files.readString(report.resolve(ReportWriter.CHARTS).resolve("profit.svg"));
        List<String[]> sourceTexts = texts(svg).stream()
                .filter(t -> t[1].contains("archetypes[") || t[1].startsWith("Source:"))
                .toList();
        // wrapped: several lines, none holding the whole list (which would run off the 800 px canvas), and never
        // inside an override, so each reads (and can be copied) whole
        assertThat(sourceTexts).hasSizeGreaterThan(1);
        for (String override : overrides) {
            assertThat(sourceTexts).as(override).anyMatch(t -> t[1].contains(override));
        }
        for (String[] t : sourceTexts) {
            Matcher size = Pattern.compile("font-size: ?([0-9.]+)px").matcher(t[0]);
            assertThat(size.find()).as(t[0]).isTrue();
            assertThat(Double.parseDouble(size.group(1))).as("source line font size").isGreaterThanOrEqualTo(10);
        }
    }
}
