package org.segmentlab.reports.calibration;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.segmentlab.reports.chart.ChartStyle;
import org.segmentlab.reports.chart.Formats;
import org.segmentlab.reports.chart.ReportChart;

/**
 * Repeat transactions over the calibration and holdout periods, observed (solid blue) against the BG/NBD
 * expectation (dashed vermillion), with the end of calibration marked: cumulative ({@link #cumulative}) or per
 * period ({@link #incremental}).
 */
final class TrackingChart {
    public static final String CUMULATIVE_ID = "tracking-cumulative";
    public static final String INCREMENTAL_ID = "tracking-incremental";
    public static final String OBSERVED = "Observed";
    public static final String MODEL = "BG/NBD expected";
    /** Room above the lines for the calibration and holdout labels. */
    private static final double HEADROOM = 0.14;
    private static final java.awt.Stroke THIN = new java.awt.BasicStroke(1.8f, java.awt.BasicStroke.CAP_ROUND, java.awt.BasicStroke.JOIN_ROUND);

    private TrackingChart() {
    }

    /** Cumulative repeat transactions from 0 at the start of period 1. */
    public static ReportChart cumulative(TrackingSeries tracking) {
        double[] t = tracking.period();
        double origin = t[0] - 1;
        XYSeries observed = series(OBSERVED, origin, t, tracking.observedCumulative());
        XYSeries expected = series(MODEL, origin, t, tracking.expectedCumulative());
        String unit = tracking.unit();
        NumberAxis y = CalibrationStyle.zeroBasedAxis("Repeat transactions, cumulative", Formats.compactTicks(),
                CalibrationStyle.max(tracking.observedCumulative(), tracking.expectedCumulative()), HEADROOM);
        XYPlot plot = plot(tracking, observed, expected, origin, y);
        String title = "Cumulative repeat transactions";
        JFreeChart chart = ChartStyle.chart(title, subtitle(tracking), plot, true);
        String caption = "All repeat transactions up to the end of each " + unit + ", observed and as the BG/NBD model fitted to the calibration period "
                + "expects; right of the dashed line (shaded) the model forecasts a holdout period it never saw.";
        return new ReportChart(CUMULATIVE_ID, title, caption, chart);
    }

    /** Repeat transactions within each period. */
    public static ReportChart incremental(TrackingSeries tracking) {
        double[] t = tracking.period();
        XYSeries observed = series(OBSERVED, Double.NaN, t, tracking.observedIncremental());
        XYSeries expected = series(MODEL, Double.NaN, t, tracking.expectedIncremental());
        String unit = tracking.unit();
        NumberAxis y = CalibrationStyle.zeroBasedAxis("Repeat transactions per " + unit, Formats.compactTicks(),
                CalibrationStyle.max(tracking.observedIncremental(), tracking.expectedIncremental()), HEADROOM);
        XYPlot plot = plot(tracking, observed, expected, t[0] - 1, y);
        // the observed counts are noisy: a thinner line keeps the model's dashes visible through them
        ((XYLineAndShapeRenderer) plot.getRenderer()).setSeriesStroke(0, THIN);
        String title = (unit.equals("day") ? "Daily" : CalibrationStyle.capitalised(unit) + "ly") + " repeat transactions";
        JFreeChart chart = ChartStyle.chart(title, subtitle(tracking), plot, true);
        String caption = "Repeat transactions in each " + unit + ", observed and as the BG/NBD model expects; the ramp at the start is customers "
                + "still making their first purchase; right of the dashed line (shaded) is the holdout forecast.";
        return new ReportChart(INCREMENTAL_ID, title, caption, chart);
    }

    private static XYSeries series(String name, double origin, double[] t, double[] values) {
        XYSeries series = new XYSeries(name, false, false);
        if (!Double.isNaN(origin)) {
            series.add(origin, 0);
        }
        for (int i = 0; i < t.length; i++) {
            series.add(t[i], values[i]);
        }
        return series;
    }

    private static XYPlot plot(TrackingSeries tracking, XYSeries observed, XYSeries expected, double origin, NumberAxis y) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        dataset.addSeries(observed);
        dataset.addSeries(expected);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, CalibrationStyle.OBSERVED);
        renderer.setSeriesStroke(0, CalibrationStyle.OBSERVED_STROKE);
        renderer.setSeriesPaint(1, CalibrationStyle.MODEL);
        renderer.setSeriesStroke(1, CalibrationStyle.MODEL_STROKE);
        double[] t = tracking.period();
        double end = t[t.length - 1];
        NumberAxis x = CalibrationStyle.periodAxis(tracking.unit(), origin, end);
        XYPlot plot = ChartStyle.xyPlot(x, y, renderer);
        plot.setDataset(dataset);
        CalibrationStyle.markCalibrationEnd(plot, tracking.calibrationEnd(), end);
        return plot;
    }

    private static String subtitle(TrackingSeries tracking) {
        String unit = tracking.unit();
        double[] t = tracking.period();
        long first = Math.round(t[0]);
        long cal = Math.round(Math.floor(tracking.calibrationEnd()));
        long last = Math.round(t[t.length - 1]);
        StringBuilder s = new StringBuilder();
        s.append("Calibration: ").append(CalibrationStyle.plural(unit, 2)).append(' ').append(first).append('–').append(cal);
        if (last > cal) {
            s.append(" · holdout: ").append(CalibrationStyle.plural(unit, 2)).append(' ').append(cal + 1).append('–').append(last);
        }
        if (tracking.start() != null) {
            s.append(" (").append(unit).append(' ').append(first).append(" starts ").append(tracking.start()).append(')');
        }
        return s.append(" · solid: observed · dashed: BG/NBD").toString();
    }
}
