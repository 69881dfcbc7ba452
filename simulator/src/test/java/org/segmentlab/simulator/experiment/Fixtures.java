package org.segmentlab.simulator.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.segmentlab.simulator.scenario.ScenarioDocument;
import org.segmentlab.simulator.scenario.Scenarios;

/** The experiment tests' scenarios (test resources beside this class). */
final class Fixtures {

    private Fixtures() {
    }

    /** Four types, 10 000 customers, a 2-month window, 2 months, one strategy. */
    static ScenarioDocument sweep10k() {
        return load("sweep-10k.yaml");
    }

    /** Two archetypes separating on frequency at ≈ 8.37 (see the file). */
    static ScenarioDocument separable() {
        return load("separable.yaml");
    }

    static ScenarioDocument load(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + name + " is missing");
            }
            return Scenarios.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
