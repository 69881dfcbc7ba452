package org.segmentlab.reports.chart;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Draws a chart at the report's logical size (800 × 500) as a 2× PNG (1600 × 1000 pixels) and as SVG (JFreeSVG).
 * Needs {@code java.awt.headless=true} on machines without a display.
 */
public final class ChartExport {
    public static final int WIDTH = 800;
    public static final int HEIGHT = 500;
    public static final int PNG_SCALE = 2;

    private ChartExport() {
    }

    /** The chart as PNG bytes, {@code WIDTH·2 × HEIGHT·2} pixels. */
    public static byte[] png(JFreeChart chart) {
        return png(chart, WIDTH, HEIGHT);
    }

    /**
     * The chart drawn on a canvas of another logical size, as a 2× PNG: a slide's 16:9 frame, where the fonts keep
     * their sizes relative to the canvas.
     */
    public static byte[] png(JFreeChart chart, int width, int height) {
        BufferedImage image = new BufferedImage(width * PNG_SCALE, height * PNG_SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g2.scale(PNG_SCALE, PNG_SCALE);
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height), null, null);
        } finally {
            g2.dispose();
        }
        return PngEncoder.encode(image, PNG_SCALE);
    }

    /**
     * The chart as an {@code <svg>} element with a viewBox (so it scales in a page); the element's id is
     * {@code id + "-svg"} and every other id is prefixed by {@code id}, so several charts can live inline in one
     * HTML document without clashing (the page uses the bare {@code id} for the chart's figure).
     */
    public static String svgElement(JFreeChart chart, String id) {
        return svgElement(chart, id, WIDTH, HEIGHT);
    }

    /**
     * As {@link #svgElement(JFreeChart, String)} on a canvas of another logical size: a smaller canvas keeps the
     * same font sizes, so its text reads larger where the page shows the chart small (the workbench's columns).
     */
    public static String svgElement(JFreeChart chart, String id, int width, int height) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix(id + "-");
        g2.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height), null, null);
        return g2.getSVGElement(id + "-svg", true, new ViewBox(0, 0, width, height), null, null);
    }

    /** A standalone SVG file's text: the XML declaration and {@link #svgElement}. */
    public static String svgDocument(String svgElement) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svgElement + "\n";
    }
}
