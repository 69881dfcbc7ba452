package org.segmentlab.simulator.experiment;

import java.util.List;

/**
 * One point of a design: its id (its index in the design, the CSV's {@code point} column) and one value per factor.
 */
public record SweepPoint(int id, List<String> values) {
    public SweepPoint {
        values = List.copyOf(values);
    }
}
