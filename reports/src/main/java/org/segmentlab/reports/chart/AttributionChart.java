package org.segmentlab.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
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
    private static final BasicStroke WHISKER = new BasicStroke(1.6f);

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
        // One series per colour: bars that add profit, bars that cost, the interaction.
        XYIntervalSeries gains = new XYIntervalSeries("adds profit");
        XYIntervalSeries losses = new XYIntervalSeries("costs profit");
        XYIntervalSeries together = new XYIntervalSeries("interaction");
        double low = 0;
        double high = 0;
        for (int i = 0; i < n; i++) {
            AttributionRow row = ordered.get(i);
            names[i] = label(row);
            double mean = row.value().mean();
            XYIntervalSeries series = row.isInteraction() ? together : mean >= 0 ? gains : losses;
            series.add(i, i - 0.32, i + 0.32, mean, Math.min(0, mean), Math.max(0, mean));
            boolean interval = Double.isFinite(row.value().low());
            low = Math.min(low, interval ? Math.min(mean, row.value().low()) : mean);
            high = Math.max(high, interval ? Math.max(mean, row.value().high()) : mean);
        }
        double span = high - low > 0 ? high - low : 1000;
        double axisLow = low - 0.14 * span;
        double axisHigh = high + 0.14 * span;

        XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
        dataset.addSeries(gains);
        dataset.addSeries(losses);
        dataset.addSeries(together);
        XYBarRenderer renderer = SignedBars.renderer(GAIN, LOSS, INTERACTION);
        SymbolAxis y = SignedBars.rows(names);
        NumberAxis x = new NumberAxis("Profit added, cumulative over " + result.metrics().months() + " months (" + result.currency() + ")");
        Formats.compactAxis(x);
        x.setRange(axisLow, axisHigh);
        XYPlot plot = ChartStyle.xyPlot(y, x, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        y.setTickLabelFont(ChartStyle.AXIS_LABEL);
        plot.setDataset(dataset);
        plot.setDomainGridlinesVisible(false);
        plot.addRangeMarker(new ValueMarker(0, Palette.INK, ChartStyle.ZERO_STROKE));
        // Whiskers, then labels, over the bars (annotations take the plot's (row, value) coordinates).
        for (int i = 0; i < n; i++) {
            AttributionRow row = ordered.get(i);
            if (Double.isFinite(row.value().low())) {
                double lo = row.value().low();
                double hi = row.value().high();
                plot.addAnnotation(new XYLineAnnotation(i, lo, i, hi, WHISKER, Palette.INK));
                plot.addAnnotation(new XYLineAnnotation(i - 0.14, lo, i + 0.14, lo, WHISKER, Palette.INK));
                plot.addAnnotation(new XYLineAnnotation(i - 0.14, hi, i + 0.14, hi, WHISKER, Palette.INK));
            }
        }
        for (int i = 0; i < n; i++) {
            plot.addAnnotation(valueLabel(ordered.get(i), i, axisLow, axisHigh));
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
     * +20.3M; price campaign costs 7.5M".
     */
    static String title(String strategy, List<AttributionRow> rows) {
        List<AttributionRow> parts = ordered(rows).stream().filter(r -> !r.isInteraction()).toList();
        AttributionRow best = parts.get(0);
        AttributionRow worst = parts.get(parts.size() - 1);
        String inside = "Inside " + strategy + ", ";
        if (best.value().mean() > 0 && worst.value().mean() < 0) {
            return inside + words(best) + " earn " + Formats.compact(best.value().mean(), true) + "; "
                    + words(worst) + " costs " + Formats.compact(-worst.value().mean(), false);
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

    /**
     * The mean (and interval) beside its bar, beyond its far end (whisker included); where the plot's edge leaves no
     * room there, on the other side of the zero line. Never on a bar, so always in ink.
     */
    private static XYTextAnnotation valueLabel(AttributionRow row, int i, double axisLow, double axisHigh) {
        double mean = row.value().mean();
        boolean interval = Double.isFinite(row.value().low());
        double lo = interval ? Math.min(mean, row.value().low()) : mean;
        double hi = interval ? Math.max(mean, row.value().high()) : mean;
        String text = Formats.compact(mean, true) + (interval ? "  [" + Formats.compact(row.value().low(), false) + ", "
                + Formats.compact(row.value().high(), false) + "]" : "");
        double far = mean >= 0 ? Math.max(0, hi) : Math.min(0, lo);
        double position = (far - axisLow) / (axisHigh - axisLow);
        boolean outside = mean >= 0 ? position < 0.62 : position > 0.38;
        boolean rightOf = mean >= 0 == outside;
        double at = outside ? far : mean >= 0 ? Math.min(0, lo) : Math.max(0, hi);
        XYTextAnnotation label = new XYTextAnnotation(" " + text + " ", i, at);
        label.setFont(ChartStyle.NOTE);
        label.setPaint(Palette.INK);
        label.setTextAnchor(rightOf ? TextAnchor.CENTER_LEFT : TextAnchor.CENTER_RIGHT);
        return label;
    }
}
