package org.segmentlab.reports.chart;

import java.awt.Paint;

import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;

/**
 * The horizontal bar charts of parts of a profit difference (the profit bridge, the attribution by treatment): flat
 * bars from an interval dataset, one colour per series (gains, losses, and the closing bar), and a row axis with the
 * first row on top.
 */
final class SignedBars {

    private SignedBars() {
    }

    /** Flat bars drawn from each item's y interval, series 0, 1, 2 in the given paints. */
    static XYBarRenderer renderer(Paint gain, Paint loss, Paint closing) {
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setUseYInterval(true);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setSeriesPaint(0, gain);
        renderer.setSeriesPaint(1, loss);
        renderer.setSeriesPaint(2, closing);
        return renderer;
    }

    /** The rows' names as an axis, the first on top, without tick marks or axis line. */
    static SymbolAxis rows(String[] names) {
        SymbolAxis axis = new SymbolAxis(null, names);
        axis.setGridBandsVisible(false);
        ChartStyle.styleAxis(axis);
        axis.setRange(-0.6, names.length - 0.4);
        axis.setInverted(true);
        axis.setTickMarksVisible(false);
        axis.setAxisLineVisible(false);
        return axis;
    }
}
