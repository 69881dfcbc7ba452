package org.segmentlab.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;

import org.segmentlab.simulator.scenario.YamlNode.Mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Mutates valid scenarios (deleting keys, changing types, random values, unknown keys, damaged text) and checks the
 * loader's contract: it returns a {@link Scenario} or throws a {@link ScenarioException} whose problems are all
 * located; never another exception. Each try is reproducible from the seed jqwik reports.
 */
class ScenarioMutationPropertyTest {

    private static final List<Path> SOURCES = TestScenarios.valid();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Property(tries = 400)
    void treeMutantsLoadOrFailWithLocatedProblems(@ForAll("seeds") long seed, @ForAll @IntRange(min = 1, max = 4) int mutations)
            throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        Path source = SOURCES.get(random.nextInt(SOURCES.size()));
        JsonNode tree = TestScenarios.YAML.readTree(TestScenarios.read(source));
        for (int i = 0; i < mutations; i++) {
            mutate(tree, random);
        }
        checkContract(TestScenarios.YAML.writeValueAsString(tree), "mutant.yaml");
    }

    @Property(tries = 300)
    void textMutantsLoadOrFailWithLocatedProblems(@ForAll("seeds") long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String text = TestScenarios.read(SOURCES.get(random.nextInt(SOURCES.size())));
        StringBuilder sb = new StringBuilder(text);
        int at = random.nextInt(sb.length() + 1);
        switch (random.nextInt(5)) {
            case 0: // cut the text short
                sb.setLength(at);
                break;
            case 1: // insert YAML punctuation
                sb.insert(at, pick(random, ":", "- ", "[", "{", "}", "]", "&a ", "*a", "!!str ", "\t", "'", "\"", "#", "---\n", "? ", "|\n", "%YAML 1.1\n"));
                break;
            case 2: // delete a stretch
                sb.delete(at, Math.min(sb.length(), at + random.nextInt(40)));
                break;
            case 3: // duplicate a line
                List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
                int line = random.nextInt(lines.size());
                lines.add(line, lines.get(line));
                sb = new StringBuilder(String.join("\n", lines));
                break;
            default: // change the indentation of a line
                List<String> ls = new ArrayList<>(List.of(text.split("\n", -1)));
                int l = random.nextInt(ls.size());
                ls.set(l, (random.nextBoolean() ? "  " : "") + ls.get(l).replaceFirst("^ {1,2}", ""));
                sb = new StringBuilder(String.join("\n", ls));
        }
        checkContract(sb.toString(), "damaged.yaml");
    }

    @Property(tries = 300)
    void overridesSucceedOrFailWithLocatedProblems(@ForAll("seeds") long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        Path source = SOURCES.get(random.nextInt(SOURCES.size()));
        ScenarioDocument doc = Scenarios.load(source);
        List<String> paths = new ArrayList<>();
        collectPaths(doc.root(), "", paths);
        paths.add(pick(random, "market.imitaton", "archetypes.nobody.share", "events[99].month", "truth.x", "thresholds.a.b.c",
                "economics.currency", "treatments.new.cost", "strategies[0].treatments.default", "a..b", "x[", "taxonomy.segments[0].when"));
        String path = paths.get(random.nextInt(paths.size()));
        String value = TestScenarios.YAML.writeValueAsString(randomValue(random, 0)).replaceFirst("^---\\s*", "").strip();
        try {
            Scenario s = doc.with(path, value).scenario();
            assertThat(Scenarios.parse(ScenarioWriter.toYaml(s), "resolved").scenario()).isEqualTo(s);
            Statistics.collect("loaded");
        } catch (ScenarioException e) {
            assertLocated(e, null);
            Statistics.collect("refused");
        }
    }

    /** The contract: a Scenario that round-trips, or located problems; any other exception fails the property. */
    private static void checkContract(String yaml, String name) {
        try {
            Scenario s = Scenarios.parse(yaml, name).scenario();
            assertThat(Scenarios.parse(ScenarioWriter.toYaml(s), "resolved").scenario()).isEqualTo(s);
            Statistics.collect("loaded");
        } catch (ScenarioException e) {
            assertLocated(e, name);
            Statistics.collect("refused");
        }
    }

    private static void assertLocated(ScenarioException e, String source) {
        assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
            if (source != null) {
                assertThat(p.source()).isEqualTo(source);
                assertThat(p.line()).isPositive();
                assertThat(p.column()).isPositive();
            } else {
                assertThat(p.line() > 0 || p.source().startsWith("--set ")).isTrue();
            }
            assertThat(p.message()).isNotBlank();
        });
    }

    // ---- mutations of a Jackson tree

    private static void mutate(JsonNode root, SplittableRandom random) {
        List<JsonNode> containers = new ArrayList<>();
        collectContainers(root, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode) {
            ObjectNode o = (ObjectNode) target;
            List<String> keys = new ArrayList<>();
            o.fieldNames().forEachRemaining(keys::add);
            int op = random.nextInt(4);
            if (keys.isEmpty() || op == 0) {
                o.set(pick(random, "colour", "imitaton", "dist", "name", "when", "base", "min", "value", "share", "type"), randomValue(random, 0));
            } else if (op == 1) {
                o.remove(keys.get(random.nextInt(keys.size())));
            } else {
                o.set(keys.get(random.nextInt(keys.size())), randomValue(random, 0));
            }
        } else {
            ArrayNode a = (ArrayNode) target;
            int op = random.nextInt(3);
            if (a.isEmpty() || op == 0) {
                a.add(randomValue(random, 0));
            } else if (op == 1) {
                a.remove(random.nextInt(a.size()));
            } else {
                a.set(random.nextInt(a.size()), randomValue(random, 0));
            }
        }
    }

    private static JsonNode randomValue(SplittableRandom random, int depth) {
        switch (random.nextInt(depth > 1 ? 9 : 12)) {
            case 0: return NODES.numberNode(pick(random, 0.0, -1.0, 1.0, 0.5, 1e-300, 1e300, -1e15, 3e9, 36.5, 1e12));
            case 1: return NODES.numberNode(pick(random, 0L, 1L, -1L, 36L, 1200L, 1201L, Long.MAX_VALUE, Long.MIN_VALUE));
            case 2: return NODES.numberNode(new java.math.BigInteger("123456789012345678901234567890"));
            case 3: return NODES.textNode(pick(random, "", "beta", "gamma", "four-types", "loyal", "none", "rep-departure", "x y", ".inf", "~"));
            case 4: return NODES.booleanNode(random.nextBoolean());
            case 5: return NODES.nullNode();
            case 6: return NODES.numberNode(random.nextDouble() * 2 - 0.5);
            case 7: return NODES.numberNode(random.nextInt(100));
            case 8: return NODES.textNode("t" + random.nextInt(5));
            case 9: {
                ObjectNode o = NODES.objectNode();
                o.put("dist", pick(random, "beta", "gamma", "normal", "lognormal", "uniform", "empirical", "categorical", "poisson", "gama"));
                for (String k : List.of("alpha", "beta", "shape", "scale", "mean", "sd", "min", "max", "median", "sigma", "mu", "rate")) {
                    if (random.nextInt(3) == 0) {
                        o.set(k, randomValue(random, depth + 2));
                    }
                }
                if (random.nextBoolean()) {
                    o.set("values", NODES.arrayNode().add(0.1).add(random.nextDouble()));
                }
                return o;
            }
            case 10: {
                ArrayNode a = NODES.arrayNode();
                int n = random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    a.add(randomValue(random, depth + 1));
                }
                return a;
            }
            default: {
                ObjectNode o = NODES.objectNode();
                int n = random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    o.set(pick(random, "name", "share", "min", "frequency", "type", "month", "x"), randomValue(random, depth + 1));
                }
                return o;
            }
        }
    }

    private static void collectContainers(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                collectContainers(it.next(), out);
            }
        }
    }

    /** Every path of the document's tree, in the override syntax. */
    private static void collectPaths(YamlNode node, String at, List<String> out) {
        if (!at.isEmpty()) {
            out.add(at);
        }
        if (node instanceof Mapping) {
            for (YamlNode.Entry e : ((Mapping) node).entries()) {
                collectPaths(e.value(), Paths.key(at, e.key()), out);
            }
        } else if (node instanceof YamlNode.Sequence) {
            List<YamlNode> items = ((YamlNode.Sequence) node).items();
            for (int i = 0; i < items.size(); i++) {
                collectPaths(items.get(i), Paths.index(at, i), out);
            }
        }
    }

    @SafeVarargs
    private static <T> T pick(SplittableRandom random, T... options) {
        return options[random.nextInt(options.length)];
    }
}
