package org.segmentlab.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYBoxAnnotation;
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
import org.segmentlab.simulator.analysis.AttributionRow;
import org.segmentlab.simulator.analysis.TreatmentAttribution;
import org.segmentlab.simulator.metrics.RunResult;

/**
 * What each treatment adds inside one strategy: a horizontal bar per treated segment (and for the strategy's own
 * advertising), largest gain on top, green when it adds profit and vermillion when it costs, then the interaction in
 * grey at the bottom; whiskers for the 95% interval when there are replications to pair. One chart per non-baseline
 * strategy that has attribution rows ({@link TreatmentAttribution}).
 */
public final class AttributionChart {
    /** Chart ids are this prefix and the strategy's {@link ReportChart#slug}. */
    public static final String ID_PREFIX = "attribution-";

    private static final Color GAIN = Palette.BLUISH_GREEN;
    private static final Color LOSS = Palette.VERMILLION;
    private static final Color INTERACTION = Palette.GREY;

    private AttributionChart() {
    }

    /** One chart per strategy with attribution rows, in strategy order; empty when the run skipped attribution. */
    public static List<ReportChart> of(RunResult result) {
        List<ReportChart> charts = new ArrayList<>();
        List<AttributionRow> all = TreatmentAttribution.of(result);
        for (String strategy : result.metrics().strategies()) {
            List<AttributionRow> rows = all.stream().filter(r -> r.strategy().equals(strategy)).toList();
            if (!rows.isEmpty()) {
                charts.add(of(result, strategy, rows));
            }
        }
        return charts;
    }

    private static ReportChart of(RunResult result, String strategy, List<AttributionRow> rows) {
        List<AttributionRow> ordered = ordered(rows);
        int n = ordered.size();
        int replications = result.metrics().replications();
        String baseline = result.metrics().strategies().get(0);
        String[] names = new String[n];
        XYIntervalSeries whiskers = new XYIntervalSeries("95% interval");
        double low = 0;
        double high = 0;
        for (int i = 0; i < n; i++) {
            AttributionRow row = ordered.get(i);
            names[i] = label(row);
            double mean = row.value().mean();
            boolean interval = Double.isFinite(row.value().low());
            double lo = interval ? row.value().low() : mean;
            double hi = interval ? row.value().high() : mean;
            if (interval) {
                whiskers.add(mean, lo, hi, i, i, i);
            }
            low = Math.min(low, Math.min(mean, lo));
            high = Math.max(high, Math.max(mean, hi));
        }
        double span = high - low > 0 ? high - low : 1000;
        double axisLow = low - 0.14 * span;
        double axisHigh = high + 0.14 * span;

        XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
        dataset.addSeries(whiskers);
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(true);
        renderer.setDrawYError(false);
        renderer.setDefaultShapesVisible(false);
        renderer.setDefaultLinesVisible(false);
        renderer.setCapLength(8);
        renderer.setErrorPaint(Palette.INK);
        renderer.setErrorStroke(new BasicStroke(1.6f));
        renderer.setSeriesPaint(0, Palette.INK);
        NumberAxis x = new NumberAxis("Profit added, cumulative over " + result.metrics().months() + " months (" + result.currency() + ")");
        Formats.compactAxis(x);
        x.setRange(axisLow, axisHigh);
        SymbolAxis y = new SymbolAxis(null, names);
        y.setGridBandsVisible(false);
        y.setRange(-0.6, n - 0.4);
        y.setInverted(true);
        y.setTickMarksVisible(false);
        y.setAxisLineVisible(false);
        XYPlot plot = ChartStyle.xyPlot(x, y, renderer);
        y.setTickLabelFont(ChartStyle.AXIS_LABEL);
        plot.setDataset(dataset);
        plot.setRangeGridlinesVisible(false);
        plot.addDomainMarker(new ValueMarker(0, Palette.INK, ChartStyle.ZERO_STROKE), Layer.FOREGROUND);
        for (int i = 0; i < n; i++) {
            AttributionRow row = ordered.get(i);
            double mean = row.value().mean();
            Color fill = row.isInteraction() ? INTERACTION : mean >= 0 ? GAIN : LOSS;
            renderer.addAnnotation(new XYBoxAnnotation(Math.min(0, mean), i - 0.32, Math.max(0, mean), i + 0.32,
                    null, null, fill), Layer.BACKGROUND);
            plot.addAnnotation(valueLabel(row, i, axisLow, axisHigh));
        }
        String title = title(strategy, rows);
        String subtitle = "\u201c" + strategy + "\u201d minus \u201c" + strategy + "\u201d with that segment treated as in \u201c"
                + baseline + "\u201d, paired by replication"
                + (replications > 1 ? "; whisker = 95% interval over " + replications + " replications" : "; no interval: 1 replication")
                + "; interaction = the rest of the difference to \u201c" + baseline + "\u201d";
        JFreeChart chart = ChartStyle.chart(title, subtitle, plot, false);
        String caption = "What each segment's treatment adds inside \u201c" + strategy + "\u201d: its cumulative profit at month "
                + result.metrics().months() + " minus that of the same strategy with only that segment treated as in \u201c"
                + baseline + "\u201d (one extra run per treated segment, same customers and random numbers); "
                + "interaction: the part of the difference to \u201c" + baseline + "\u201d the treatments make only together"
                + (replications > 1 ? "; whiskers: 95% interval (mean ± t·sd/√R, R = " + replications + ")" : "") + "; in "
                + result.currency() + ".";
        return new ReportChart(ID_PREFIX + ReportChart.slug(strategy), title, caption, chart);
    }

