package org.segmentlab.simulator.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A constant of a declaration enum (a scenario value, a trait, an event type): its key in the scenario, its help and
 * the settings it needs to have any effect. The loader, the JSON Schema, the docs tables and the wiring tests read
 * declarations through these methods; {@link #byKey} and {@link #allowedKeys} are the one lookup they share.
 */
public interface Declared {

    /** The key in its mapping. */
    String key();

    /** What it does, in Markdown (backticks around keys); the first sentence is the one-line help. */
    String help();

    /**
     * Scenario settings without which it has no effect on a run, each {@code "path: value"} in YAML
     * ({@code market.innovation: 0.01}: an advertising response needs advertising to respond to).
     */
    List<String> needs();

    /** The help as plain text, without the backticks (for the JSON Schema and user interfaces). */
    default String description() {
        return help().replace("`", "");
    }

    /** The constant among {@code values} with the key, if any. */
    static <E extends Declared> Optional<E> byKey(E[] values, String key) {
        return Arrays.stream(values).filter(d -> d.key().equals(key)).findFirst();
    }

    /** The keys of {@code values}, in order, as a message lists them: "a, b, c". */
    static String allowedKeys(Declared[] values) {
        return Arrays.stream(values).map(Declared::key).collect(Collectors.joining(", "));
    }
}
