package org.segmentlab.workbench.tournament;

import java.util.Locale;

import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.MetricsTable;

/** What a room ranks teams by, read from metrics.csv names over one round's months. Higher is better for each. */
public enum Objective {
    /** Profit summed over the round's months: {@code profit_cumulative} at its end minus at its start. */
    PROFIT("profit", "profit over the round", Metric.PROFIT_CUMULATIVE.key(), true),
    /** The share of the month-0 customers still active at the round's end ({@code retention_initial}). */
    RETENTION("retention", "month-0 customers retained at the round's end", Metric.RETENTION_INITIAL.key(), false),
    /** Active customers at the round's end ({@code active}). */
    CUSTOMERS("customers", "active customers at the round's end", Metric.ACTIVE.key(), false);

    private final String id;
    private final String label;
    private final String metric;
    private final boolean overTheRound;

    Objective(String id, String label, String metric, boolean overTheRound) {
        this.id = id;
        this.label = label;
        this.metric = metric;
        this.overTheRound = overTheRound;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public String metric() {
        return metric;
    }

    /** The objective in each replication of {@code strategy}, over months {@code from} … the table's last. */
    double[] values(MetricsTable table, String strategy, int from) {
        double[] out = new double[table.replications()];
        for (int r = 0; r < out.length; r++) {
            double end = table.value(strategy, r, metric, table.months());
            out[r] = overTheRound ? end - table.value(strategy, r, metric, from) : end;
        }
        return out;
    }

    /** By id ("profit"), or null when there is none. */
    static Objective byId(String id) {
        for (Objective o : values()) {
            if (o.id.equals(id == null ? "" : id.toLowerCase(Locale.ROOT))) {
                return o;
            }
        }
        return null;
    }
}
