package org.segmentlab.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Every key in {@link ScenarioKeys} is really read by the loader: a wrong value under any of them is reported at
 * that key. (A key in the sets but never read would be accepted and silently ignored.)
 */
class LoaderKeysTest {

    /** A scenario with every section, so that each key's parent exists or can be created. */
    private static final ScenarioDocument BASE = Scenarios.load(TestScenarios.GOOD.resolve("inline-taxonomy.yaml"));

    /** Where a shape's items live in {@link #BASE}. */
    private static final Map<String, String> ITEM = Map.of(
            "archetypes", "archetypes[0]", "taxonomy.segments", "taxonomy.segments[0]", "strategies", "strategies[0]",
            "events", "events[0]", "treatments", "treatments.vip");

    @Test
    void aWrongValueUnderEveryKeyIsReportedAtThatKey() {
        List<String> paths = new ArrayList<>();
        collect(Shape.SCENARIO, "", paths);
        assertThat(paths).hasSizeGreaterThan(100);
        for (String path : paths) {
            String wrong = path.endsWith("when") ? "5" : isList(path) ? "{x: 1}" : "[x]";
            ScenarioException e = assertThrows(ScenarioException.class, () -> BASE.with(path, wrong).scenario(), path);
            assertThat(e.problems()).as(path).anySatisfy(p -> {
                assertThat(p.source()).isEqualTo("--set " + path);
                assertThat(p.path()).startsWith(path);
            });
        }
    }

    private static boolean isList(String path) {
        String last = path.substring(path.lastIndexOf('.') + 1);
        return List.of("archetypes", "segments", "strategies", "events", "values", "weights", "probabilities").contains(last);
    }

    /** Every fixed key's path, with list items and open maps addressed by an item that exists in the base. */
    private static void collect(Shape shape, String at, List<String> out) {
        if (shape instanceof Shape.Fields) {
            ((Shape.Fields) shape).fields().forEach((key, child) -> {
                String path = Paths.key(at, key);
                out.add(path);
                collect(child, path, out);
            });
        } else if (shape instanceof Shape.Items && ITEM.containsKey(at)) {
            collect(((Shape.Items) shape).item(), ITEM.get(at), out);
        } else if (shape instanceof Shape.OpenMap && ITEM.containsKey(at)) {
            collect(((Shape.OpenMap) shape).value(), ITEM.get(at), out);
        } else if (shape instanceof Shape.NameOrFields) {
            collect(((Shape.NameOrFields) shape).fields(), at, out);
        } else if (shape instanceof Shape.FieldsOrItems) {
            collect(((Shape.FieldsOrItems) shape).fields(), at, out);
        } else if (shape instanceof Shape.NumberOrFields) {
            collect(((Shape.NumberOrFields) shape).fields(), at, out);
        } else if (shape instanceof Shape.ListOrOne) {
            collect(((Shape.ListOrOne) shape).item(), at, out);
        } else if (shape instanceof Shape.Dist && at.equals("archetypes[0].purchaseRate")) {
            collect(((Shape.Dist) shape).fields(), at, out);
        }
    }
}
