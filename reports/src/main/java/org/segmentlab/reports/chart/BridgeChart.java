package org.segmentlab.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.segmentlab.simulator.analysis.BridgeRow;
import org.segmentlab.simulator.analysis.ProfitBridge;
import org.segmentlab.simulator.experiment.MeanInterval;
import org.segmentlab.simulator.metrics.RunResult;

/**
 * The profit bridge of one strategy as a waterfall, read top to bottom: each component a horizontal bar from the
 * running sum before it to the running sum after it (green when it adds to the difference, vermillion when it takes
 * from it), thin connectors between them, and the total as a blue bar from zero. Whiskers show each component's 95%
 * interval (at the bar's far end) when there are replications to pair. Components that are zero in every replication
 * are left out (and named in the caption). One chart per non-baseline strategy ({@link ProfitBridge}).
 */
public final class BridgeChart {
    /** Chart ids are this prefix and the strategy's {@link ReportChart#slug}. */
    public static final String ID_PREFIX = "bridge-";

    static final Color GAIN = Palette.BLUISH_GREEN;
    static final Color LOSS = Palette.VERMILLION;
    static final Color TOTAL = Palette.BLUE;
    private static final BasicStroke WHISKER = new BasicStroke(1.6f);
    private static final BasicStroke CONNECTOR = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {3f, 3f}, 0f);
    private static final double HALF_BAR = 0.34;

    private BridgeChart() {
    }

    /** One chart per non-baseline strategy, in strategy order; empty with one strategy. */
    public static List<ReportChart> of(RunResult result) {
        List<ReportChart> charts = new ArrayList<>();
        if (!ProfitBridge.available(result.metrics())) {
            return charts;
        }
        List<String> strategies = result.metrics().strategies();
        for (String strategy : strategies.subList(1, strategies.size())) {
            charts.add(of(result, strategy, ProfitBridge.of(result.metrics(), strategy)));
        }
        return charts;
    }

    /** The lines a chart or table shows: every component that is not zero in every replication, and the total. */
    public static List<BridgeRow> shown(List<BridgeRow> rows) {
        return rows.stream().filter(r -> !r.component().isPart() || !zero(r.value())).toList();
    }

    /** The labels of the components left out of {@link #shown} because they are zero in every replication. */
    public static List<String> leftOut(List<BridgeRow> rows) {
        return rows.stream().filter(r -> r.component().isPart() && zero(r.value())).map(r -> r.component().label()).toList();
    }

    private static boolean zero(MeanInterval v) {
        // a mean of exactly zero with no spread: zero in every replication
        return v.mean() == 0 && (v.n() < 2 || (v.low() == 0 && v.high() == 0));
    }

    static ReportChart of(RunResult result, String strategy, List<BridgeRow> all) {
        String baseline = result.metrics().strategies().get(0);
        int replications = result.metrics().replications();
        int months = result.metrics().months();
        List<BridgeRow> rows = shown(all);
        int n = rows.size();
        String[] names = new String[n];
        XYIntervalSeries gains = new XYIntervalSeries("adds profit");
        XYIntervalSeries losses = new XYIntervalSeries("costs profit");
        XYIntervalSeries totals = new XYIntervalSeries("total difference");
        double[] start = new double[n];
        double[] end = new double[n];
        double running = 0;
        double low = 0;
        double high = 0;
        for (int i = 0; i < n; i++) {
            BridgeRow row = rows.get(i);
            MeanInterval v = row.value();
            boolean total = !row.component().isPart();
            names[i] = total ? "total difference" : row.component().label();
            start[i] = total ? 0 : running;
            end[i] = total ? v.mean() : running + v.mean();
            running = total ? running : end[i];
            XYIntervalSeries series = total ? totals : v.mean() >= 0 ? gains : losses;
            series.add(i, i - HALF_BAR, i + HALF_BAR, end[i], Math.min(start[i], end[i]), Math.max(start[i], end[i]));
            low = Math.min(low, Math.min(start[i], end[i]));
            high = Math.max(high, Math.max(start[i], end[i]));
            if (hasInterval(v)) {
                low = Math.min(low, start[i] + v.low());
                high = Math.max(high, start[i] + v.high());
            }
        }
        double span = high - low > 0 ? high - low : 1000;
        // room on the right for the value labels, which sit right of each bar
        double axisLow = low - 0.04 * span;
        double axisHigh = high + (replications > 1 ? 0.42 : 0.2) * span;

        XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
        dataset.addSeries(gains);
        dataset.addSeries(losses);
        dataset.addSeries(totals);
        XYBarRenderer renderer = SignedBars.renderer(GAIN, LOSS, TOTAL);
        SymbolAxis rowsAxis = SignedBars.rows(names); // the first component on top, the total at the bottom
        NumberAxis money = new NumberAxis("Difference in cumulative profit over " + months + " months (" + result.currency() + ")");
        Formats.compactAxis(money);
        money.setRange(axisLow, axisHigh);
        // at most about seven ticks: the automatic choice packs "−0.50M−0.25M" together on a wide range
        money.setTickUnit(new NumberTickUnit(tickStep((axisHigh - axisLow) / 7)), false, true);
        XYPlot plot = ChartStyle.xyPlot(rowsAxis, money, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        rowsAxis.setTickLabelFont(ChartStyle.NOTE);
        plot.setDataset(dataset);
        plot.setDomainGridlinesVisible(false);
        plot.addRangeMarker(new ValueMarker(0, Palette.INK, ChartStyle.ZERO_STROKE));
        for (int i = 0; i + 1 < n; i++) {
            if (rows.get(i + 1).component().isPart()) {
                plot.addAnnotation(new XYLineAnnotation(i + HALF_BAR, end[i], i + 1 - HALF_BAR, end[i], CONNECTOR, Palette.GREY));
            }
        }
        for (int i = 0; i < n; i++) {
            MeanInterval v = rows.get(i).value();
            double right = Math.max(start[i], end[i]);
            if (hasInterval(v)) {
                double lo = start[i] + v.low();
                double hi = start[i] + v.high();
                plot.addAnnotation(new XYLineAnnotation(i, lo, i, hi, WHISKER, Palette.INK));
                plot.addAnnotation(new XYLineAnnotation(i - 0.15, lo, i + 0.15, lo, WHISKER, Palette.INK));
                plot.addAnnotation(new XYLineAnnotation(i - 0.15, hi, i + 0.15, hi, WHISKER, Palette.INK));
                right = Math.max(right, hi);
            }
            plot.addAnnotation(valueLabel(v, i, right + 0.012 * (axisHigh - axisLow)));
        }
        String title = title(strategy, baseline, all, result.currency());
        String subtitle = "\u201c" + strategy + "\u201d minus \u201c" + baseline + "\u201d, cumulative profit over " + months
                + " months, split into parts that add up to the total; "
                + (replications > 1 ? "whisker = 95% interval over " + replications + " paired replications" : "no interval: 1 replication");
        JFreeChart chart = ChartStyle.chart(title, subtitle, plot, true);
        List<String> omitted = leftOut(all);
        String caption = "Profit bridge of \u201c" + strategy + "\u201d against \u201c" + baseline + "\u201d: month by month the margin on "
                + "sales is customer-months × purchases per customer × margin per purchase, split exactly by the Shapley value "
                + "(customer-months further by who they belong to: month-0 customers kept, or the channel that brought them); "
                + "the cost and fee lines are the differences of those costs; summed over months 1–" + months + ", in "
                + result.currency()
                + (replications > 1 ? "; whiskers: 95% interval (mean ± t·sd/√R, R = " + replications + ", paired by replication)" : "")
                + (omitted.isEmpty() ? "" : "; no difference in " + String.join(", ", omitted))
                + ". Also in bridge.csv.";
        return new ReportChart(ID_PREFIX + ReportChart.slug(strategy), title, caption, chart);
    }

    /** The smallest of 1, 2, 2.5, 5 × 10^k at or above {@code atLeast} (the steps of {@link Formats#compactTicks}). */
    static double tickStep(double atLeast) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(atLeast, 1e-9))));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= atLeast) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static boolean hasInterval(MeanInterval v) {
        return Double.isFinite(v.low()) && Double.isFinite(v.high());
    }

    /**
     * The message: how much more (or less) the strategy earns and the component that carries most of it, e.g.
     * "textbook earns +18.4M EUR more than baseline, mostly from purchases per customer". When the total's interval
     * holds zero, it says there is no clear difference and names the largest line instead.
     */
    static String title(String strategy, String baseline, List<BridgeRow> rows, String currency) {
        MeanInterval total = rows.stream().filter(r -> !r.component().isPart()).findFirst().orElseThrow().value();
        List<BridgeRow> parts = rows.stream().filter(r -> r.component().isPart()).toList();
        BridgeRow largest = null;
        for (BridgeRow r : parts) {
            if (largest == null || Math.abs(r.value().mean()) > Math.abs(largest.value().mean())) {
                largest = r;
            }
        }
        String amount = Formats.compact(Math.abs(total.mean()), false);
        boolean unclear = amount.equals("0") || (hasInterval(total) && total.low() <= 0 && total.high() >= 0);
        if (unclear) {
            return "No clear profit difference between " + strategy + " and " + baseline
                    + (largest == null || largest.value().mean() == 0 ? ""
                            : "; largest part: " + largest.component().label() + " (" + Formats.compact(largest.value().mean(), true) + ")");
        }
        double sign = Math.signum(total.mean());
        // the part pulling hardest in the direction of the total
        BridgeRow driver = null;
        for (BridgeRow r : parts) {
            if (r.value().mean() * sign > 0 && (driver == null || r.value().mean() * sign > driver.value().mean() * sign)) {
                driver = r;
            }
        }
        String head = strategy + " earns " + (sign > 0 ? "+" : "") + amount + " " + currency
                + (sign > 0 ? " more than " : " less than ") + baseline;
        return driver == null ? head : head + ", mostly from " + driver.component().label();
    }

    /** The mean (and interval) right of its bar, in ink on white so a connector never strikes through it. */
    private static XYTextAnnotation valueLabel(MeanInterval v, int i, double at) {
        String text = Formats.compact(v.mean(), true) + (hasInterval(v)
                ? "  [" + Formats.compact(v.low(), false) + ", " + Formats.compact(v.high(), false) + "]" : "");
        XYTextAnnotation label = new XYTextAnnotation(text, i, at);
        label.setFont(ChartStyle.NOTE);
        label.setPaint(Palette.INK);
        label.setBackgroundPaint(Color.WHITE);
        label.setTextAnchor(TextAnchor.CENTER_LEFT);
        return label;
    }
}
