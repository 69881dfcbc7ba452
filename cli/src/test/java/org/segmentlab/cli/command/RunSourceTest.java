package org.segmentlab.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run with {@code --set} does not look like the shipped scenario: report.html, every chart and summary.json
 * name each override it was run with.
 */
class RunSourceTest {
    private static final Path FOUR_TYPES = Path.of("..", "scenarios", "four-types.yaml");

    @Test
    void aRunWithSetNamesItsOverridesInTheReportTheChartsAndTheSummary(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("report");
        Run r = Run.of("run", FOUR_TYPES.toString(), "--out", out.toString(), "--quiet", "--threads", "2",
                "--set", "market.initialCustomers=2000", "--set", "market.potential=20000", "--months", "12",
                "--set", "market.imitation=0.3");
        assertThat(r.exit()).as(r.err()).isZero();

        assertThat(Files.readString(out.resolve("report.html"))).contains("market.imitation=0.3");
        try (Stream<Path> files = Files.list(out.resolve("charts"))) {
            List<Path> svgs = files.filter(p -> p.toString().endsWith(".svg")).toList();
            assertThat(svgs).isNotEmpty();
            for (Path svg : svgs) {
                assertThat(Files.readString(svg)).as(svg.getFileName().toString())
                        .contains("Four types", "(seed 42, ", "market.imitation=0.3", "market.initialCustomers=2000", "months=12");
            }
        }
        JsonNode source = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("source");
        assertThat(source.get("modified").asBoolean()).isTrue();
        assertThat(source.get("overrides")).extracting(JsonNode::asText)
                .containsExactly("market.initialCustomers=2000", "market.potential=20000", "market.imitation=0.3", "months=12");
        assertThat(source.get("line").asText()).contains("modified: ").contains("market.imitation=0.3");
    }

    @Test
    void sweepAndSensitivityChartsNameTheirScenarioAndOverrides(@TempDir Path dir) throws Exception {
        List<String> common = List.of(FOUR_TYPES.toString(), "--set", "market.initialCustomers=1000", "--set", "market.potential=10000",
                "--set", "behaviour.featureWindow=2", "--set", "thresholds.loyal.frequency.min=2", "--set", "events[0].month=2",
                "--months", "2", "--threads", "2");
        List<String> sweep = new java.util.ArrayList<>(List.of("sweep"));
        sweep.addAll(common);
        sweep.addAll(List.of("--vary", "market.imitation=0.1,0.3", "--quiet", "--out", dir.resolve("sweep").toString()));
        Run s = Run.of(sweep.toArray(String[]::new));
        assertThat(s.exit()).as(s.err()).isZero();
        assertThat(Files.readString(dir.resolve("sweep").resolve("charts").resolve("sweep-market-imitation.svg")))
                .contains("Source: SegmentLab", "Four types", "(seed 42, ", "modified: market.initialCustomers=1000", "months=2");

        List<String> sensitivity = new java.util.ArrayList<>(List.of("sensitivity"));
        sensitivity.addAll(common);
        sensitivity.addAll(List.of("--threshold", "loyal.frequency.min", "--range", "0.5", "--steps", "1", "--quiet",
                "--out", dir.resolve("sens").toString()));
        Run t = Run.of(sensitivity.toArray(String[]::new));
        assertThat(t.exit()).as(t.err()).isZero();
        assertThat(Files.readString(dir.resolve("sens").resolve("charts").resolve("tornado-retention-initial.svg")))
                .contains("Source: SegmentLab", "Four types", "(seed 42, ", "thresholds.loyal.frequency.min=2");
    }
}
