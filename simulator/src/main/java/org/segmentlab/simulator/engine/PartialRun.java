package org.segmentlab.simulator.engine;

import java.util.Arrays;
import java.util.List;

import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.metrics.RunResult;

/**
 * A run seen while it goes on (told to a {@link RunOptions.MonthListener}): which replication and month every strategy
 * has reached, and the results so far as a {@link RunResult} a chart can draw.
 */
public final class PartialRun {
    private final RunResult template;
    private final int replication;
    private final int month;
    private final int replications;
    private final int months;
    /** [strategy][replication] of the finished replications; the current one is read from {@link #current}. */
    private final double[][][][] finished;
    private final List<RunRecorder> current;

    /** @param template the run's names (scenario, strategies, metrics, segments, events); its metrics hold no values */
    PartialRun(RunResult template, int replication, int month, int replications, int months, double[][][][] finished,
               List<RunRecorder> current) {
        this.template = template;
        this.replication = replication;
        this.month = month;
        this.replications = replications;
        this.months = months;
        this.finished = finished;
        this.current = current;
    }

    /** The replication being simulated, from 0. */
    public int replication() {
        return replication;
    }

    /** The month every strategy of {@link #replication()} has finished, 1 to {@link #months()}. */
    public int month() {
        return month;
    }

    public int replications() {
        return replications;
    }

    public int months() {
        return months;
    }

    /** Whether this is the last month of the last replication: the run's metrics are all known. */
    public boolean complete() {
        return replication == replications - 1 && month == months;
    }

    /**
     * What is known as one result, copied (the engine goes on): during the first replication, its months 0 to
     * {@link #month()}; after it, every finished replication over all months (the current one once its last month is
     * done). Metrics only: no per-run details (Lorenz curves, cohorts), no attribution.
     */
    public RunResult result() {
        MetricsTable table = template.metrics();
        int strategies = table.strategies().size();
        boolean currentDone = month == months;
        int shownMonths = replication == 0 ? month : months;
        int shownReplications = replication == 0 ? 1 : replication + (currentDone ? 1 : 0);
        double[][][][] values = new double[strategies][shownReplications][][];
        for (int s = 0; s < strategies; s++) {
            for (int r = 0; r < shownReplications; r++) {
                double[][] source = r == replication ? current.get(s).values : finished[s][r];
                double[][] copy = new double[source.length][];
                for (int m = 0; m < source.length; m++) {
                    copy[m] = Arrays.copyOf(source[m], shownMonths + 1);
                }
                values[s][r] = copy;
            }
        }
        MetricsTable shown = new MetricsTable(table.strategies(), shownReplications, shownMonths, table.metrics(), values);
        return new RunResult(template.scenarioName(), template.currency(), template.seed(), template.segments(), template.archetypes(),
                template.truth(), shown, List.of(), template.events());
    }
}
