package org.segmentlab.simulator.scenario;

/** TEMPORARY: the scenario layer reaching up into the engine, to show the layering rule fails. */
final class Violation {
    static final Class<?> UP = org.segmentlab.simulator.engine.Simulator.class;

    private Violation() {
    }

    static double noise() {
        return Math.random();
    }
}
