package org.segmentlab.reports.chart;

import java.awt.Color;
import java.awt.Paint;
import java.util.List;

import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * A square matrix of counts drawn as cells coloured by the row share (white → blue), each cell printing its row
 * share and its count. Rows run top to bottom in the given order; an empty row is grey.
 */
final class Heatmap {
    static final Color HUE = Palette.BLUE;
    private static final Color EMPTY = new Color(0xF0F0F0);

    private Heatmap() {
    }

    /**
     * @param labels       the row and column names (same order)
     * @param counts       [row][column]
     * @param rowLabel     the y axis label (rows)
     * @param columnLabel  the x axis label (columns)
     */
    static XYPlot plot(List<String> labels, double[][] counts, String rowLabel, String columnLabel) {
        return plot(labels, labels, counts, rowLabel, columnLabel);
    }

    /** A matrix whose rows and columns differ (e.g. the "new" origin of segment migration is a row only). */
    static XYPlot plot(List<String> rows, List<String> columns, double[][] counts, String rowLabel, String columnLabel) {
        int n = rows.size();
        int m = columns.size();
        double[] xs = new double[n * m];
        double[] ys = new double[n * m];
        double[] zs = new double[n * m];
        double[] rowTotals = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                rowTotals[i] += counts[i][j];
            }
        }
        SymbolAxis x = new SymbolAxis(columnLabel, columns.toArray(new String[0]));
        SymbolAxis y = new SymbolAxis(rowLabel, rows.toArray(new String[0]));
        x.setRange(-0.5, m - 0.5);
        y.setRange(-0.5, n - 0.5);
        for (SymbolAxis axis : List.of(x, y)) {
            axis.setGridBandsVisible(false);
            ChartStyle.styleAxis(axis);
            axis.setTickLabelFont(ChartStyle.AXIS_LABEL);
            axis.setTickMarksVisible(false);
            axis.setAxisLineVisible(false);
        }
        y.setInverted(true);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setBlockWidth(0.97);
        renderer.setBlockHeight(0.95);
        renderer.setPaintScale(new ShareScale());
        XYPlot plot = ChartStyle.xyPlot(x, y, renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double share = rowTotals[i] > 0 ? counts[i][j] / rowTotals[i] : Double.NaN;
                xs[k] = j;
                ys[k] = i;
                zs[k] = share;
                k++;
                Color ink = Palette.textOn(ShareScale.paintOf(share));
                String shareText = Double.isFinite(share) ? Formats.pattern("0%").format(share) : "–";
                if (Double.isFinite(share) && share > 0 && share < 0.005) {
                    shareText = "<1%";
                }
                XYTextAnnotation big = new XYTextAnnotation(shareText, j, i - 0.08);
                big.setFont(ChartStyle.CELL);
                big.setPaint(ink);
                big.setTextAnchor(TextAnchor.BOTTOM_CENTER);
                plot.addAnnotation(big);
                if (Double.isFinite(share)) {
                    XYTextAnnotation small = new XYTextAnnotation(Formats.count(counts[i][j]), j, i + 0.06);
                    small.setFont(ChartStyle.CELL_SMALL);
                    small.setPaint(ink);
                    small.setTextAnchor(TextAnchor.TOP_CENTER);
                    plot.addAnnotation(small);
                }
            }
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries("share", new double[][] {xs, ys, zs});
        plot.setDataset(dataset);
        return plot;
    }

    /** Row share 0 → white, 1 → full blue; NaN (empty row) → light grey. */
    static final class ShareScale implements PaintScale {
        static Color paintOf(double share) {
            return Double.isFinite(share) ? Palette.shade(HUE, share) : EMPTY;
        }

        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return 1;
        }

        @Override
        public Paint getPaint(double value) {
            return paintOf(value);
        }
    }
}
