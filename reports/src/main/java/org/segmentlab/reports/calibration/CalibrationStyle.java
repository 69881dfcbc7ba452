package org.segmentlab.reports.calibration;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.segmentlab.reports.chart.ChartStyle;
import org.segmentlab.reports.chart.Formats;
import org.segmentlab.reports.chart.Palette;

/**
 * The calibration charts' shared conventions on top of {@link ChartStyle}: observed data in blue and solid, the
 * model in vermillion (dashed where both are lines), periods on the x axis with ticks suited to the unit, and
 * the end of calibration as a dashed vertical line over a lightly shaded holdout.
 */
final class CalibrationStyle {
    static final Color OBSERVED = Palette.BLUE;
    static final Color MODEL = Palette.VERMILLION;
    /** The shading of the holdout period, light enough to keep grid lines visible. */
    static final Color HOLDOUT = new Color(0xF2F2F2);
    static final Stroke OBSERVED_STROKE = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final Stroke MODEL_STROKE = new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 5f}, 0f);
    static final Stroke MARKER_STROKE = new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {5f, 4f}, 0f);
    static final Shape DOT = new Ellipse2D.Double(-4.5, -4.5, 9, 9);
    static final Shape SQUARE = new Rectangle2D.Double(-4, -4, 8, 8);
    static final Font VALUE_LABEL = ChartStyle.CELL_SMALL;
    /** The labels either side of the calibration-end line. */
    static final String CALIBRATION = "calibration";
    static final String HOLDOUT_LABEL = "holdout";
    /** At most this many tick intervals on a value axis. */
    static final int MAX_TICKS = 10;

    private CalibrationStyle() {
    }

    /** "week" → "Week". */
    static String capitalised(String unit) {
        return unit.substring(0, 1).toUpperCase(Locale.ROOT) + unit.substring(1);
    }

    /** "week" → "weeks" when {@code count} is not 1. */
    static String plural(String unit, long count) {
        return count == 1 ? unit : unit.endsWith("y") && !unit.endsWith("ay") ? unit.substring(0, unit.length() - 1) + "ies" : unit + "s";
    }

    /**
     * An x axis of periods from {@code low} to {@code high} with one fixed tick size chosen so that at most about ten
     * ticks show, in steps natural for the unit (weeks by 13 = a quarter, months by 3, 6, 12 …).
     */
    static NumberAxis periodAxis(String unit, double low, double high) {
        NumberAxis axis = new NumberAxis(capitalised(unit));
        ChartStyle.styleAxis(axis);
        axis.setRange(low, high);
        axis.setLowerMargin(0);
        axis.setUpperMargin(0);
        double[] steps = switch (unit) {
            case "week" -> new double[] {1, 2, 4, 13, 26, 52, 104, 260, 520};
            case "month" -> new double[] {1, 2, 3, 6, 12, 24, 60, 120, 240};
            case "day" -> new double[] {1, 2, 7, 14, 28, 91, 182, 364, 728, 1820};
            case "quarter" -> new double[] {1, 2, 4, 8, 20, 40};
            default -> new double[] {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000};
        };
        double span = high - low;
        double step = steps[steps.length - 1];
        for (double s : steps) {
            if (span / s <= 10) {
                step = s;
                break;
            }
        }
        axis.setTickUnit(new NumberTickUnit(step, Formats.pattern("0")), false, false);
        axis.setAutoTickUnitSelection(false);
        return axis;
    }

    /** A category axis for groups drawn at x = 0 … n − 1, every label shown, no grid bands. */
    static SymbolAxis groupAxis(String label, String[] groups) {
        SymbolAxis axis = new SymbolAxis(label, groups);
        axis.setGridBandsVisible(false);
        axis.setRange(-0.6, groups.length - 0.4);
        ChartStyle.styleAxis(axis);
        return axis;
    }

    /**
     * A value axis from zero to {@code max} plus {@code headroom} (a share of max, room for labels above the
     * data) with a fixed tick size giving at most {@value #MAX_TICKS} ticks: JFreeChart's own choice packs the
     * ticks as tightly as the labels allow, which at slide size means a dozen or more.
     */
    static NumberAxis zeroBasedAxis(String label, TickUnitSource ticks, double max, double headroom) {
        NumberAxis axis = ChartStyle.valueAxis(label, ticks);
        double upper = max > 0 && Double.isFinite(max) ? max * (1 + headroom) : 1;
        axis.setRange(0, upper);
        axis.setTickUnit((NumberTickUnit) ticks.getCeilingTickUnit(upper / MAX_TICKS), false, false);
        axis.setAutoTickUnitSelection(false);
        return axis;
    }

    /** The largest finite value of the arrays, 0 when there is none. */
    static double max(double[]... arrays) {
        double max = 0;
        for (double[] values : arrays) {
            for (double v : values) {
                if (Double.isFinite(v) && v > max) {
                    max = v;
                }
            }
        }
        return max;
    }

    /** Tick units for small positive values such as densities: 0.0001 … 10, with just enough decimals. */
    static TickUnitSource decimalTicks() {
        TickUnits units = new TickUnits();
        for (double magnitude = 1e-6; magnitude < 100; magnitude *= 10) {
            for (double factor : new double[] {1, 2, 2.5, 5}) {
                double size = magnitude * factor;
                int decimals = Math.max(0, (int) Math.ceil(-Math.log10(size) - 1e-9) + (factor == 2.5 ? 1 : 0));
                units.add(new NumberTickUnit(size, Formats.pattern(decimals == 0 ? "0" : "0." + "0".repeat(decimals))));
            }
        }
        return units;
    }

    /**
     * Marks the end of calibration at {@code x}: the holdout (x to {@code end}) lightly shaded behind the data, a
     * dashed line at x, and at the top of the plot "calibration" just left of the line and "holdout" just right
     * of it, so line and labels read "calibration | holdout".
     *
     * @return the two markers at x: the line labelled {@code before}, and an invisible one labelled {@code after}
     */
    static List<ValueMarker> markCalibrationEnd(XYPlot plot, double x, double end) {
        return markSplit(plot, x, end, CALIBRATION, HOLDOUT_LABEL);
    }

    /**
     * {@link #markCalibrationEnd} with other words either side. Two labels rather than one centred on the line:
     * a browser draws an SVG's text in its own font, a little wider or narrower than Java measured, and a centred
     * "|" would drift off the line; text that starts or ends beside the line stays beside it.
     */
    static List<ValueMarker> markSplit(XYPlot plot, double x, double end, String before, String after) {
        if (end > x) {
            IntervalMarker holdout = new IntervalMarker(x, end, HOLDOUT);
            holdout.setOutlinePaint(null);
            plot.addDomainMarker(holdout, Layer.BACKGROUND);
        }
        ValueMarker line = new ValueMarker(x, Palette.INK, MARKER_STROKE);
        // The label offset is applied to the line's zero-width box and turns it inside out: its left edge lies 5 px
        // left of the line, its right edge 5 px right (checked on the rendered PNG).
        label(line, before, RectangleAnchor.TOP_LEFT, TextAnchor.TOP_RIGHT);
        ValueMarker right = new ValueMarker(x, Palette.withAlpha(Palette.INK, 0), new BasicStroke(0f));
        label(right, after, RectangleAnchor.TOP_RIGHT, TextAnchor.TOP_LEFT);
        plot.addDomainMarker(line, Layer.FOREGROUND);
        plot.addDomainMarker(right, Layer.FOREGROUND);
        return List.of(line, right);
    }

    private static void label(ValueMarker marker, String text, RectangleAnchor anchor, TextAnchor textAnchor) {
        marker.setLabel(text);
        marker.setLabelFont(ChartStyle.NOTE);
        marker.setLabelPaint(Palette.INK);
        marker.setLabelBackgroundColor(Palette.withAlpha(Color.WHITE, 0));
        marker.setLabelAnchor(anchor);
        marker.setLabelTextAnchor(textAnchor);
        marker.setLabelOffset(new RectangleInsets(6, 5, 0, 5));
    }
}
