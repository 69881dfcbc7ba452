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
 * Retention of a cohort: the observed share still a customer (blue dots) against the shifted-beta-geometric
 * fit (vermillion), solid over the observed periods and dashed where it projects beyond them.
 */
final class SurvivalChart {
    public static final String ID = "survival";
    public static final String OBSERVED = "Observed";
    public static final String MODEL = "sBG fit";
    public static final String PROJECTION = "sBG projection";

    private SurvivalChart() {
    }

    public static ReportChart of(SurvivalSeries survival) {
        double[] t = survival.period();
        int seen = survival.observedLength();
        XYSeries observed = new XYSeries(OBSERVED, false, false);
        XYSeries fitted = new XYSeries(MODEL, false, false);
        XYSeries projection = new XYSeries(PROJECTION, false, false);
        for (int i = 0; i < t.length; i++) {
            if (i < seen) {
                observed.add(t[i], survival.observedSurvival()[i]);
                fitted.add(t[i], survival.fittedSurvival()[i]);
            }
            // the projection starts at the last observed period so the two pieces join
            if (i >= seen - 1 && survival.hasProjection()) {
                projection.add(t[i], survival.fittedSurvival()[i]);
            }
        }
        XYSeriesCollection dataset = new XYSeriesCollection();
        dataset.addSeries(observed);
        dataset.addSeries(fitted);
        if (survival.hasProjection()) {
            dataset.addSeries(projection);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, CalibrationStyle.OBSERVED);
        renderer.setSeriesStroke(0, CalibrationStyle.OBSERVED_STROKE);
        renderer.setSeriesShape(0, CalibrationStyle.DOT);
        // observed as dots only, so the fitted line stays visible where the two agree
        renderer.setSeriesShapesVisible(0, true);
        renderer.setSeriesLinesVisible(0, false);
        renderer.setSeriesPaint(1, CalibrationStyle.MODEL);
        renderer.setSeriesStroke(1, CalibrationStyle.OBSERVED_STROKE);
        renderer.setSeriesPaint(2, CalibrationStyle.MODEL);
        renderer.setSeriesStroke(2, CalibrationStyle.MODEL_STROKE);

        String unit = survival.unit();
        // a little room beyond the first and last period so their dots are not cut at the plot's edge
        double pad = 0.015 * (t[t.length - 1] - t[0]);
        NumberAxis x = CalibrationStyle.periodAxis(unit, t[0] - pad, t[t.length - 1] + pad);
        NumberAxis y = ChartStyle.valueAxis("Still a customer (% of the cohort)", Formats.percentTicks());
        y.setRange(0, 1.02);
        XYPlot plot = ChartStyle.xyPlot(x, y, renderer);
        plot.setDataset(dataset);
        long observedTo = Math.round(t[seen - 1]);
        if (survival.hasProjection()) {
            CalibrationStyle.markSplit(plot, t[seen - 1], t[t.length - 1], "observed", "projected");
        }

        String title = "Retention: shifted-beta-geometric fit";
        String subtitle = "Share of the cohort still a customer after each " + unit + " · observed to " + unit + " " + observedTo
                + (survival.hasProjection() ? " · dashed: projection to " + unit + " " + Math.round(t[t.length - 1]) : "");
        JFreeChart chart = ChartStyle.chart(title, subtitle, plot, true);
        String caption = "The share of a cohort still a customer after each " + unit + ", observed and as the shifted-beta-geometric model (each "
                + "customer churns with a constant probability drawn from a beta distribution) fits it"
                + (survival.hasProjection() ? "; past " + unit + " " + observedTo + " the dashed line projects the fit forward." : ".");
        return new ReportChart(ID, title, caption, chart);
    }
}
