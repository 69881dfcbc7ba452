package org.segmentlab.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The files derived from the declarations ({@code TreatmentParameter}, {@link EventType}, {@link EventParameter},
 * {@link Trait}) are in step with them: the JSON Schema's declared definitions ({@link ScenarioSchemaGenerator}) and
 * the tables of docs/segments.md and docs/model.md ({@link DeclarationTables}). Run with
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
        assertThat(shipped).as("%s is out of step with the declarations (TreatmentParameter, EventType, EventParameter, Trait); "
                + "run %s, then rebuild (the classpath copy is made at build time)", ScenarioSchemaGenerator.SHIPPED, REGENERATE)
                .isEqualTo(generated);
    }

    @Test
    void theDocsTablesAreWhatTheDeclarationsSay() throws IOException {
        Set<String> pages = new LinkedHashSet<>();
        DeclarationTables.names().forEach(name -> pages.add(DeclarationTables.page(name)));
        for (String page : pages) {
            checkTables(page);
        }
    }

    private static void checkTables(String pageName) throws IOException {
        Path file = ROOT.resolve(pageName);
        List<String> page = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> updated = new ArrayList<>(page);
        for (String name : DeclarationTables.names()) {
            if (!DeclarationTables.page(name).equals(pageName)) {
                continue;
            }
            String begin = "<!-- declared:" + name + ":begin -->";
            String end = "<!-- declared:" + name + ":end -->";
            int b = updated.indexOf(begin);
            int e = updated.indexOf(end);
            assertThat(b).as("%s has a line %s", pageName, begin).isNotNegative();
            assertThat(e).as("%s has a line %s after it", pageName, end).isGreaterThan(b);
            List<String> rest = new ArrayList<>(updated.subList(e, updated.size()));
            updated = new ArrayList<>(updated.subList(0, b + 1));
            updated.addAll(DeclarationTables.table(name));
            updated.addAll(rest);
        }
        if (Boolean.getBoolean("segmentlab.regenerate")) {
            Files.write(file, updated, StandardCharsets.UTF_8);
            return;
        }
        assertThat(String.join("\n", page)).as("the declared tables of %s are out of step with the declarations "
                + "(TreatmentParameter, EventType, EventParameter, Trait); run %s", pageName, REGENERATE)
                .isEqualTo(String.join("\n", updated));
    }
}
