package org.segmentlab.simulator.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/** Where the test scenarios are, and the JSON Schema as the validator library sees it. */
final class TestScenarios {

    /** Tests run in the simulator module's folder; the shipped scenarios are beside it. */
    static final Path SHIPPED = Path.of("..", "scenarios");
    static final Path GOOD = Path.of("src", "test", "resources", "scenarios", "good");
    static final Path BAD = Path.of("src", "test", "resources", "scenarios", "bad");

    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(Scenarios.schema(), InputFormat.JSON);

    private TestScenarios() {
    }

    /** Every shipped scenario and every good test scenario. */
    static List<Path> valid() {
        return Stream.concat(yamlFiles(SHIPPED).stream(), yamlFiles(GOOD).stream()).collect(Collectors.toList());
    }

    static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode schemaTree() {
        try {
            return JSON.readTree(Scenarios.schema());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema's complaints about a YAML text; empty when it validates. */
    static List<String> schemaErrors(String yaml) {
        return SCHEMA.validate(yaml, InputFormat.YAML).stream().map(Error::toString).collect(Collectors.toList());
    }

    static Scenario load(Path file) {
        return Scenarios.load(file).scenario();
    }
}
