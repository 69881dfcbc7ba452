package org.segmentlab.reports.deck;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the largest font size at which some text fits a box, by measuring it with the fonts the machine has.
 * PowerPoint and Impress only shrink text on overflow when they open a file (and each differently); sizing it here
 * makes the deck look the same everywhere and never lets a long title run over the chart.
 *
 * <p>The deck names {@value #FAMILY}; text is measured with Liberation Sans (metrically the same) when installed,
 * else with the JVM's sans serif, which is wider and so errs on the side of fitting.
 */
final class FittedText {
    /** The font the deck's text asks for: on every PowerPoint, and mapped to Liberation Sans by LibreOffice. */
    static final String FAMILY = "Arial";
    /** Line height as a multiple of the font size, as Office and Impress lay out Arial at single spacing. */
    static final double LINE_HEIGHT = 1.2;

    private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);
    private static final String MEASURE_FAMILY = installed("Liberation Sans") ? "Liberation Sans" : Font.SANS_SERIF;
    /** Room left for the renderers' own rounding and kerning. */
    private static final double SLACK = 0.95;

    private FittedText() {
    }

    /**
     * The largest size from {@code max} down to {@code min} (whole points) at which {@code paragraphs}, wrapped at
     * word boundaries, fit {@code width × height} points with {@code gap} × size between paragraphs; {@code min}
     * when none does.
     */
    static int size(List<String> paragraphs, boolean bold, double width, double height, int max, int min, double gap) {
        for (int size = max; size > min; size--) {
            if (height(paragraphs, bold, width, size, gap) <= height) {
                return size;
            }
        }
        return min;
    }

    /** The height of {@code paragraphs} at {@code size} points, wrapped to {@code width}. */
    static double height(List<String> paragraphs, boolean bold, double width, int size, double gap) {
        int lines = 0;
        for (String p : paragraphs) {
            lines += wrap(p, bold, width, size).size();
        }
        return lines * size * LINE_HEIGHT + Math.max(0, paragraphs.size() - 1) * gap * size;
    }

    /** {@code text} broken into lines no wider than {@code width} at {@code size} (a single overlong word stays whole). */
    static List<String> wrap(String text, boolean bold, double width, int size) {
        Font font = new Font(MEASURE_FAMILY, bold ? Font.BOLD : Font.PLAIN, size);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && width(font, candidate) > width * SLACK) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /**
     * {@code text} cut at a word boundary, with "…", so that it wraps into at most {@code maxLines} lines at
     * {@code size}; unchanged when it already does.
     */
    static String truncate(String text, boolean bold, double width, int size, int maxLines) {
        List<String> lines = wrap(text, bold, width, size);
        if (lines.size() <= maxLines) {
            return text;
        }
        String kept = String.join(" ", lines.subList(0, maxLines));
        while (!kept.isEmpty() && wrap(kept + " …", bold, width, size).size() > maxLines) {
            int space = kept.lastIndexOf(' ');
            kept = space < 0 ? "" : kept.substring(0, space);
        }
        return kept + " …";
    }

    private static double width(Font font, String text) {
        return font.getStringBounds(text, CONTEXT).getWidth();
    }

    private static boolean installed(String family) {
        return new Font(family, Font.PLAIN, 12).getFamily().equals(family);
    }
}
