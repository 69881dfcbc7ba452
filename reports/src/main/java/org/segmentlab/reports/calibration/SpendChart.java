package org.segmentlab.reports.calibration;

import java.util.Arrays;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.segmentlab.reports.chart.ChartStyle;
import org.segmentlab.reports.chart.Formats;
import org.segmentlab.reports.chart.Palette;
import org.segmentlab.reports.chart.ReportChart;

/**
 * Mean spend per repeat transaction across repeat customers: a histogram on the density scale (bar area = share
 * of customers) with the Gamma-Gamma density as a line. Spend is skewed, so the x axis stops at the 99th
 * percentile and the subtitle says how many customers lie beyond.
 */
public final class SpendChart {
    public static final String ID = "spend";
    public static final String OBSERVED = "Observed customers";
    public static final String MODEL = "Gamma-Gamma density";
    /** The share of customers the x axis shows at least. */
    static final double SHOWN_QUANTILE = 0.99;

    private SpendChart() {
    }

    public static ReportChart of(SpendDistribution spend) {
        double[] values = spend.observedMeanSpend().clone();
        Arrays.sort(values);
        int n = values.length;
        double cut = quantile(values, SHOWN_QUANTILE);
        double width = binWidth(values, cut);
        int bins = bins(cut, width);
        double axisHigh = bins * width;
        long[] counts = new long[bins];
        int beyond = 0;
        for (double v : values) {
            int b = (int) Math.floor(v / width);
            if (v > axisHigh) {
                beyond++;
            } else {
                // a value exactly on the right edge belongs to the last bin
                counts[Math.min(b, bins - 1)]++;
            }
        }
        XYIntervalSeries histogram = new XYIntervalSeries(OBSERVED + " (" + Formats.amount(n) + ")");
        for (int b = 0; b < bins; b++) {
            double density = counts[b] / (n * width);
            histogram.add((b + 0.5) * width, b * width, (b + 1) * width, density, 0, density);
        }
        XYIntervalSeriesCollection bars = new XYIntervalSeriesCollection();
        bars.addSeries(histogram);
        XYBarRenderer barRenderer = new XYBarRenderer();
        barRenderer.setUseYInterval(true);
        barRenderer.setBarPainter(new StandardXYBarPainter());
        barRenderer.setShadowVisible(false);
        barRenderer.setDrawBarOutline(true);
        barRenderer.setSeriesOutlinePaint(0, java.awt.Color.WHITE);
        barRenderer.setSeriesOutlineStroke(0, new java.awt.BasicStroke(0.6f));
        barRenderer.setSeriesPaint(0, Palette.withAlpha(CalibrationStyle.OBSERVED, 150));

        XYSeries density = new XYSeries(MODEL, false, false);
        double[] grid = spend.gridSpend();
        for (int i = 0; i < grid.length; i++) {
            if (grid[i] <= axisHigh) {
                density.add(grid[i], spend.fittedDensity()[i]);
            }
        }
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        lineRenderer.setSeriesPaint(0, CalibrationStyle.MODEL);
        lineRenderer.setSeriesStroke(0, CalibrationStyle.OBSERVED_STROKE);

        String currency = spend.currency();
        NumberAxis x = ChartStyle.valueAxis("Mean spend per repeat transaction (" + currency + ")", Formats.compactTicks());
        x.setAutoRangeIncludesZero(true);
        x.setRange(0, axisHigh);
        double top = 0;
        for (int b = 0; b < bins; b++) {
            top = Math.max(top, counts[b] / (n * width));
        }
        for (int i = 0; i < density.getItemCount(); i++) {
            top = Math.max(top, density.getY(i).doubleValue());
        }
        NumberAxis y = CalibrationStyle.zeroBasedAxis("Density (share of customers per " + currency + ")", CalibrationStyle.decimalTicks(), top, 0.05);
        XYPlot plot = ChartStyle.xyPlot(x, y, barRenderer);
        plot.setDataset(0, bars);
        plot.setDataset(1, new XYSeriesCollection(density));
        plot.setRenderer(1, lineRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setDomainGridlinesVisible(false);

        String title = "Mean spend per repeat transaction";
        double median = quantile(values, 0.5);
        String subtitle = Formats.amount(n) + " repeat customers · median " + money(median, currency) + " · bars " + money(width, currency) + " wide"
                + (beyond > 0 ? " · " + Formats.amount(beyond) + " above " + money(axisHigh, currency) + " not shown" : "");
        JFreeChart chart = ChartStyle.chart(title, subtitle, plot, true);
        String caption = "Each repeat customer's average spend per repeat transaction, as a histogram scaled so the bars' area is the share of "
                + "customers, and the Gamma-Gamma model's density of the same; the x axis stops at the " + Math.round(100 * SHOWN_QUANTILE)
                + "th percentile.";
        return new ReportChart(ID, title, caption, chart);
    }

    /**
     * The right end of the x axis for these mean spends (sorted ascending): the {@value #SHOWN_QUANTILE} quantile
     * rounded up to whole bars. A {@link SpendDistribution}'s density grid should reach it, or the curve stops short
     * of the bars.
     */
    public static double axisHigh(double[] sorted) {
        double cut = quantile(sorted, SHOWN_QUANTILE);
        double width = binWidth(sorted, cut);
        return bins(cut, width) * width;
    }

    private static int bins(double cut, double width) {
        return Math.max(1, (int) Math.ceil(cut / width - 1e-9));
    }

    private static String money(double value, String currency) {
        return (value >= 100 || value == Math.rint(value) ? Formats.amount(value) : Formats.pattern("0.##").format(value)) + " " + currency;
    }

    /** The q-quantile of sorted values, linear between order statistics. */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * A round bin width (1, 2, 2.5 or 5 × 10^k) near the Freedman–Diaconis width 2·IQR·n^(−1/3), kept between 8
     * and 60 bins over the shown range so the histogram is neither a comb nor a block.
     */
    static double binWidth(double[] sorted, double cut) {
        double range = cut > 0 ? cut : Math.max(1, sorted[sorted.length - 1]);
        double iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25);
        double fd = 2 * iqr * Math.pow(sorted.length, -1.0 / 3);
        double target = fd > 0 ? fd : range / 20;
        target = Math.max(range / 60, Math.min(range / 8, target));
        double magnitude = Math.pow(10, Math.floor(Math.log10(target)));
        double best = magnitude;
        for (double factor : new double[] {1, 2, 2.5, 5, 10}) {
            if (Math.abs(Math.log(factor * magnitude / target)) < Math.abs(Math.log(best / target))) {
                best = factor * magnitude;
            }
        }
        return best;
    }
}
