package org.segmentlab.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class ShippedScenariosTest {

    private final ShippedScenarios shipped = ShippedScenarios.load();

    /** scenarios.list is kept by hand: it must name exactly the files in scenarios/. */
    @Test
    void theListNamesEveryShippedScenarioFile() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("..", "scenarios"))) {
            assertThat(shipped.names()).containsExactlyInAnyOrderElementsOf(files
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length()))
                    .toList());
        }
    }

    @Test
    void eachHasItsTitleAndTheBundledTextIsTheFile() throws IOException {
        assertThat(shipped.names()).contains(ShippedScenarios.DEFAULT);
        assertThat(shipped.title("four-types")).isEqualTo("Four types — baseline vs textbook");
        assertThat(shipped.yaml("four-types")).contains(Files.readString(Path.of("..", "scenarios", "four-types.yaml")));
    }

    @Test
    void namesOffTheListAreNotFound() {
        assertThat(shipped.yaml("../pom")).isEmpty();
        assertThat(shipped.yaml("four-types.yaml")).isEmpty();
        assertThat(shipped.yaml("schema/scenario.schema")).isEmpty();
        assertThat(shipped.yaml(null)).isEmpty();
    }
}
