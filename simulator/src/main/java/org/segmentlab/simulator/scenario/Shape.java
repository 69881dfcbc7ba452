package org.segmentlab.simulator.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The shape of a scenario file: which keys each mapping has and what their values are. Built from
 * {@link ScenarioKeys}, it lets {@link ScenarioDocument#with} resolve and check override paths, and lets tests walk
 * the loader's key sets beside the JSON Schema's.
 */
sealed interface Shape {

    /** A scalar. */
    record Leaf() implements Shape {
    }

    /** A mapping with a fixed set of keys. */
    record Fields(Map<String, Shape> fields) implements Shape {
        public Fields {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        /** The same keys, one of them with another shape. */
        Fields with(String key, Shape shape) {
            Map<String, Shape> copy = new LinkedHashMap<>(fields);
            copy.put(key, shape);
            return new Fields(copy);
        }
    }

    /**
     * A mapping whose keys are names the user chooses. With {@code restIsKey} the rest of an override path is the
     * key ({@code thresholds.loyal.frequency.min} sets the key {@code loyal.frequency.min}).
     */
    record OpenMap(Shape value, boolean restIsKey) implements Shape {
    }

    /** A list; with {@code itemName} non-null its items have a unique {@code name} and can be addressed by it. */
    record Items(Shape item, String itemName) implements Shape {
    }

    /** A bare number (a constant) or a distribution mapping with the keys of {@code fields}. */
    record Dist(Fields fields) implements Shape {
    }

    /** A built-in name or an inline mapping (the taxonomy). */
    record NameOrFields(Fields fields) implements Shape {
    }

    /** A list of {@code item}, or a single one written without the list (a segment's {@code when}). */
    /** A number (the short form) or a mapping with these keys: a strategy's advertising. */
    record NumberOrFields(Fields fields) implements Shape {
    }

    record ListOrOne(Shape item) implements Shape {
    }

    /**
     * A mapping with fixed keys or a list of items, two forms of one value ({@code promotions}: a periodic sale or a
     * list of sales). A path goes on by key into the mapping, by index into the list.
     */
    record FieldsOrItems(Fields fields, Items items) implements Shape {
    }

    Shape LEAF = new Leaf();

    /** The whole scenario file. */
    Shape SCENARIO = scenario();

    private static Fields leaves(Set<String> keys) {
        Map<String, Shape> m = new LinkedHashMap<>();
        keys.forEach(k -> m.put(k, LEAF));
        return new Fields(m);
    }

    private static Shape scenario() {
        Map<String, Shape> dist = new LinkedHashMap<>();
        for (Set<String> keys : ScenarioKeys.DISTRIBUTIONS.values()) {
            for (String k : keys) {
                boolean list = k.equals("values") || k.equals("weights") || k.equals("probabilities");
                dist.put(k, list ? new Items(LEAF, null) : LEAF);
            }
        }
        Dist distribution = new Dist(new Fields(dist));
        Map<String, Shape> archetype = new LinkedHashMap<>();
        for (String k : ScenarioKeys.ARCHETYPE) {
            archetype.put(k, ScenarioKeys.DISTRIBUTED_TRAITS.contains(k) ? distribution : LEAF);
        }
        Map<String, Shape> clause = new LinkedHashMap<>();
        for (String feature : ScenarioKeys.CLAUSE) {
            clause.put(feature, leaves(ScenarioKeys.CONDITION));
        }
        Fields segment = leaves(ScenarioKeys.SEGMENT).with("when", new ListOrOne(new Fields(clause)));
        Fields taxonomy = leaves(ScenarioKeys.TAXONOMY).with("segments", new Items(segment, "segment"));
        Fields strategy = leaves(ScenarioKeys.STRATEGY).with("treatments", new OpenMap(LEAF, true))
                .with("advertising", new NumberOrFields(leaves(ScenarioKeys.ADVERTISING).with("targets", new Items(LEAF, null))));

        Map<String, Shape> root = new LinkedHashMap<>();
        for (String k : ScenarioKeys.ROOT) {
            root.put(k, LEAF);
        }
        root.put("market", leaves(ScenarioKeys.MARKET).with("reputation", leaves(ScenarioKeys.REPUTATION))
                .with("advertising", leaves(ScenarioKeys.ADVERTISING_RESPONSE)).with("winBack", leaves(ScenarioKeys.WIN_BACK)));
        root.put("initialPopulation", leaves(ScenarioKeys.INITIAL_POPULATION));
        root.put("economics", leaves(ScenarioKeys.ECONOMICS));
        root.put("behaviour", leaves(ScenarioKeys.BEHAVIOUR));
        root.put("promotions", new FieldsOrItems(leaves(ScenarioKeys.PROMOTIONS), new Items(leaves(ScenarioKeys.SALE), null)));
        root.put("observation", leaves(ScenarioKeys.OBSERVATION));
        root.put("mechanisms", leaves(ScenarioKeys.MECHANISMS));
        root.put("archetypes", new Items(new Fields(archetype), "archetype"));
        root.put("taxonomy", new NameOrFields(taxonomy));
        root.put("thresholds", new OpenMap(LEAF, true));
        root.put("truth", new OpenMap(LEAF, true));
        root.put("treatments", new OpenMap(leaves(ScenarioKeys.TREATMENT), false));
        root.put("strategies", new Items(strategy, "strategy"));
        root.put("events", new Items(leaves(ScenarioKeys.EVENT), null));
        return new Fields(root);
    }
}
