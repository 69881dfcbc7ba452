package org.segmentlab.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.segmentlab.model.strategy.ResolvedStrategy;
import org.segmentlab.model.strategy.Strategy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Every shipped scenario and every good test scenario loads, validates against the schema and round-trips. */
class ValidScenariosTest {

    static Stream<Path> validScenarios() {
        return TestScenarios.valid().stream();
    }

    static Stream<Path> shippedScenarios() {
        return TestScenarios.yamlFiles(TestScenarios.SHIPPED).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validScenarios")
    void loads(Path file) throws IOException {
        Scenario s = TestScenarios.load(file);
        // Every archetype and strategy the file lists, in its order, none dropped or merged (validation already
        // refuses a scenario without any, so "not empty" would prove nothing).
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(TestScenarios.read(file));
        assertThat(s.archetypes()).extracting(Archetype::name).containsExactlyElementsOf(names(doc.path("archetypes")));
        assertThat(s.strategies()).extracting(Strategy::name).containsExactlyElementsOf(names(doc.path("strategies")));
        assertThat(s.archetypes().stream().mapToDouble(Archetype::share).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(item -> names.add(item.path("name").asText()));
        return names;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validScenarios")
    void validatesAgainstTheSchema(Path file) {
        assertThat(TestScenarios.schemaErrors(TestScenarios.read(file))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validScenarios")
    void roundTripsThroughTheWriter(Path file) {
        Scenario original = TestScenarios.load(file);
        String yaml = ScenarioWriter.toYaml(original);
        Scenario reloaded = Scenarios.parse(yaml, "resolved " + file).scenario();
        assertThat(reloaded).isEqualTo(original);
        // The resolved form is itself a valid scenario file for editors, and writing it again changes nothing.
        assertThat(TestScenarios.schemaErrors(yaml)).isEmpty();
        assertThat(ScenarioWriter.toYaml(reloaded)).isEqualTo(yaml);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validScenarios")
    void pointsEditorsAtTheSchema(Path file) {
        String first = TestScenarios.read(file).lines().findFirst().orElse("");
        assertThat(first).startsWith("# yaml-language-server: $schema=").endsWith("schema/scenario.schema.json");
        Path schema = file.getParent().resolve(first.substring(first.indexOf('=') + 1)).normalize();
        assertThat(schema).exists();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedScenarios")
    void shippedScenariosUseTheExactHeader(Path file) {
        assertThat(TestScenarios.read(file)).startsWith("# yaml-language-server: $schema=schema/scenario.schema.json\n");
    }

    @Test
    void fourTypesIsTheDesignExampleMadeComplete() {
        Scenario s = TestScenarios.load(TestScenarios.SHIPPED.resolve("four-types.yaml"));
        assertThat(s.months()).isEqualTo(36);
        assertThat(s.market().initialCustomers()).as("the default workshop size").isGreaterThanOrEqualTo(100_000);
        assertThat(s.market().potential()).isEqualTo(10L * s.market().initialCustomers());
        assertThat(s.archetypes()).extracting(Archetype::name)
                .containsExactly("loyal", "fence-sitter", "price-sensitive", "negative");
        assertThat(s.taxonomy().name()).isEqualTo("four-types");
        assertThat(s.truth()).containsEntry("loyal", "loyal").containsEntry("fence-sitter", "fence-sitter")
                .containsEntry("price-sensitive", "price-sensitive").containsEntry("negative", "negative").hasSize(4);
        assertThat(s.strategies()).extracting(Strategy::name).containsExactly("baseline", "textbook");
        assertThat(s.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.REP_DEPARTURE);
            assertThat(e.month()).isEqualTo(12);
            assertThat(e.duration()).isEqualTo(3);
        });
        assertThat(s.treatments().get("price-campaign").discount()).isEqualTo(0.15);
        assertThat(s.treatments().get("price-campaign").cost()).isEqualTo(1.5);
        // Every strategy resolves against the taxonomy: baseline treats nobody, textbook each type as the file says.
        assertThat(treatmentsBySegment(s, 0)).containsOnly(entry("loyal", "none"), entry("fence-sitter", "none"),
                entry("price-sensitive", "none"), entry("negative", "none"));
        assertThat(treatmentsBySegment(s, 1)).containsOnly(entry("loyal", "loyalty-perks"),
                entry("fence-sitter", "unique-offer"), entry("price-sensitive", "price-campaign"),
                entry("negative", "service-recovery"));
    }

    /** The treatment each segment gets under the scenario's {@code strategy}-th strategy, by segment name. */
    private static Map<String, String> treatmentsBySegment(Scenario s, int strategy) {
        ResolvedStrategy resolved = s.strategies().get(strategy).resolve(s.taxonomy(), s.treatments());
        Map<String, String> bySegment = new LinkedHashMap<>();
        for (int i = 0; i < s.taxonomy().size(); i++) {
            bySegment.put(s.taxonomy().segments().get(i).name(), resolved.bySegment().get(i).name());
        }
        return bySegment;
    }
}
