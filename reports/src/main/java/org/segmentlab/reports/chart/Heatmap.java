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
 * A matrix of counts drawn as cells coloured by the row share (white → blue), each cell printing its row share and
 * its count. Rows run top to bottom in the given order; an empty row is grey. For migrations the colour scale can
 * leave out the diagonal: the stays (often 90% of a row) would otherwise take the whole scale and leave the moves
 * between segments, the point of the chart, near white.
 */
final class Heatmap {
    static final Color HUE = Palette.BLUE;
    private static final Color EMPTY = new Color(0xF0F0F0);
    /** The diagonal when it is off the colour scale: a neutral grey, clearly not a shade of the scale. */
    static final Color DIAGONAL = new Color(0xD4D4D4);
    /** The z value of a diagonal cell that is off the colour scale. */
    private static final double DIAGONAL_CELL = -1;

    private Heatmap() {
    }

    /**
     * @param labels       the row and column names (same order)
     * @param counts       [row][column]
     * @param rowLabel     the y axis label (rows)
     * @param columnLabel  the x axis label (columns)
     */
    static XYPlot plot(List<String> labels, double[][] counts, String rowLabel, String columnLabel) {
        return plot(labels, labels, counts, rowLabel, columnLabel, false);
    }

    /**
     * A matrix whose rows and columns differ (e.g. the "new" origin of segment migration is a row only).
     *
     * @param offDiagonal when true the diagonal (row i, column i) is drawn grey and the colour runs from 0 to the
     *                    largest off-diagonal row share among the rows that have a diagonal ({@link #offDiagonalTop})
     */
    static XYPlot plot(List<String> rows, List<String> columns, double[][] counts, String rowLabel, String columnLabel, boolean offDiagonal) {
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
        ShareScale scale = new ShareScale(offDiagonal ? offDiagonalTop(counts, Math.min(n, m)) : 1);
        renderer.setPaintScale(scale);
        XYPlot plot = ChartStyle.xyPlot(x, y, renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double share = rowTotals[i] > 0 ? counts[i][j] / rowTotals[i] : Double.NaN;
                boolean diagonal = offDiagonal && i == j && Double.isFinite(share);
                xs[k] = j;
                ys[k] = i;
                zs[k] = diagonal ? DIAGONAL_CELL : share;
                k++;
                Color ink = Palette.textOn(scale.paintOf(zs[k - 1]));
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

    /**
     * The largest row share off the diagonal among the first {@code square} rows (those with a diagonal cell); 1 when
     * nothing moved. Rows below them (the "new" origin) do not set it: their cells above it get the full colour.
     */
    static double offDiagonalTop(double[][] counts, int square) {
        double top = 0;
        for (int i = 0; i < square; i++) {
            double total = 0;
            for (double c : counts[i]) {
                total += c;
            }
            for (int j = 0; j < counts[i].length && total > 0; j++) {
                if (j != i) {
                    top = Math.max(top, counts[i][j] / total);
                }
            }
        }
        return top > 0 ? top : 1;
    }

    /** Row share 0 → white, {@code upper} and above → full blue; NaN (empty row) → light grey; the diagonal grey. */
    static final class ShareScale implements PaintScale {
        private final double upper;

        ShareScale(double upper) {
            this.upper = upper;
        }

        Color paintOf(double share) {
            if (share == DIAGONAL_CELL) {
                return DIAGONAL;
            }
            return Double.isFinite(share) ? Palette.shade(HUE, share / upper) : EMPTY;
        }

        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return upper;
        }

        @Override
        public Paint getPaint(double value) {
            return paintOf(value);
        }
    }
}
