package org.segmentlab.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The files derived from the declarations ({@code TreatmentParameter}, {@link EventType}, {@link EventParameter}) are
 * in step with them: the JSON Schema's declared definitions ({@link ScenarioSchemaGenerator}) and the tables of
 * docs/segments.md ({@link DeclarationTables}). Run with
 * {@code -Dsegmentlab.regenerate=true} (docs/regenerate-declarations.sh) the test rewrites them instead.
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
        assertThat(shipped).as("%s is out of step with the declarations (TreatmentParameter, EventType, EventParameter); "
                + "run %s, then rebuild (the classpath copy is made at build time)", ScenarioSchemaGenerator.SHIPPED, REGENERATE)
                .isEqualTo(generated);
    }

    @Test
    void theDocsTablesAreWhatTheDeclarationsSay() throws IOException {
        Path file = ROOT.resolve("docs").resolve("segments.md");
        List<String> page = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> updated = new ArrayList<>(page);
        for (String name : DeclarationTables.names()) {
            String begin = "<!-- declared:" + name + ":begin -->";
            String end = "<!-- declared:" + name + ":end -->";
            int b = updated.indexOf(begin);
            int e = updated.indexOf(end);
            assertThat(b).as("docs/segments.md has a line %s", begin).isNotNegative();
            assertThat(e).as("docs/segments.md has a line %s after it", end).isGreaterThan(b);
            List<String> rest = new ArrayList<>(updated.subList(e, updated.size()));
            updated = new ArrayList<>(updated.subList(0, b + 1));
            updated.addAll(DeclarationTables.table(name));
            updated.addAll(rest);
        }
        if (Boolean.getBoolean("segmentlab.regenerate")) {
            Files.write(file, updated, StandardCharsets.UTF_8);
            return;
        }
        assertThat(String.join("\n", page)).as("the declared tables of docs/segments.md are out of step with the "
                + "declarations (TreatmentParameter, EventType, EventParameter); run %s", REGENERATE)
                .isEqualTo(String.join("\n", updated));
    }
}
