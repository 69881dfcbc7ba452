package org.segmentlab.reports.calibration;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.segmentlab.reports.chart.ChartStyle;
import org.segmentlab.reports.chart.Formats;
import org.segmentlab.reports.chart.ReportChart;

/**
 * Conditional expectations: mean repeat transactions in the holdout for customers grouped by their repeat
 * purchases in calibration, observed (solid blue, dots) against the BG/NBD prediction (dashed vermillion,
 * squares); group sizes in brackets under each group. Empty groups (NaN) leave a gap in the observed line.
 */
final class ConditionalExpectationChart {
    public static final String ID = "conditional-expectations";
    public static final String OBSERVED = "Observed";
    public static final String MODEL = "BG/NBD conditional expectation";

    private ConditionalExpectationChart() {
    }

    /**
     * The chart.
     *
     * @param unit           the period unit, for the subtitle
     * @param holdoutPeriods the holdout's length in periods, for the subtitle; 0 when not known
     */
    public static ReportChart of(ConditionalExpectation conditional, String unit, int holdoutPeriods) {
        XYSeries observed = new XYSeries(OBSERVED, false, true);
        XYSeries expected = new XYSeries(MODEL, false, true);
        String[] groups = new String[conditional.size()];
        int[] customers = conditional.customers();
        for (int i = 0; i < conditional.size(); i++) {
            double o = conditional.observedMeanHoldout()[i];
            // null breaks the line over an empty group rather than drawing a false zero
            observed.add(i, Double.isNaN(o) ? null : o);
            expected.add(i, conditional.expectedMeanHoldout()[i]);
            groups[i] = conditional.labels()[i] + " (" + Formats.amount(customers[i]) + ")";
        }
        XYSeriesCollection dataset = new XYSeriesCollection();
        dataset.addSeries(observed);
        dataset.addSeries(expected);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, CalibrationStyle.OBSERVED);
        renderer.setSeriesStroke(0, CalibrationStyle.OBSERVED_STROKE);
        renderer.setSeriesShape(0, CalibrationStyle.DOT);
        renderer.setSeriesPaint(1, CalibrationStyle.MODEL);
        renderer.setSeriesStroke(1, CalibrationStyle.MODEL_STROKE);
        renderer.setSeriesShape(1, CalibrationStyle.SQUARE);

        SymbolAxis x = CalibrationStyle.groupAxis("Repeat purchases in the calibration period (customers in brackets)", groups);
        NumberAxis y = CalibrationStyle.zeroBasedAxis("Holdout transactions per customer", CalibrationStyle.decimalTicks(),
                CalibrationStyle.max(conditional.observedMeanHoldout(), conditional.expectedMeanHoldout()), 0.06);
        XYPlot plot = ChartStyle.xyPlot(x, y, renderer);
        plot.setDataset(dataset);
        plot.setDomainGridlinesVisible(false);

        String title = "Holdout purchases by calibration purchases";
        String holdout = holdoutPeriods > 0 ? " over the " + holdoutPeriods + "-" + unit + " holdout" : " in the holdout";
        String subtitle = "Mean repeat transactions per customer" + holdout + " · observed vs BG/NBD prediction";
        JFreeChart chart = ChartStyle.chart(title, subtitle, plot, true);
        String caption = "Customers grouped by how many repeat purchases they made in the calibration period: how many they made on average"
                + holdout + ", observed and as the BG/NBD model predicts for each customer from their calibration history (conditional "
                + "expectation). Small groups (count in brackets) are noisy.";
        return new ReportChart(ID, title, caption, chart);
    }
}
