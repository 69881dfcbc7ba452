package org.segmentlab.workbench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Line2D;

import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.segmentlab.reports.chart.Palette;
import org.segmentlab.reports.chart.ReportChart;
import org.segmentlab.reports.table.MonthlyBand;
import org.segmentlab.simulator.experiment.MeanInterval;
import org.segmentlab.simulator.metrics.RunResult;

/**
 * The previous finished run of the same scenario drawn under a comparison chart, for "what did my change do?": each
 * strategy's line of the previous run, thin and faint in the strategy's colour, behind the current lines, with one
 * legend entry. Only runs with the same strategies are compared (another scenario's lines would mislead).
 */
final class PreviousRunOverlay {

    /** Faint enough that the current lines stay the message. */
    private static final int ALPHA = 90;
    private static final Color LEGEND = new Color(150, 160, 170);

    private PreviousRunOverlay() {
    }

    /** Whether {@code previous} can be drawn on {@code current}'s charts. */
    static boolean comparable(RunResult current, RunResult previous) {
        return previous != null && previous.scenarioName().equals(current.scenarioName())
                && previous.metrics().strategies().equals(current.metrics().strategies());
    }

    /** Adds the previous run's lines of {@code metric} to the chart's plot (an XY plot of strategy lines). */
    static ReportChart apply(ReportChart chart, RunResult previous, String metric) {
        XYPlot plot = (XYPlot) chart.chart().getPlot();
        LegendItemCollection legend = plot.getLegendItems();
        XYSeriesCollection dataset = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        var strategies = previous.metrics().strategies();
        for (int s = 0; s < strategies.size(); s++) {
            MonthlyBand band = MonthlyBand.of(previous.metrics(), strategies.get(s), metric);
            XYSeries series = new XYSeries("previous: " + strategies.get(s), false, true);
            for (int t = 0; t < band.length(); t++) {
                MeanInterval at = band.at(t);
                if (Double.isFinite(at.mean())) {
                    series.add(t, at.mean());
                }
            }
            dataset.addSeries(series);
            Color c = Palette.strategy(s);
            renderer.setSeriesPaint(s, new Color(c.getRed(), c.getGreen(), c.getBlue(), ALPHA));
            renderer.setSeriesStroke(s, new BasicStroke(2f));
        }
        plot.setDataset(1, dataset);
        plot.setRenderer(1, renderer);
        // drawn behind the current run's lines
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.REVERSE);
        Shape line = new Line2D.Double(-16, 0, 16, 0);
        LegendItem item = new LegendItem("previous run (faint)", null, null, null, line, new BasicStroke(2f), LEGEND);
        legend.add(item);
        plot.setFixedLegendItems(legend);
        return new ReportChart(chart.id(), chart.title(), chart.caption() + " Faint lines: the previous run of this scenario.",
                chart.chart());
    }
}
