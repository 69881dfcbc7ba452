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
}
