package org.segmentlab.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.segmentlab.model.segment.BuiltInTaxonomies;
import org.segmentlab.model.treatment.TreatmentParameter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Keeps the JSON Schema in step with the loader: the same keys everywhere (walking the loader's {@link Shape} and
 * the schema side by side), closed mappings closed, the same defaults, ranges and names.
 */
class ScenarioSchemaTest {

    private static final JsonNode ROOT = TestScenarios.schemaTree();

    @Test
    void isDraft2020_12AndTheShippedFileIsWhatTheClasspathServes() throws Exception {
        assertThat(ROOT.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(Scenarios.schema()).isEqualTo(Files.readString(TestScenarios.SHIPPED.resolve("schema/scenario.schema.json")));
    }

    @Test
    void hasExactlyTheLoadersKeysEverywhere() {
        List<String> checked = new ArrayList<>();
        walk(Shape.SCENARIO, ROOT, "", checked);
        // The walk reached every kind of mapping the loader reads.
        assertThat(checked).contains("", "market", "economics", "behaviour", "archetypes[]", "archetypes[].churn<beta>",
                "taxonomy", "taxonomy.segments[]", "taxonomy.segments[].when[]", "taxonomy.segments[].when[].frequency",
                "treatments.*", "strategies[]", "strategies[].advertising", "events[]", "promotions", "promotions[]", "observation",
                "market.reputation", "market.advertising", "market.winBack");
    }

    /** Walks a shape of the loader and the schema node that describes the same value. */
    private static void walk(Shape shape, JsonNode schema, String at, List<String> checked) {
        JsonNode s = resolve(schema);
        if (shape instanceof Shape.Leaf) {
            assertThat(types(s)).as(at + " is a scalar in the schema").doesNotContain("object", "array");
        } else if (shape instanceof Shape.Fields) {
            closed(((Shape.Fields) shape).fields().keySet(), s, at);
            checked.add(at);
            ((Shape.Fields) shape).fields().forEach((key, child) -> walk(child, property(s, key), Paths.key(at, key), checked));
        } else if (shape instanceof Shape.OpenMap) {
            assertThat(s.path("properties").isMissingNode()).as(at + " has no fixed keys").isTrue();
            JsonNode values = s.path("additionalProperties");
            assertThat(values.isObject()).as(at + " allows any key, with a schema for the values").isTrue();
            walk(((Shape.OpenMap) shape).value(), values, at + ".*", checked);
        } else if (shape instanceof Shape.Items) {
            assertThat(types(s)).as(at + " is a list").containsExactly("array");
            walk(((Shape.Items) shape).item(), s.path("items"), at + "[]", checked);
        } else if (shape instanceof Shape.Dist) {
            distribution(s, at, checked);
        } else if (shape instanceof Shape.NameOrFields) {
            List<JsonNode> branches = branches(s);
            assertThat(branches).hasSize(2);
            assertThat(names(branches.get(0).path("enum"))).as(at + " built-in names").containsExactlyElementsOf(BuiltInTaxonomies.names());
            walk(((Shape.NameOrFields) shape).fields(), branches.get(1), at, checked);
        } else if (shape instanceof Shape.NumberOrFields) {
            List<JsonNode> branches = branches(s);
            assertThat(branches).hasSize(2);
            assertThat(types(resolve(branches.get(0)))).as(at + " short form").containsExactly("number");
            walk(((Shape.NumberOrFields) shape).fields(), branches.get(1), at, checked);
        } else if (shape instanceof Shape.FieldsOrItems) {
            List<JsonNode> branches = branches(s);
            assertThat(branches).hasSize(2);
            walk(((Shape.FieldsOrItems) shape).fields(), branches.get(0), at, checked);
            walk(((Shape.FieldsOrItems) shape).items(), branches.get(1), at, checked);
        } else if (shape instanceof Shape.ListOrOne) {
            List<JsonNode> branches = branches(s);
            assertThat(branches).hasSize(2);
            Shape item = ((Shape.ListOrOne) shape).item();
            walk(item, branches.get(0), at + "[]", checked);
            walk(new Shape.Items(item, null), branches.get(1), at, checked);
        } else {
            throw new AssertionError(shape);
        }
    }

    /** A trait: a bare number or one of the families the loader allows for it, each with the loader's keys. */
    private static void distribution(JsonNode s, String at, List<String> checked) {
        String trait = at.substring(at.lastIndexOf('.') + 1);
        Set<String> allowed = ScenarioKeys.PROBABILITY_TRAITS.contains(trait)
                ? ScenarioKeys.PROBABILITY_DISTRIBUTIONS : ScenarioKeys.DISTRIBUTIONS.keySet();
        Set<String> kinds = new LinkedHashSet<>();
        boolean bareNumber = false;
        for (JsonNode branch : branches(s)) {
            JsonNode b = resolve(branch);
            if (types(b).contains("number")) {
                bareNumber = true;
                continue;
            }
            String kind = property(b, ScenarioKeys.DIST).path("const").asText();
            kinds.add(kind);
            closed(ScenarioKeys.DISTRIBUTIONS.get(kind), b, at + "<" + kind + ">");
            assertThat(propertyNames(branch)).as(at + "<" + kind + "> constraints name only its keys")
                    .isSubsetOf(ScenarioKeys.DISTRIBUTIONS.get(kind));
            checked.add(at + "<" + kind + ">");
        }
        assertThat(bareNumber).as(at + " accepts a bare number").isTrue();
        assertThat(kinds).as(at + " distribution families").containsExactlyInAnyOrderElementsOf(allowed);
    }

    private static void closed(Set<String> keys, JsonNode s, String at) {
        assertThat(types(s)).as(at + " is a mapping").containsExactly("object");
        assertThat(propertyNames(s)).as(at + " keys").containsExactlyInAnyOrderElementsOf(keys);
        assertThat(s.path("additionalProperties").isBoolean() && !s.path("additionalProperties").asBoolean())
                .as(at + " refuses unknown keys, as the loader does").isTrue();
    }

    @Test
    void defaultsAreTheLoadersDefaults() throws Exception {
        String minimal = String.join("\n", "name: defaults", "market: {potential: 1000, initialCustomers: 100}",
                "archetypes: [{name: a, share: 1, purchaseRate: 1, spend: 10}]",
                "strategies: [{name: s, treatments: {default: none}}]", "");
        ScenarioDocument doc = Scenarios.parse(minimal, "minimal");
        JsonNode resolved = TestScenarios.YAML.readTree(ScenarioWriter.toYaml(doc.scenario()));
        JsonNode withEvent = TestScenarios.YAML.readTree(ScenarioWriter.toYaml(
                doc.with("events", "[{type: price-war, month: 2}]").scenario()));

        int compared = 0;
        compared += compareDefaults(ROOT, resolved, "");
        compared += compareDefaults(resolve(property(ROOT, "market")), resolved.path("market"), "market");
        compared += compareDefaults(resolve(property(ROOT, "economics")), resolved.path("economics"), "economics");
        compared += compareDefaults(resolve(property(ROOT, "behaviour")), resolved.path("behaviour"), "behaviour");
        compared += compareDefaults(resolve(property(ROOT, "observation")), resolved.path("observation"), "observation");
        JsonNode periodic = TestScenarios.YAML.readTree(ScenarioWriter.toYaml(
                doc.with("promotions", "{every: 3, discount: 0.2}").scenario())).path("promotions");
        compared += compareDefaults(resolve(branches(property(ROOT, "promotions")).get(0)), periodic, "promotions");
        JsonNode sale = TestScenarios.YAML.readTree(ScenarioWriter.toYaml(
                doc.with("promotions", "[{month: 2, discount: 0.2}]").scenario())).path("promotions").path(0);
        compared += compareDefaults(resolve(branches(property(ROOT, "promotions")).get(1).path("items")), sale, "promotions[0]");
        compared += compareDefaults(resolve(property(ROOT, "archetypes").path("items")), resolved.path("archetypes").path(0), "archetypes[0]");
        compared += compareDefaults(resolve(property(ROOT, "events").path("items")), withEvent.path("events").path(0), "events[0]");
        assertThat(compared).as("defaults documented in the schema").isGreaterThanOrEqualTo(53);

        assertThat(property(ROOT, "taxonomy").path("default").asText()).isEqualTo(resolved.path("taxonomy").path("name").asText());
        assertThat(property(ROOT, "events").path("default")).isEqualTo(resolved.path("events"));
    }

    private static int compareDefaults(JsonNode schema, JsonNode resolved, String at) {
        int n = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode def = e.getValue().path("default");
            if (def.isMissingNode() || e.getKey().equals("taxonomy") || e.getKey().equals("events")) {
                continue;
            }
            JsonNode actual = resolved.path(e.getKey());
            String where = Paths.key(at, e.getKey());
            if (def.isNumber()) {
                assertThat(actual.isNumber()).as(where).isTrue();
                assertThat(actual.asDouble()).as(where + " default").isEqualTo(def.asDouble());
            } else {
                assertThat(actual).as(where + " default").isEqualTo(def);
            }
            n++;
        }
        return n;
    }

