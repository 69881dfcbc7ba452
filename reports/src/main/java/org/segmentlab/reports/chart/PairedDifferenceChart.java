package org.segmentlab.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.segmentlab.reports.table.KeyFigure;
import org.segmentlab.reports.table.PairedDifference;
import org.segmentlab.reports.table.PairedDifferences;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.metrics.RunResult;

/**
 * Each strategy minus the baseline (the first strategy), paired by replication, as a forest plot: one panel per
 * key figure, a dot for the mean difference and a whisker for its 95% interval, the zero line emphasised. Shares
 * are shown in percentage points, profit in the scenario's currency. Needs at least two strategies.
 */
public final class PairedDifferenceChart {
    public static final String ID = "differences";

    /** The scale note of the subtitle and caption: which panels share a scale. */
    static final String SCALE_NOTE = "all pp panels on one scale";

    private static final List<KeyFigure> PANELS = List.of(KeyFigure.FINAL_RETENTION, KeyFigure.CUMULATIVE_PROFIT, KeyFigure.TOP20_SHARE,
            KeyFigure.NET_WOM);

    private PairedDifferenceChart() {
    }

    /** Whether the chart can be drawn: two or more strategies. */
    public static boolean applies(RunResult result) {
        return result.metrics().strategies().size() > 1;
    }

    public static ReportChart of(RunResult result) {
        MetricsTable table = result.metrics();
        if (!applies(result)) {
            throw new IllegalArgumentException("a difference to the baseline needs at least two strategies");
        }
        List<String> strategies = table.strategies();
        String baseline = strategies.get(0);
        int replications = table.replications();
        // one scale per unit: every percentage-point panel on the same range, so +0.1 pp is drawn a tenth as wide
        // as +1 pp whichever panel it is in; the money panel has its own
        Map<KeyFigure, double[][]> points = new EnumMap<>(KeyFigure.class);
        Map<KeyFigure.Unit, double[]> ranges = new EnumMap<>(KeyFigure.Unit.class);
        for (KeyFigure figure : PANELS) {
            double[][] p = points(table, figure);
            points.put(figure, p);
            double[] range = ranges.computeIfAbsent(figure.unit(), u -> new double[] {0, 0});
            for (double[] point : p) {
                if (point != null) {
                    range[0] = Math.min(range[0], point[1]);
                    range[1] = Math.max(range[1], point[2]);
                }
            }
        }
        List<JFreeChart> panels = new ArrayList<>();
        for (KeyFigure figure : PANELS) {
            panels.add(panel(table, figure, points.get(figure), axisRange(ranges.get(figure.unit()), figure.unit()), result.currency()));
        }
        PanelGridPlot grid = new PanelGridPlot(panels, 2, null);
        // the message as the title where the run has one; the baseline is always named in the subtitle
        String title = MessageTitles.differences(table, result.currency()).orElse("Difference to the baseline \u201c" + baseline + "\u201d");
        String subtitle = replications > 1
                ? "Strategy minus \u201c" + baseline + "\u201d at month " + table.months() + ", paired by replication: dot = mean, whisker = 95% interval over "
                        + replications + " replications"
                : "Strategy minus \u201c" + baseline + "\u201d at month " + table.months() + " · no interval: 1 replication";
        subtitle += " · " + SCALE_NOTE;
        JFreeChart chart = ChartStyle.chart(title, subtitle, grid, false);
        String caption = "Each strategy minus \u201c" + baseline + "\u201d at month " + table.months() + " (common random numbers, differences taken per replication): "
                + (replications > 1 ? "mean and 95% interval (mean ± t·sd/√R, R = " + replications + "); a whisker that crosses the zero line means no clear difference"
                        : "no interval: 1 replication")
                + "; shares in percentage points, profit in " + result.currency() + "; " + SCALE_NOTE + ".";
        return new ReportChart(ID, title, caption, chart);
    }

    /** The value above its dot, growing toward the middle of the panel so it is never cut at an edge. */
    private static XYTextAnnotation label(double[] point, int row, boolean share, double position) {
        double mean = point[0];
        boolean interval = point[3] > 0;
        String text;
        if (share) {
            NumberFormat signed = Formats.pattern("+0.0;" + Formats.MINUS + "0.0");
            NumberFormat plain = Formats.pattern("0.0;" + Formats.MINUS + "0.0");
            text = signed.format(mean) + " pp" + (interval ? "  [" + plain.format(point[1]) + ", " + plain.format(point[2]) + "]" : "");
        } else {
            text = Formats.compact(mean, true) + (interval ? "  [" + Formats.compact(point[1], false) + ", " + Formats.compact(point[2], false) + "]" : "");
        }
        XYTextAnnotation label = new XYTextAnnotation(text, mean, row - 0.2);
        label.setFont(ChartStyle.NOTE);
        label.setPaint(Palette.INK);
        label.setBackgroundPaint(Color.WHITE);
        label.setTextAnchor(position < 0.3 ? TextAnchor.BOTTOM_LEFT : position > 0.7 ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_CENTER);
        return label;
    }

