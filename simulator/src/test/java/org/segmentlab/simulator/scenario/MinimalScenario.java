package org.segmentlab.simulator.scenario;

/**
 * The smallest scenario the loader accepts: one archetype, one strategy, every other key at its default. The binding
 * and declaration tests start from it and change the keys they are about.
 */
final class MinimalScenario {

    private MinimalScenario() {
    }

    /** Its YAML, named {@code name}, one key per line (the tests that append a section keep their line numbers). */
    static String yaml(String name) {
        return yaml(name, "");
    }

    /** The same with {@code marketExtra} (e.g. {@code ", imitation: 0.3"}) added inside the market's mapping. */
    static String yaml(String name, String marketExtra) {
        return String.join("\n",
                "name: " + name,
                "market: {potential: 1000, initialCustomers: 100" + marketExtra + "}",
                "archetypes:",
                "  - {name: a, share: 1, purchaseRate: 1, spend: 10}",
                "strategies:",
                "  - {name: s, treatments: {default: none}}",
                "");
    }

    /** {@link #yaml(String)} parsed as the file {@code base.yaml}. */
    static ScenarioDocument parse(String name) {
        return Scenarios.parse(yaml(name), "base.yaml");
    }
}