    @Test
    void everyOptionalKeyHasADefaultAndEveryRequiredOneIsRequired() {
        // Optional keys of the fixed sections document their default; required ones are marked required.
        assertThat(names(ROOT.path("required"))).containsExactlyInAnyOrder("name", "market", "archetypes", "strategies");
        JsonNode market = resolve(property(ROOT, "market"));
        assertThat(names(market.path("required"))).containsExactlyInAnyOrder("potential", "initialCustomers");
        JsonNode archetype = resolve(property(ROOT, "archetypes").path("items"));
        assertThat(names(archetype.path("required"))).containsExactlyInAnyOrder("name", "share", "purchaseRate", "spend");
        JsonNode periodic = resolve(branches(property(ROOT, "promotions")).get(0));
        assertThat(names(periodic.path("required"))).containsExactlyInAnyOrder("every", "discount");
        JsonNode sale = resolve(branches(property(ROOT, "promotions")).get(1).path("items"));
        assertThat(names(sale.path("required"))).containsExactlyInAnyOrder("month", "discount");
        for (JsonNode section : List.of(market, resolve(property(ROOT, "economics")), resolve(property(ROOT, "behaviour")),
                resolve(property(ROOT, "observation")), periodic, sale, archetype)) {
            Set<String> required = new LinkedHashSet<>(names(section.path("required")));
            for (String key : propertyNames(section)) {
                if (!required.contains(key) && !key.equals("name")) {
                    assertThat(property(section, key).has("default")).as(key + " documents its default").isTrue();
                }
            }
        }
    }

