package org.segmentlab.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.segmentlab.simulator.metrics.MetricDocs;

/**
 * The files derived from the declarations ({@code TreatmentParameter}, {@link EventType}, {@link EventParameter},
 * {@link Trait}, {@link MarketParameter}, {@link BehaviourParameter}, {@code Metric}) are in step with them: the JSON Schema's declared definitions
 * ({@link ScenarioSchemaGenerator}) and the declared tables of docs/segments.md and docs/model.md
 * ({@link DeclarationTables}, {@link MetricDocs}). Run with {@code -Dsegmentlab.regenerate=true}
 * (docs/regenerate-declarations.sh) the test rewrites them instead.
 */
class GeneratedFromDeclarationsTest {

    static final Path ROOT = Path.of("..");
    static final String REGENERATE = "docs/regenerate-declarations.sh";

    @Test
    void theShippedSchemaIsWhatTheGeneratorWrites() throws IOException {
        Path file = ROOT.resolve(ScenarioSchemaGenerator.SHIPPED);
        String shipped = Files.readString(file, StandardCharsets.UTF_8);
        String generated = ScenarioSchemaGenerator.generate(shipped);
        if (Boolean.getBoolean("segmentlab.regenerate")) {
            Files.writeString(file, generated, StandardCharsets.UTF_8);
            return;
        }
        assertThat(shipped).as("%s is out of step with the declarations (TreatmentParameter, EventType, EventParameter, "
                + "Trait, MarketParameter, BehaviourParameter); run %s, then rebuild (the classpath copy is made at build time)",
                ScenarioSchemaGenerator.SHIPPED, REGENERATE)
                .isEqualTo(generated);
    }

    /** Each page → its declared tables, by name (the markers' NAME). */
    static Map<String, Map<String, List<String>>> tables() {
        Map<String, Map<String, List<String>>> pages = new LinkedHashMap<>();
        for (String name : DeclarationTables.names()) {
            pages.computeIfAbsent(DeclarationTables.page(name), p -> new LinkedHashMap<>()).put(name, DeclarationTables.table(name));
        }
        pages.computeIfAbsent(MetricDocs.PAGE, p -> new LinkedHashMap<>()).put(MetricDocs.TABLE, MetricDocs.table());
        return pages;
    }

    static List<String> pages() {
        return new ArrayList<>(tables().keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void theDocsTablesAreWhatTheDeclarationsSay(String name) throws IOException {
        Path file = ROOT.resolve(name);
        List<String> page = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> updated = new ArrayList<>(page);
        for (Map.Entry<String, List<String>> table : tables().get(name).entrySet()) {
            String begin = "<!-- declared:" + table.getKey() + ":begin -->";
            String end = "<!-- declared:" + table.getKey() + ":end -->";
            int b = updated.indexOf(begin);
            int e = updated.indexOf(end);
            assertThat(b).as("%s has a line %s", name, begin).isNotNegative();
            assertThat(e).as("%s has a line %s after it", name, end).isGreaterThan(b);
            List<String> rest = new ArrayList<>(updated.subList(e, updated.size()));
            updated = new ArrayList<>(updated.subList(0, b + 1));
            updated.addAll(table.getValue());
            updated.addAll(rest);
        }
        if (Boolean.getBoolean("segmentlab.regenerate")) {
            Files.write(file, updated, StandardCharsets.UTF_8);
            return;
        }
        assertThat(String.join("\n", page)).as("the declared tables of %s are out of step with the declarations "
                + "(TreatmentParameter, EventType, EventParameter, Trait, MarketParameter, BehaviourParameter, Metric); run %s", name, REGENERATE)
                .isEqualTo(String.join("\n", updated));
    }
}
