package org.segmentlab.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.segmentlab.model.feature.Feature;
import org.segmentlab.model.segment.BuiltInTaxonomies;
import org.segmentlab.model.segment.Taxonomy;
import org.segmentlab.model.treatment.BuiltInTreatments;
import org.segmentlab.model.treatment.Treatment;
import org.segmentlab.model.treatment.TreatmentParameter;

/**
 * {@code docs/segments.md} states every default a user relies on: the built-in thresholds, the feature units
 * and the built-in treatments. This test fails when the code and that page disagree, so a changed default
 * cannot leave the documentation behind.
 */
class DocsSegmentsTest {

    /** A table row whose first cell is a code span: {@code | `key` | second | …}. */
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| ([^|]*) \\|", Pattern.MULTILINE);
    /** A segment row of a taxonomy's rule table: {@code | 2 | `loyal` | …}. */
    private static final Pattern SEGMENT_ROW = Pattern.compile("^\\| \\d+ \\| `([^`]+)` \\|", Pattern.MULTILINE);
    private static final Pattern PARAMETER = Pattern.compile("(\\w+) = (-?[0-9.]+)");

    private static String page;
    private static Map<String, String> rows;

    @BeforeAll
    static void read() throws IOException {
        // Surefire runs in the module folder; an IDE may run from the project root.
        Path fromModule = Path.of("..", "docs", "segments.md");
        Path path = Files.exists(fromModule) ? fromModule : Path.of("docs", "segments.md");
        page = Files.readString(path, StandardCharsets.UTF_8);
        rows = new LinkedHashMap<>();
        Matcher m = ROW.matcher(page);
        while (m.find()) {
            rows.putIfAbsent(m.group(1), m.group(2).trim());
        }
    }

    @Test
    void everyBuiltInThresholdIsDocumentedWithItsDefault() {
        List<String> documented = new ArrayList<>();
        for (String name : BuiltInTaxonomies.names()) {
            Taxonomy taxonomy = BuiltInTaxonomies.byName(name).orElseThrow();
            for (String path : taxonomy.thresholdPaths()) {
                assertThat(rows).as("docs/segments.md row for %s", path).containsKey(path);
                assertThat(Float.parseFloat(rows.get(path))).as(path).isEqualTo(taxonomy.threshold(path).orElseThrow());
                documented.add(path);
            }
        }
        // and no documented threshold that the code does not have
        rows.keySet().stream().filter(k -> k.chars().filter(c -> c == '.').count() == 2)
                .forEach(k -> assertThat(documented).as("documented path %s exists", k).contains(k));
    }

    @Test
    void everyBuiltInTaxonomyListsItsSegmentsInPriorityOrder() {
        for (String name : BuiltInTaxonomies.names()) {
            int start = page.indexOf("### `" + name + "`");
            assertThat(start).as("a section for %s", name).isNotNegative();
            int end = page.indexOf("\n## ", start);
            int next = page.indexOf("\n### ", start + 1);
            String section = page.substring(start, next > 0 && next < end ? next : end);
            List<String> segments = new ArrayList<>();
            Matcher m = SEGMENT_ROW.matcher(section);
            while (m.find()) {
                segments.add(m.group(1));
            }
            assertThat(segments).as(name).isEqualTo(BuiltInTaxonomies.byName(name).orElseThrow().segmentNames());
        }
    }

    @Test
    void everyFeatureIsDocumentedWithItsUnit() {
        for (Feature f : Feature.all()) {
            assertThat(rows).as("docs/segments.md row for %s", f.key()).containsEntry(f.key(), f.unit());
        }
    }

    @Test
    void everyBuiltInTreatmentIsDocumentedWithExactlyItsNonNeutralParameters() {
        for (Map.Entry<String, Treatment> e : BuiltInTreatments.all().entrySet()) {
            assertThat(rows).as("docs/segments.md row for %s", e.getKey()).containsKey(e.getKey());
            Map<TreatmentParameter, Double> documented = new EnumMap<>(TreatmentParameter.class);
            Matcher m = PARAMETER.matcher(rows.get(e.getKey()));
            while (m.find()) {
                documented.put(TreatmentParameter.byKey(m.group(1)).orElseThrow(
                        () -> new AssertionError("unknown parameter " + m.group(1) + " documented for " + e.getKey())),
                        Double.parseDouble(m.group(2)));
            }
            Map<TreatmentParameter, Double> actual = new EnumMap<>(TreatmentParameter.class);
            e.getValue().parameters().forEach((p, v) -> {
                if (v != p.neutral()) {
                    actual.put(p, v);
                }
            });
            assertThat(documented).as(e.getKey()).isEqualTo(actual);
        }
    }

    @Test
    void everyTreatmentParameterIsDocumented() {
        for (TreatmentParameter p : TreatmentParameter.values()) {
            assertThat(rows).as("docs/segments.md row for %s", p.key()).containsKey(p.key());
        }
    }
}
