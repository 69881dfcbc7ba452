package org.segmentlab.reports.calibration;

import java.time.LocalDate;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardXYItemLabelGenerator;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.segmentlab.reports.chart.ChartStyle;
import org.segmentlab.reports.chart.Formats;
import org.segmentlab.reports.chart.ReportChart;

/**
 * Customers by number of repeat purchases in the calibration period: a pair of bars per count, observed (blue)
 * beside the BG/NBD expectation (vermillion), each with its value above it.
 */
final class RepeatPurchaseChart {
    public static final String ID = "repeat-purchases";
    public static final String OBSERVED = "Observed";
    public static final String MODEL = "BG/NBD expected";
    public static final String X_LABEL = "Repeat purchases in the calibration period";
    public static final String Y_LABEL = "Customers";

    /** The most bar pairs that still get value labels. */
    static final int MAX_LABELLED = 12;
    private static final double HALF_WIDTH = 0.37;
    // wide enough that the value labels of a pair (e.g. "1,411" and "1,424") do not touch
    private static final double GAP = 0.06;

    private RepeatPurchaseChart() {
    }

    /** The chart; {@code calibrationEnd} (may be null) goes into the subtitle. */
    public static ReportChart of(RepeatHistogram histogram, LocalDate calibrationEnd) {
        XYIntervalSeries observed = new XYIntervalSeries(OBSERVED);
        XYIntervalSeries expected = new XYIntervalSeries(MODEL);
        double[] obs = histogram.observedCustomers();
        double[] exp = histogram.expectedCustomers();
        double top = 0;
        for (int i = 0; i < histogram.size(); i++) {
            observed.add(i - HALF_WIDTH / 2 - GAP / 2, i - HALF_WIDTH - GAP / 2, i - GAP / 2, obs[i], 0, obs[i]);
            expected.add(i + HALF_WIDTH / 2 + GAP / 2, i + GAP / 2, i + HALF_WIDTH + GAP / 2, exp[i], 0, exp[i]);
            top = Math.max(top, Math.max(obs[i], exp[i]));
        }
        XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
        dataset.addSeries(observed);
        dataset.addSeries(expected);

        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setUseYInterval(true);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setSeriesPaint(0, CalibrationStyle.OBSERVED);
        renderer.setSeriesPaint(1, CalibrationStyle.MODEL);
        renderer.setDefaultItemLabelGenerator(new StandardXYItemLabelGenerator("{2}", Formats.pattern("0"), Formats.pattern("#,##0")));
        // beyond a dozen pairs the labels no longer fit above their bars; the axis then carries the values
        renderer.setDefaultItemLabelsVisible(histogram.size() <= MAX_LABELLED);
        renderer.setDefaultItemLabelFont(CalibrationStyle.VALUE_LABEL);
        renderer.setDefaultItemLabelPaint(org.segmentlab.reports.chart.Palette.INK);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));

        SymbolAxis x = CalibrationStyle.groupAxis(X_LABEL, histogram.labels());
        // room above the tallest bar for its label
        NumberAxis y = CalibrationStyle.zeroBasedAxis(Y_LABEL, Formats.compactTicks(), top, 0.08);
        XYPlot plot = ChartStyle.xyPlot(x, y, renderer);
        plot.setDataset(dataset);
        plot.setDomainGridlinesVisible(false);

        String title = "Repeat purchases in the calibration period";
        String subtitle = Formats.amount(histogram.observedTotal()) + " customers" + (calibrationEnd != null ? " · calibration to " + calibrationEnd : "")
                + " · observed against the BG/NBD model's expected count of customers";
        JFreeChart chart = ChartStyle.chart(title, subtitle, plot, true);
        String caption = "How many customers made 0, 1, 2 … repeat purchases (purchases after their first) in the calibration period, observed "
                + "and as the fitted BG/NBD model expects; the last bar collects the rest. Bars of equal height mean the model reproduces "
                + "the spread of purchase frequency.";
        return new ReportChart(ID, title, caption, chart);
    }
}