    @Test
    void treatmentParametersHaveTheModelsRanges() {
        JsonNode treatment = resolve(property(ROOT, "treatments").path("additionalProperties"));
        for (TreatmentParameter p : TreatmentParameter.values()) {
            JsonNode prop = property(treatment, p.key());
            if (p.isFlag()) {
                assertThat(prop.path("type").asText()).as(p.key()).isEqualTo("boolean");
            } else {
                assertThat(prop.path("minimum").asDouble()).as(p.key() + " minimum").isEqualTo(p.min());
                assertThat(prop.path("maximum").asDouble()).as(p.key() + " maximum").isEqualTo(p.max());
            }
        }
    }

    @Test
    void eventTypesAreTheLoadersEventTypes() {
        JsonNode event = resolve(property(ROOT, "events").path("items"));
        assertThat(names(property(event, "type").path("enum")))
                .containsExactly(Stream.of(EventType.values()).map(EventType::key).toArray(String[]::new));
    }

    /** Mistakes of structure are caught by the schema too, so an editor flags them before the loader does. */
    @ParameterizedTest
    @ValueSource(strings = {"unknown-root-key", "unknown-keys", "wrong-types", "wrong-section-types", "missing-required",
            "distribution-unknown-parameter", "unknown-distribution", "unknown-event-type", "unknown-taxonomy",
            "out-of-range-values", "treatment-errors", "probability-unbounded-distribution", "no-strategies",
            "months-and-replications-out-of-bounds", "bad-names", "economics-errors", "inline-taxonomy-unknown-names",
            "promotions-periodic-errors", "promotions-out-of-range", "promotions-list-errors", "promotions-one-sale-without-list",
            "promotions-and-observation-wrong-types", "observation-errors", "behaviour-response-errors"})
    void structuralMistakesFailTheSchemaToo(String name) {
        Path file = TestScenarios.BAD.resolve(name + ".yaml");
        assertThat(TestScenarios.schemaErrors(TestScenarios.read(file))).isNotEmpty();
    }

    // ---- schema navigation

    private static JsonNode resolve(JsonNode node) {
        JsonNode n = node;
        while (n.has("$ref")) {
            String ref = n.path("$ref").asText();
            assertThat(ref).startsWith("#/$defs/");
            JsonNode target = ROOT.path("$defs").path(ref.substring("#/$defs/".length()));
            assertThat(target.isMissingNode()).as(ref + " exists").isFalse();
            n = target;
        }
        return n;
    }

    /** The schema of a property, looking through a $ref's siblings first and then its target. */
    private static JsonNode property(JsonNode node, String key) {
        JsonNode local = node.path("properties").path(key);
        if (!local.isMissingNode() && !local.has("$ref") && !node.has("$ref")) {
            return local;
        }
        JsonNode target = resolve(node).path("properties").path(key);
        return target.isMissingNode() ? local : target;
    }

    private static Set<String> propertyNames(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        node.path("properties").fieldNames().forEachRemaining(names::add);
        if (node.has("$ref")) {
            names.addAll(propertyNames(resolve(node)));
        }
        return names;
    }

    private static List<JsonNode> branches(JsonNode node) {
        List<JsonNode> list = new ArrayList<>();
        resolve(node).path("oneOf").forEach(list::add);
        assertThat(list).as("a oneOf").isNotEmpty();
        return list;
    }

    private static Set<String> types(JsonNode s) {
        JsonNode type = s.path("type");
        if (type.isTextual()) {
            return Set.of(type.asText());
        }
        return names(type).stream().collect(Collectors.toSet());
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }
}