    /**
     * Per compared strategy (row = strategy index − 1): {mean, low, high, 1 if an interval else 0} in the panel's
     * unit (percentage points for shares), or null when the difference is not finite.
     */
    private static double[][] points(MetricsTable table, KeyFigure figure) {
        List<String> strategies = table.strategies();
        double factor = figure.unit() == KeyFigure.Unit.SHARE ? 100 : 1;
        double[][] points = new double[strategies.size() - 1][];
        for (int s = 1; s < strategies.size(); s++) {
            PairedDifference d = PairedDifferences.of(table, strategies.get(s), figure.metricKey());
            double mean = d.mean() * factor;
            if (Double.isFinite(mean)) {
                double low = d.hasInterval() ? d.low() * factor : mean;
                double high = d.hasInterval() ? d.high() * factor : mean;
                points[s - 1] = new double[] {mean, low, high, d.hasInterval() ? 1 : 0};
            }
        }
        return points;
    }

    /** The axis range for data in [lo, hi] (which holds zero), with room on both sides so zero is never on an edge. */
    private static double[] axisRange(double[] data, KeyFigure.Unit unit) {
        double lo = data[0];
        double hi = data[1];
        double span = hi - lo > 0 ? hi - lo : Math.max(Math.abs(hi), 1e-9 + (unit == KeyFigure.Unit.SHARE ? 1 : 1000));
        return new double[] {lo - 0.12 * span, hi + 0.12 * span};
    }

    private static JFreeChart panel(MetricsTable table, KeyFigure figure, double[][] points, double[] range, String currency) {
        List<String> strategies = table.strategies();
        int rows = strategies.size() - 1;
        boolean share = figure.unit() == KeyFigure.Unit.SHARE;
        XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(true);
        renderer.setDrawYError(false);
        renderer.setDefaultLinesVisible(false);
        renderer.setDefaultShapesVisible(true);
        renderer.setCapLength(10);
        renderer.setErrorStroke(new BasicStroke(2.5f));
        String[] names = new String[rows];
        for (int s = 1; s < strategies.size(); s++) {
            int row = s - 1;
            names[row] = strategies.get(s);
            XYIntervalSeries series = new XYIntervalSeries(strategies.get(s));
            if (points[row] != null) {
                series.add(points[row][0], points[row][1], points[row][2], row, row, row);
            }
            dataset.addSeries(series);
            renderer.setSeriesPaint(row, Palette.strategy(s));
            renderer.setSeriesShape(row, new Ellipse2D.Double(-5.5, -5.5, 11, 11));
        }
        double axisLow = range[0];
        double axisHigh = range[1];
        NumberAxis x = new NumberAxis(share ? "Difference (percentage points)" : "Difference (" + currency + ")");
        if (share) {
            x.setStandardTickUnits(Formats.pointTicks());
        } else {
            Formats.compactAxis(x);
        }
        x.setRange(axisLow, axisHigh);
        SymbolAxis y = new SymbolAxis(null, names);
        y.setGridBandsVisible(false);
        y.setRange(-0.7, rows - 0.4);
        y.setInverted(true);
        y.setTickMarksVisible(false);
        y.setAxisLineVisible(false);
        XYPlot plot = ChartStyle.xyPlot(x, y, renderer);
        y.setTickLabelFont(ChartStyle.AXIS_LABEL);
        plot.setDataset(dataset);
        plot.setRangeGridlinesVisible(false);
        // behind the dots and whiskers; the labels get a white box so the line never strikes through them
        ValueMarker zero = new ValueMarker(0, Palette.INK, ChartStyle.ZERO_STROKE);
        plot.addDomainMarker(zero, Layer.BACKGROUND);
        for (int row = 0; row < rows; row++) {
            if (points[row] != null) {
                plot.addAnnotation(label(points[row], row, share, (points[row][0] - axisLow) / (axisHigh - axisLow)));
            }
        }
        String title = figure.label() + (share ? " (pp)" : " (" + currency + ")");
        return StrategyLines.panel(title, plot);
    }
}
