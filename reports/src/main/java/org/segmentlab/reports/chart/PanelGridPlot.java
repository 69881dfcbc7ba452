package org.segmentlab.reports.chart;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.PlotState;

/**
 * Small multiples: draws several charts in a grid (row by row) inside one chart, which keeps the one title and
 * one legend (given here, since the panels have none of their own). JFreeChart has no grid of unrelated plots.
 */
final class PanelGridPlot extends Plot {
    private static final long serialVersionUID = 1L;

    private final transient List<JFreeChart> panels;
    private final int columns;
    private final LegendItemCollection legend;

    /**
     * @param panels  the charts to draw, row by row (each should have no legend)
     * @param columns the number of columns, at least 1
     * @param legend  the figure's legend, or null for none
     */
    public PanelGridPlot(List<JFreeChart> panels, int columns, LegendItemCollection legend) {
        if (columns < 1 || panels.isEmpty()) {
            throw new IllegalArgumentException("need at least one panel and one column");
        }
        this.panels = List.copyOf(panels);
        this.columns = columns;
        this.legend = legend;
        setOutlineVisible(false);
        setBackgroundPaint(Color.WHITE);
    }

    public List<JFreeChart> panels() {
        return panels;
    }

    @Override
    public String getPlotType() {
        return "Panel grid";
    }

    @Override
    public LegendItemCollection getLegendItems() {
        return legend;
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, PlotState parentState, PlotRenderingInfo info) {
        getInsets().trim(area);
        int rows = (panels.size() + columns - 1) / columns;
        double width = area.getWidth() / columns;
        double height = area.getHeight() / rows;
        for (int i = 0; i < panels.size(); i++) {
            int row = i / columns;
            int column = i % columns;
            Rectangle2D cell = new Rectangle2D.Double(area.getX() + column * width, area.getY() + row * height, width, height);
            panels.get(i).draw(g2, cell, null, null);
        }
    }
}
