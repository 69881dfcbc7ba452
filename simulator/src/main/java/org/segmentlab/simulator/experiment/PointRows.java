package org.segmentlab.simulator.experiment;

import java.io.Serializable;
import java.util.List;

/**
 * One point's block of a sweep table, formatted: a function of the point alone (its values, the scenario's seed), so
 * it is the same whichever thread, process or machine computed it. Serializable: a cluster sends it to the driver.
 *
 * @param point   the point's id
 * @param metrics the metric columns the rows hold, in order
 * @param text    the rows, each ending with a line break
 * @param rows    how many rows
 */
public record PointRows(int point, List<String> metrics, String text, int rows) implements Serializable {
    private static final long serialVersionUID = 1L;

    public PointRows {
        metrics = List.copyOf(metrics);
    }
}
