package org.segmentlab.reports.chart;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.segmentlab.simulator.metrics.Metric;

/**
 * A readable axis for a metric named as in metrics.csv: shares in percent, money compact with the currency,
 * scores with two decimals, counts compact. For charts that plot one metric chosen by the user (sweeps, tornado).
 */
final class MetricAxes {

    private MetricAxes() {
    }

    /** A human name for a metric, with its unit (declared by {@link Metric}). */
    static String label(String metric, String currency) {
        String name = Metric.axisNameOf(metric);
        return switch (Metric.unitOf(metric)) {
            case SHARE -> name + " (%)";
            case MONEY -> name + " (" + currency + ")";
            case COUNT, SCORE -> name;
        };
    }

    /** A short name for a title: "Retention", "Macro-F1", … */
    static String shortName(String metric) {
        return Metric.titleOf(metric);
    }

    /** A value axis with ticks suited to the metric's unit. */
    static NumberAxis axis(String metric, String currency) {
        Metric.Unit unit = Metric.unitOf(metric);
        NumberAxis axis;
        if (unit == Metric.Unit.SHARE) {
            axis = ChartStyle.valueAxis(label(metric, currency), Formats.percentTicks());
        } else if (unit == Metric.Unit.SCORE) {
            TickUnits units = new TickUnits();
            for (double size : new double[] {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5}) {
                units.add(new NumberTickUnit(size, Formats.pattern(size < 0.01 ? "0.000" : "0.00")));
            }
            axis = ChartStyle.valueAxis(label(metric, currency), units);
        } else {
            axis = ChartStyle.valueAxis(label(metric, currency), Formats.compactTicks());
        }
        // shares start at zero (a zoomed share axis makes half a point look like a landslide); so do counts and money;
        // scores (Gini, macro-F1, reputation) are read to two decimals around where they are
        axis.setAutoRangeIncludesZero(unit != Metric.Unit.SCORE);
        return axis;
    }

    /**
     * An axis for a share in [0, 1] drawn over time: always 0–100%, so the height of a line is the share itself
     * and a gap of half a point looks like half a point.
     */
    static NumberAxis shareAxis(String label) {
        NumberAxis axis = ChartStyle.valueAxis(label, Formats.percentTicks());
        axis.setRange(0, 1);
        return axis;
    }
}
