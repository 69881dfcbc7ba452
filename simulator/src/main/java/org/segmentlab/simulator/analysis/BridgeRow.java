package org.segmentlab.simulator.analysis;

import java.util.Objects;

import org.segmentlab.simulator.experiment.MeanInterval;

/**
 * One line of the profit bridge: how much of {@code strategy}'s cumulative profit difference to the baseline
 * {@code component} accounts for, as a mean over paired replications with its 95% interval (NaN ends with one
 * replication).
 */
public record BridgeRow(String strategy, BridgeComponent component, MeanInterval value) {

    public BridgeRow {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(value, "value");
    }
}