    /** The parts by what they add, largest first; the interaction last. */
    static List<AttributionRow> ordered(List<AttributionRow> rows) {
        List<AttributionRow> parts = new ArrayList<>(rows.stream().filter(r -> !r.isInteraction()).toList());
        parts.sort(Comparator.comparingDouble((AttributionRow r) -> r.value().mean()).reversed());
        rows.stream().filter(AttributionRow::isInteraction).forEach(parts::add);
        return parts;
    }

    /**
     * The message: the part that earns most and the one that costs most, e.g. "Inside textbook, loyalty perks earn
     * +20.3M; price campaign costs −7.5M".
     */
    static String title(String strategy, List<AttributionRow> rows) {
        List<AttributionRow> parts = ordered(rows).stream().filter(r -> !r.isInteraction()).toList();
        AttributionRow best = parts.get(0);
        AttributionRow worst = parts.get(parts.size() - 1);
        String inside = "Inside " + strategy + ", ";
        if (best.value().mean() > 0 && worst.value().mean() < 0) {
            return inside + words(best) + " earn " + Formats.compact(best.value().mean(), true) + "; "
                    + words(worst) + " costs " + Formats.compact(worst.value().mean(), true);
        }
        if (best.value().mean() > 0) {
            return inside + words(best) + " earn the most: " + Formats.compact(best.value().mean(), true);
        }
        return inside + "every part costs; " + words(worst) + " the most: " + Formats.compact(worst.value().mean(), true);
    }

    private static String words(AttributionRow row) {
        return row.treatment().isEmpty() ? "its advertising" : row.treatment().replace('-', ' ');
    }

    private static String label(AttributionRow row) {
        if (row.isInteraction()) {
            return "interaction";
        }
        return row.treatment().isEmpty() ? "advertising" : row.segment() + ": " + row.treatment();
    }

    /** The mean (and interval) beside its bar, on the side away from zero, growing inward at the edges. */
    private static XYTextAnnotation valueLabel(AttributionRow row, int i, double axisLow, double axisHigh) {
        double mean = row.value().mean();
        boolean interval = Double.isFinite(row.value().low());
        String text = Formats.compact(mean, true) + (interval ? "  [" + Formats.compact(row.value().low(), false) + ", "
                + Formats.compact(row.value().high(), false) + "]" : "");
        double anchor = mean >= 0 ? Math.max(mean, interval ? row.value().high() : mean)
                : Math.min(mean, interval ? row.value().low() : mean);
        double position = (anchor - axisLow) / (axisHigh - axisLow);
        XYTextAnnotation label = new XYTextAnnotation(" " + text + " ", anchor, i);
        label.setFont(ChartStyle.NOTE);
        label.setPaint(Palette.INK);
        boolean right = mean >= 0 ? position < 0.62 : position < 0.38;
        label.setTextAnchor(right ? TextAnchor.CENTER_LEFT : TextAnchor.CENTER_RIGHT);
        if (!right && mean >= 0 || right && mean < 0) {
            // no room outside the bar: write on it, in white
            label.setPaint(Color.WHITE);
            label.setX(mean >= 0 ? Math.min(mean, anchor) : Math.max(mean, anchor));
        }
        return label;
    }
}
