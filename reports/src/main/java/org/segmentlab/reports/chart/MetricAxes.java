package org.segmentlab.reports.chart;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;

/**
 * A readable axis for a metric named as in metrics.csv: shares in percent, money compact with the currency,
 * scores with two decimals, counts compact. For charts that plot one metric chosen by the user (sweeps, tornado).
 */
final class MetricAxes {

    private MetricAxes() {
    }

    /** A human name for a metric, with its unit. */
    static String label(String metric, String currency) {
        return switch (metric) {
            case "retention_initial" -> "Initial customers still active (%)";
            case "top20_share" -> "Revenue share of the top 20% (%)";
            case "classifier_macro_f1" -> "Classifier macro-F1 against the truth";
            case "classifier_accuracy" -> "Classifier accuracy (%)";
            case "profit_cumulative" -> "Cumulative profit (" + currency + ")";
            case "profit" -> "Profit in the month (" + currency + ")";
            case "revenue" -> "Revenue in the month (" + currency + ")";
            case "net_wom" -> "Net word of mouth (%)";
            case "gini" -> "Gini coefficient of revenue";
            case "active" -> "Active customers";
            default -> metric.startsWith("segment.") ? "Customers in segment " + metric.substring("segment.".length()) : metric;
        };
    }

    /** A short name for a title: "Retention", "Macro-F1", … */
    static String shortName(String metric) {
        return switch (metric) {
            case "retention_initial" -> "Retention";
            case "top20_share" -> "Top-20% share";
            case "classifier_macro_f1" -> "Macro-F1";
            case "classifier_accuracy" -> "Accuracy";
            case "profit_cumulative" -> "Cumulative profit";
            default -> label(metric, "").replaceAll(" \\(.*\\)$", "");
        };
    }

    /** A value axis with ticks suited to the metric. */
    static NumberAxis axis(String metric, String currency) {
        boolean share = metric.equals("retention_initial") || metric.equals("top20_share") || metric.equals("classifier_accuracy")
                || metric.equals("net_wom");
        NumberAxis axis;
        if (share) {
            axis = ChartStyle.valueAxis(label(metric, currency), Formats.percentTicks());
        } else if (metric.equals("classifier_macro_f1") || metric.equals("gini")) {
            TickUnits units = new TickUnits();
            for (double size : new double[] {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5}) {
                units.add(new NumberTickUnit(size, Formats.pattern(size < 0.01 ? "0.000" : "0.00")));
            }
            axis = ChartStyle.valueAxis(label(metric, currency), units);
        } else {
            axis = ChartStyle.valueAxis(label(metric, currency), Formats.compactTicks());
        }
        // shares start at zero (a zoomed share axis makes half a point look like a landslide); so do counts and money
        axis.setAutoRangeIncludesZero(!(metric.equals("classifier_macro_f1") || metric.equals("gini")));
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
