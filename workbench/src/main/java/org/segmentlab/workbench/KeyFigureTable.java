package org.segmentlab.workbench;

import java.util.ArrayList;
import java.util.List;

import org.segmentlab.reports.chart.Formats;
import org.segmentlab.reports.table.Interval;
import org.segmentlab.reports.table.KeyFigure;
import org.segmentlab.reports.table.PairedDifference;
import org.segmentlab.reports.table.StrategyFigures;
import org.segmentlab.simulator.metrics.RunResult;

/**
 * The key-figures table as the page shows it: one row per strategy, one cell per {@link KeyFigure} with the
 * final value and, for every strategy but the baseline, the paired difference to it. Numbers are formatted here,
 * the way the report formats them, so the page and the bundle agree.
 */
record KeyFigureTable(List<String> columns, List<Row> rows) {

    /** A strategy's figures. */
    record Row(String strategy, boolean baseline, List<Cell> cells) {
    }

    /**
     * One figure: the raw value and its text; the difference to the baseline and its text (null for the baseline).
     */
    record Cell(String figure, Double value, String text, Double difference, String differenceText) {
    }

    static KeyFigureTable of(RunResult result) {
        List<String> columns = new ArrayList<>();
        for (KeyFigure f : KeyFigure.values()) {
            columns.add(f.label());
        }
        List<Row> rows = new ArrayList<>();
        for (StrategyFigures s : StrategyFigures.of(result.metrics())) {
            List<Cell> cells = new ArrayList<>();
            for (KeyFigure f : KeyFigure.values()) {
                Interval value = s.finalValue(f);
                PairedDifference d = s.difference(f).orElse(null);
                cells.add(new Cell(f.jsonName(), finite(value.mean()), format(f, value.mean(), false, result.currency()),
                        d == null ? null : finite(d.mean()), d == null ? null : format(f, d.mean(), true, result.currency())));
            }
            rows.add(new Row(s.strategy(), s.baseline(), cells));
        }
        return new KeyFigureTable(columns, rows);
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
