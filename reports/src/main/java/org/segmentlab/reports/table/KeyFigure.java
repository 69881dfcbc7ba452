package org.segmentlab.reports.table;

import org.segmentlab.simulator.metrics.Metric;

/** The four figures a strategy is judged by, each the value of a metric at the last month. */
public enum KeyFigure {
    FINAL_RETENTION(Metric.RETENTION_INITIAL, "Final retention", "Retention of the initial customers at the last month", Unit.SHARE),
    TOP20_SHARE(Metric.TOP20_SHARE, "Top-20% revenue share", "Share of trailing revenue held by the top 20% of customers at the last month", Unit.SHARE),
    NET_WOM(Metric.NET_WOM, "Net word of mouth", "(promoters − detractors) / active customers at the last month", Unit.SHARE),
    CUMULATIVE_PROFIT(Metric.PROFIT_CUMULATIVE, "Cumulative profit", "Profit summed over the run", Unit.MONEY);

    /** How a figure's values are read. */
    public enum Unit {
        /** A fraction in [0, 1] (or [−1, 1]); differences are in percentage points. */
        SHARE,
        /** An amount in the scenario's currency. */
        MONEY
    }

    private final Metric metric;
    private final String label;
    private final String description;
    private final Unit unit;

    KeyFigure(Metric metric, String label, String description, Unit unit) {
        this.metric = metric;
        this.label = label;
        this.description = description;
        this.unit = unit;
    }

    /** The metrics.csv name this figure is read from. */
    public String metricKey() {
        return metric.key();
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public Unit unit() {
        return unit;
    }

    /** A lower-camel name for JSON. */
    public String jsonName() {
        switch (this) {
            case FINAL_RETENTION:
                return "finalRetention";
            case TOP20_SHARE:
                return "top20Share";
            case NET_WOM:
                return "netWom";
            default:
                return "cumulativeProfit";
        }
    }
}
