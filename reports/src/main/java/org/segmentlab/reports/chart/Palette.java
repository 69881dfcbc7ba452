package org.segmentlab.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.util.List;

import org.segmentlab.simulator.metrics.AcquisitionChannel;

/**
 * Colours with one meaning each. Strategies are lines in the dark, saturated Okabe–Ito colours (the baseline
 * black) and each has its own dash pattern, so a strategy equal to another stays visible; segments are areas in
 * Paul Tol's light colours, none of which is a strategy colour, so "blue" never means both a strategy and a
 * segment. Strategies by their order in the scenario, segments by their order in the taxonomy: the same in every
 * chart. Past eight entries colours repeat (strategies then keep a distinct dash pattern for eight more).
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
    /** A neutral grey for reference lines and the "initial" acquisition channel. */
    public static final Color GREY = new Color(0x999999);

    /** Text and axis lines. */
    public static final Color INK = new Color(0x222222);
    /** Grid lines. */
    public static final Color GRID = new Color(0xDDDDDD);

    // Lines: dark enough to read as a 2.5 px line on white (Okabe–Ito's yellow is not; a dark grey instead).
    private static final List<Color> STRATEGIES = List.of(BLACK, BLUE, VERMILLION, BLUISH_GREEN, REDDISH_PURPLE, ORANGE, SKY_BLUE,
            new Color(0x666666));
    // Areas: light colours from Paul Tol's "light" and "pale" schemes (made for filled cells carrying labels),
    // each at least ΔE 20 (CIELAB) from every strategy colour, the first four in hues far from the first four
    // strategies, ordered so neighbouring stacked segments differ clearly.
    private static final List<Color> SEGMENTS = List.of(new Color(0xEEDD88), new Color(0xC2A5CF), new Color(0xCCDDAA), new Color(0xFFAABB),
            new Color(0xBBCC33), new Color(0xEE8866), new Color(0xBBCCEE), new Color(0xDDDDDD));
    // One dash pattern per strategy (pixels on, off, …): the baseline solid, the others broken so a line drawn
    // over an identical one lets it show through its gaps.
    private static final List<float[]> DASHES = List.of(new float[0], new float[] {12f, 6f}, new float[] {4f, 4f}, new float[] {12f, 4f, 3f, 4f},
            new float[] {2f, 5f}, new float[] {20f, 5f}, new float[] {8f, 3f, 2f, 3f, 2f, 3f}, new float[] {6f, 8f});

    private Palette() {
    }

    /** The colour of the strategy at {@code index} in the scenario. */
    public static Color strategy(int index) {
        return STRATEGIES.get(index % STRATEGIES.size());
    }

    /** The line of the strategy at {@code index}: the baseline solid, every other strategy its own dash pattern. */
    public static Stroke strategyStroke(int index) {
        return strategyStroke(index, 2.5f);
    }

    /** {@link #strategyStroke(int)} with another line width. */
    public static Stroke strategyStroke(int index, float width) {
        // past the eighth, the pattern shifts by one so colour and pattern do not repeat together before 64
        float[] dash = DASHES.get((index + index / DASHES.size()) % DASHES.size());
        if (dash.length == 0) {
            return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        }
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash.clone(), 0f);
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
