package org.segmentlab.workbench;

import java.util.ArrayList;
import java.util.List;

import org.segmentlab.reports.chart.Formats;
import org.segmentlab.reports.table.KeyFigure;
import org.segmentlab.reports.table.PairedDifference;
import org.segmentlab.reports.table.StrategyFigures;
import org.segmentlab.simulator.experiment.MeanInterval;
import org.segmentlab.simulator.metrics.RunResult;

/**
 * The key-figures table as the page shows it: one row per strategy, one cell per {@link KeyFigure} with the
 * final value and, for every strategy but the baseline, the paired difference to it, judged by whether it is good
 * for the business ({@link #direction}): more profit or retention is good, a different top-20% share is neither.
 * With several replications each value and difference carries its 95% interval. Numbers are formatted here, the way
 * the report formats them, so the page and the bundle agree.
 */
record KeyFigureTable(List<String> columns, List<Row> rows, int replications) {

    /** Which way a figure is better for the business. */
    enum Direction { HIGHER_IS_BETTER, LOWER_IS_BETTER, NEUTRAL }

    /**
     * How a difference reads for the business: the page colours good green and bad red; neutral (a figure that is
     * neither), flat (no difference) and unclear (its 95% interval includes zero) grey.
     */
    enum Judgement { GOOD, BAD, NEUTRAL, FLAT, UNCLEAR }

    /** A strategy's figures. */
    record Row(String strategy, boolean baseline, List<Cell> cells) {
    }

    /**
     * One figure: the raw value and its text (with its interval when there is one); the difference to the baseline,
     * its text and its judgement (null for the baseline).
     */
    record Cell(String figure, Double value, String text, String interval, Double difference, String differenceText,
            String differenceInterval, String judgement) {
    }

    /**
     * The one place that says which way is better. Every figure must be decided here (a new one does not compile
     * until it is): retention, profit and net word of mouth up are good; the top-20% share describes how revenue is
     * spread, which is neither good nor bad in itself.
     */
    static Direction direction(KeyFigure f) {
        return switch (f) {
            case FINAL_RETENTION, NET_WOM, CUMULATIVE_PROFIT -> Direction.HIGHER_IS_BETTER;
            case TOP20_SHARE -> Direction.NEUTRAL;
        };
    }

    /** As {@link #judge(KeyFigure, double)}, unclear when the difference's 95% interval includes zero. */
    static Judgement judge(KeyFigure f, PairedDifference d) {
        Judgement j = judge(f, d.mean());
        return d.containsZero() && (j == Judgement.GOOD || j == Judgement.BAD) ? Judgement.UNCLEAR : j;
    }

    static Judgement judge(KeyFigure f, double difference) {
        Direction d = direction(f);
        if (d == Direction.NEUTRAL) {
            return Judgement.NEUTRAL;
        }
        if (difference == 0 || !Double.isFinite(difference)) {
            return Judgement.FLAT;
        }
        return (difference > 0) == (d == Direction.HIGHER_IS_BETTER) ? Judgement.GOOD : Judgement.BAD;
    }

    static KeyFigureTable of(RunResult result) {
        List<String> columns = new ArrayList<>();
        for (KeyFigure f : KeyFigure.values()) {
            columns.add(f.label());
        }
        String currency = result.currency();
        List<Row> rows = new ArrayList<>();
        for (StrategyFigures s : StrategyFigures.of(result.metrics())) {
            List<Cell> cells = new ArrayList<>();
            for (KeyFigure f : KeyFigure.values()) {
                MeanInterval value = s.finalValue(f);
                PairedDifference d = s.difference(f).orElse(null);
                String valueInterval = value.hasInterval()
                        ? interval(format(f, value.low(), false, currency), format(f, value.high(), false, currency)) : null;
                String differenceInterval = d != null && d.hasInterval()
                        ? interval(format(f, d.low(), true, currency), format(f, d.high(), true, currency)) : null;
                cells.add(new Cell(f.jsonName(), finite(value.mean()), format(f, value.mean(), false, currency), valueInterval,
                        d == null ? null : finite(d.mean()), d == null ? null : format(f, d.mean(), true, currency),
                        differenceInterval, d == null ? null : judge(f, d).name().toLowerCase(java.util.Locale.ROOT)));
            }
            rows.add(new Row(s.strategy(), s.baseline(), cells));
        }
        return new KeyFigureTable(columns, rows, result.metrics().replications());
    }

    /** "95%: +7.7 pp to +8.4 pp", each number kept on one line with its unit. */
    private static String interval(String low, String high) {
        return "95%: " + low.replace(' ', '\u00a0') + " to " + high.replace(' ', '\u00a0');
    }

    /** JSON has no NaN: a missing figure is null (its text says "–"). */
    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }

    private static String format(KeyFigure f, double value, boolean difference, String currency) {
        if (f.unit() == KeyFigure.Unit.SHARE) {
            return difference ? Formats.points(value) : Formats.percent(value);
        }
        return Formats.compact(value, difference) + " " + currency;
    }
}
