package org.segmentlab.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.util.List;

import org.segmentlab.simulator.metrics.AcquisitionChannel;

/**
 * The Okabe–Ito colour-blind-safe palette, with a fixed colour per strategy (by its order in the scenario; the
 * baseline is black) and per segment (by its order in the taxonomy), so a strategy or segment looks the same in
 * every chart. Past eight entries colours repeat and strategy lines turn dashed.
 */
public final class Palette {
    public static final Color BLACK = new Color(0x000000);
    public static final Color ORANGE = new Color(0xE69F00);
    public static final Color SKY_BLUE = new Color(0x56B4E9);
    public static final Color BLUISH_GREEN = new Color(0x009E73);
    public static final Color YELLOW = new Color(0xF0E442);
    public static final Color BLUE = new Color(0x0072B2);
    public static final Color VERMILLION = new Color(0xD55E00);
    public static final Color REDDISH_PURPLE = new Color(0xCC79A7);
    /** A neutral grey for an eighth segment and for reference lines. */
    public static final Color GREY = new Color(0x999999);

    /** Text and axis lines. */
    public static final Color INK = new Color(0x222222);
    /** Grid lines. */
    public static final Color GRID = new Color(0xDDDDDD);

    private static final List<Color> STRATEGIES = List.of(BLACK, BLUE, VERMILLION, BLUISH_GREEN, REDDISH_PURPLE, ORANGE, SKY_BLUE, YELLOW);
    private static final List<Color> SEGMENTS = List.of(BLUE, ORANGE, BLUISH_GREEN, VERMILLION, SKY_BLUE, REDDISH_PURPLE, YELLOW, GREY);

    private Palette() {
    }

    /** The colour of the strategy at {@code index} in the scenario. */
    public static Color strategy(int index) {
        return STRATEGIES.get(index % STRATEGIES.size());
    }

    /** The line of the strategy at {@code index}: solid for the first eight, then dashed, then dotted. */
    public static Stroke strategyStroke(int index) {
        return strategyStroke(index, 2.5f);
    }

    /** {@link #strategyStroke(int)} with another line width. */
    public static Stroke strategyStroke(int index, float width) {
        int round = index / STRATEGIES.size();
        if (round == 0) {
            return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        }
        float[] dash = round == 1 ? new float[] {8f, 5f} : new float[] {2f, 4f};
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    /** The colour of the segment at {@code index} in the taxonomy. */
    public static Color segment(int index) {
        return SEGMENTS.get(index % SEGMENTS.size());
    }

    /**
     * The colour of an acquisition channel, the same in every chart: initial grey, advertising sky blue,
     * imitation orange, referral bluish green, win-back reddish purple.
     */
    public static Color channel(AcquisitionChannel channel) {
        return switch (channel) {
            case INITIAL -> GREY;
            case ADVERTISING -> SKY_BLUE;
            case IMITATION -> ORANGE;
            case REFERRAL -> BLUISH_GREEN;
            case WIN_BACK -> REDDISH_PURPLE;
        };
    }

    /** {@code color} with the given alpha (0–255). */
    public static Color withAlpha(Color color, int alpha) {
        return new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha);
    }

    /** Linear blend from white (share 0) to {@code color} (share 1), for heatmap cells. */
    public static Color shade(Color color, double share) {
        double s = Double.isFinite(share) ? Math.max(0, Math.min(1, share)) : 0;
        return new Color(
                (int) Math.round(255 + (color.getRed() - 255) * s),
                (int) Math.round(255 + (color.getGreen() - 255) * s),
                (int) Math.round(255 + (color.getBlue() - 255) * s));
    }

    /** Black or white, whichever reads better on {@code background}. */
    public static Color textOn(Color background) {
        double luminance = (0.2126 * background.getRed() + 0.7152 * background.getGreen() + 0.0722 * background.getBlue()) / 255;
        return luminance < 0.5 ? Color.WHITE : INK;
    }
}
