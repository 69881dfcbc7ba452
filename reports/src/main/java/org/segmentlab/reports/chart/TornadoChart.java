package org.segmentlab.reports.chart;

import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.segmentlab.simulator.experiment.SensitivityTable;

/**
 * Threshold sensitivity as a tornado: one row per threshold, widest swing on top; a bar from the base value of the
 * metric to its value with the threshold lowered (blue) and another to its value with the threshold raised
 * (vermillion); the base as a vertical line. Reads a {@link SensitivityTable} only.
 */
public final class TornadoChart {
    public static final String ID = "tornado";

    private TornadoChart() {
    }

    public static ReportChart of(SensitivityTable table, String metric, String currency) {
        List<SensitivityTable.Swing> swings = table.swing(metric);
        int n = swings.size();
        XYIntervalSeries lowered = new XYIntervalSeries("threshold lowered by " + percent(table.range()));
        XYIntervalSeries raised = new XYIntervalSeries("threshold raised by " + percent(table.range()));
        String[] labels = new String[n];
        double base = Double.NaN;
        for (int i = 0; i < n; i++) {
            SensitivityTable.Swing s = swings.get(i);
            // Widest on top: the domain axis runs upwards.
            int row = n - 1 - i;
            labels[row] = s.path();
            base = s.base();
            lowered.add(row, row - 0.32, row + 0.32, s.low(), Math.min(s.base(), s.low()), Math.max(s.base(), s.low()));
            raised.add(row, row - 0.32, row + 0.32, s.high(), Math.min(s.base(), s.high()), Math.max(s.base(), s.high()));
        }
        XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
        dataset.addSeries(lowered);
        dataset.addSeries(raised);
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setUseYInterval(true);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setSeriesPaint(0, Palette.withAlpha(Palette.BLUE, 200));
        renderer.setSeriesPaint(1, Palette.withAlpha(Palette.VERMILLION, 200));
        SymbolAxis thresholds = new SymbolAxis(null, labels);
        thresholds.setGridBandsVisible(false);
        ChartStyle.styleAxis(thresholds);
        NumberAxis value = MetricAxes.axis(metric, currency);
        XYPlot plot = ChartStyle.xyPlot(thresholds, value, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setDataset(dataset);
        plot.setDomainGridlinesVisible(false);
        if (Double.isFinite(base)) {
            plot.addRangeMarker(new ValueMarker(base, Palette.INK, ChartStyle.ZERO_STROKE));
        }
        String title = "Threshold sensitivity of " + MetricAxes.shortName(metric).toLowerCase(Locale.ROOT).replace("macro-f1", "macro-F1");
        String subtitle = "Each threshold shifted by ±" + percent(table.range()) + " alone, the others held · last month, strategy \u201c"
                + table.strategy() + "\u201d · line: unshifted";
        JFreeChart chart = ChartStyle.chart(title, subtitle, plot, true);
        String caption = "How " + metric + " at the last month moves when each threshold of the taxonomy is lowered or raised by "
                + percent(table.range()) + " on its own (same seed: common random numbers); widest swing on top.";
        return new ReportChart(ID + "-" + ReportChart.slug(metric), title, caption, chart);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%s%%", Formats.pattern("0.#").format(share * 100));
    }
}
