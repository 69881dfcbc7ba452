package org.segmentlab.reports.table;

import java.util.List;

import org.segmentlab.reports.chart.Formats;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.metrics.RunResult;

/**
 * The three lines a reader sees first (top of {@code report.html}, the deck's summary slide): the best strategy by
 * cumulative profit and by final retention, each with its paired difference to the baseline and the 95% interval
 * over replications, and what the run was (the baseline's own figures, months, replications). The figures are the
 * ones of the key-figures table ({@link StrategyFigures}), so the summary never disagrees with it.
 */
public final class RunSummary {
    private final List<String> lines;

    private RunSummary(List<String> lines) {
        this.lines = List.copyOf(lines);
    }

    /** The summary of {@code result}'s key figures; the first strategy is the baseline. */
    public static RunSummary of(RunResult result) {
        MetricsTable table = result.metrics();
        List<StrategyFigures> figures = StrategyFigures.of(table);
        String currency = result.currency();
        return new RunSummary(List.of(
                best(figures, KeyFigure.CUMULATIVE_PROFIT, currency),
                best(figures, KeyFigure.FINAL_RETENTION, currency),
                run(figures.get(0), table, currency)));
    }

    /** Three lines of plain text (no markup), in reading order. */
    public List<String> lines() {
        return lines;
    }

    /**
     * "Best by cumulative profit: textbook, +7.7M EUR vs baseline (95% interval +6.9M to +8.4M, 5 paired
     * replications)". When no strategy beats the baseline, the line says so and names the closest one.
     */
    private static String best(List<StrategyFigures> figures, KeyFigure figure, String currency) {
        String label = "Best by " + figure.label().toLowerCase(java.util.Locale.ROOT) + ": ";
        StrategyFigures baseline = figures.get(0);
        if (figures.size() == 1) {
            return label + baseline.strategy() + " (the only strategy, nothing to compare), "
                    + value(figure, baseline.finalValue(figure).mean(), currency) + ".";
        }
        StrategyFigures challenger = null;
        for (StrategyFigures f : figures.subList(1, figures.size())) {
            if (challenger == null || greater(f.difference(figure).orElseThrow().mean(), challenger.difference(figure).orElseThrow().mean())) {
                challenger = f;
            }
        }
        PairedDifference d = challenger.difference(figure).orElseThrow();
        String comparison = difference(figure, d.mean(), currency) + " vs " + baseline.strategy() + " " + interval(figure, d);
        if (d.mean() > 0) {
            return label + challenger.strategy() + ", " + comparison + ".";
        }
        return label + "the baseline " + baseline.strategy() + "; the closest, " + challenger.strategy() + ", is " + comparison + ".";
    }

    /** "Baseline baseline: cumulative profit 12.3M EUR, final retention 72.0% at month 36; 5 replications, seed 42." */
    private static String run(StrategyFigures baseline, MetricsTable table, String currency) {
        int replications = table.replications();
        return "Baseline " + baseline.strategy() + ": " + KeyFigure.CUMULATIVE_PROFIT.label().toLowerCase(java.util.Locale.ROOT) + " "
                + value(KeyFigure.CUMULATIVE_PROFIT, baseline.finalValue(KeyFigure.CUMULATIVE_PROFIT).mean(), currency) + ", "
                + KeyFigure.FINAL_RETENTION.label().toLowerCase(java.util.Locale.ROOT) + " "
                + value(KeyFigure.FINAL_RETENTION, baseline.finalValue(KeyFigure.FINAL_RETENTION).mean(), currency)
                + " at month " + table.months() + "; " + table.strategies().size() + " strateg" + (table.strategies().size() == 1 ? "y" : "ies")
                + ", " + replications + " replication" + (replications == 1 ? "" : "s") + ".";
    }

    /** NaN (a figure the run could not compute) never wins. */
    private static boolean greater(double a, double b) {
        return !Double.isNaN(a) && (Double.isNaN(b) || a > b);
    }

    private static String value(KeyFigure figure, double value, String currency) {
        return figure.unit() == KeyFigure.Unit.MONEY ? Formats.compact(value, false) + " " + currency : Formats.percent(value);
    }

    private static String difference(KeyFigure figure, double value, String currency) {
        return figure.unit() == KeyFigure.Unit.MONEY ? Formats.compact(value, true) + " " + currency : Formats.points(value);
    }

    /** "(95% interval +6.9M to +8.4M, 5 paired replications)", or why there is none; says when it holds zero. */
    private static String interval(KeyFigure figure, PairedDifference d) {
        if (!d.hasInterval()) {
            return "(no interval: 1 replication)";
        }
        String low;
        String high;
        if (figure.unit() == KeyFigure.Unit.MONEY) {
            low = Formats.compact(d.low(), true);
            high = Formats.compact(d.high(), true);
        } else {
            low = Formats.points(d.low());
            high = Formats.points(d.high());
        }
        return "(95% interval " + low + " to " + high + ", " + d.replications() + " paired replications"
                + (d.containsZero() ? "; includes zero: not distinguishable from the baseline" : "") + ")";
    }
}
