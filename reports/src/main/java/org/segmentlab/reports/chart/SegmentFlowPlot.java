package org.segmentlab.reports.chart;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.PlotState;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.TextAnchor;

/**
 * A two-column flow (Sankey) diagram of segment switches: left nodes are the segment before, right nodes the
 * segment after, band widths proportional to the flows, each band in the flat colour of its source segment.
 * Drawn here rather than with JFreeChart's {@code FlowPlot} to keep labels and counts outside the bands and the
 * fills flat (FlowPlot fades every flow with a gradient).
 */
final class SegmentFlowPlot extends Plot {
    private static final long serialVersionUID = 1L;
    private static final double NODE_WIDTH = 14;
    private static final double NODE_GAP = 12;
    private static final double LABEL_ROOM = 170;
    private static final double HEADER = 26;

    private final List<String> segments;
    private final double[][] flows;
    private final String leftHeader;
    private final String rightHeader;

    /**
     * @param segments the node names, in taxonomy order (colours by that order)
     * @param flows    [from][to] non-negative amounts; the diagonal is ignored
     */
    public SegmentFlowPlot(List<String> segments, double[][] flows, String leftHeader, String rightHeader) {
        this.segments = List.copyOf(segments);
        this.flows = new double[segments.size()][];
        for (int i = 0; i < segments.size(); i++) {
            this.flows[i] = flows[i].clone();
            this.flows[i][i] = 0;
        }
        this.leftHeader = leftHeader;
        this.rightHeader = rightHeader;
        setOutlineVisible(false);
        setBackgroundPaint(Color.WHITE);
    }

    /** The total of all drawn flows. */
    public double total() {
        double total = 0;
        for (double[] row : flows) {
            for (double f : row) {
                total += f;
            }
        }
        return total;
    }

    @Override
    public String getPlotType() {
        return "Segment flow";
    }

    @Override
    public LegendItemCollection getLegendItems() {
        return null;
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, PlotState parentState, PlotRenderingInfo info) {
        getInsets().trim(area);
        int n = segments.size();
        double[] out = new double[n];
        double[] in = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i] += flows[i][j];
                in[j] += flows[i][j];
            }
        }
        double total = total();
        double left = area.getX() + LABEL_ROOM;
        double right = area.getMaxX() - LABEL_ROOM - NODE_WIDTH;
        double top = area.getY() + HEADER;

        g2.setFont(ChartStyle.AXIS_LABEL);
        g2.setPaint(ChartStyle.SUBTITLE_INK);
        TextUtils.drawAlignedString(leftHeader, g2, (float) (left + NODE_WIDTH), (float) area.getY(), TextAnchor.TOP_RIGHT);
        TextUtils.drawAlignedString(rightHeader, g2, (float) right, (float) area.getY(), TextAnchor.TOP_LEFT);
        if (!(total > 0)) {
            g2.setFont(ChartStyle.AXIS_LABEL);
            TextUtils.drawAlignedString("No customer changed segment", g2, (float) area.getCenterX(), (float) area.getCenterY(), TextAnchor.CENTER);
            return;
        }
        int leftNodes = countPositive(out);
        int rightNodes = countPositive(in);
        double height = area.getMaxY() - top;
        double scale = (height - NODE_GAP * (Math.max(leftNodes, rightNodes) - 1)) / total;

        double[] leftY = layout(out, top, scale, height);
        double[] rightY = layout(in, top, scale, height);

        // bands first, so nodes and labels sit on top
        double[] rightOffset = new double[n];
        double middle = (left + NODE_WIDTH + right) / 2;
        for (int i = 0; i < n; i++) {
            double offset = 0;
            for (int j = 0; j < n; j++) {
                double f = flows[i][j];
                if (!(f > 0)) {
                    continue;
                }
                double h = f * scale;
                double y0 = leftY[i] + offset;
                double y1 = rightY[j] + rightOffset[j];
                Path2D band = new Path2D.Double();
                band.moveTo(left + NODE_WIDTH, y0);
                band.curveTo(middle, y0, middle, y1, right, y1);
                band.lineTo(right, y1 + h);
                band.curveTo(middle, y1 + h, middle, y0 + h, left + NODE_WIDTH, y0 + h);
                band.closePath();
                g2.setPaint(Palette.withAlpha(colour(i), 190)); // the light segment colours need more than half opacity
                g2.fill(band);
                offset += h;
                rightOffset[j] += h;
            }
        }
        g2.setFont(ChartStyle.LEGEND);
        FontMetrics metrics = g2.getFontMetrics();
        for (int i = 0; i < n; i++) {
            if (out[i] > 0) {
                node(g2, i, left, leftY[i], out[i] * scale);
                label(g2, metrics, i, out[i], left - 8, leftY[i] + out[i] * scale / 2, TextAnchor.CENTER_RIGHT);
            }
            if (in[i] > 0) {
                node(g2, i, right, rightY[i], in[i] * scale);
                label(g2, metrics, i, in[i], right + NODE_WIDTH + 8, rightY[i] + in[i] * scale / 2, TextAnchor.CENTER_LEFT);
            }
        }
    }

    private static int countPositive(double[] values) {
        int count = 0;
        for (double v : values) {
            if (v > 0) {
                count++;
            }
        }
        return count;
    }

    /** Top y of each node: stacked in order with gaps, the column centred vertically. */
    private static double[] layout(double[] totals, double top, double scale, double height) {
        double used = 0;
        int nodes = 0;
        for (double v : totals) {
            if (v > 0) {
                used += v * scale;
                nodes++;
            }
        }
        used += NODE_GAP * Math.max(0, nodes - 1);
        double y = top + (height - used) / 2;
        double[] out = new double[totals.length];
        for (int i = 0; i < totals.length; i++) {
            out[i] = y;
            if (totals[i] > 0) {
                y += totals[i] * scale + NODE_GAP;
            }
        }
        return out;
    }

    private void node(Graphics2D g2, int segment, double x, double y, double h) {
        g2.setPaint(colour(segment));
        g2.fill(new Rectangle2D.Double(x, y, NODE_WIDTH, Math.max(h, 1)));
    }

    /** The segment's colour; the "new" origin (acquisitions, not a segment) neutral grey. */
    private Color colour(int node) {
        return segments.get(node).equals(Transitions.NEW) && node == segments.size() - 1 ? Palette.GREY : Palette.segment(node);
    }

    private void label(Graphics2D g2, FontMetrics metrics, int segment, double amount, double x, double y, TextAnchor anchor) {
        g2.setPaint(Palette.INK);
        g2.setFont(ChartStyle.LEGEND);
        TextUtils.drawAlignedString(segments.get(segment), g2, (float) x, (float) (y - metrics.getHeight() / 2.0 + 2), anchor);
        g2.setFont(ChartStyle.NOTE);
        g2.setPaint(ChartStyle.SUBTITLE_INK);
        TextUtils.drawAlignedString(Formats.amount(amount), g2, (float) x, (float) (y + metrics.getHeight() / 2.0), anchor);
    }
}
