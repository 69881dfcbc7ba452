/** The report's charts, built with JFreeChart in one look (Okabe–Ito colours, slide-size fonts) and exported as PNG and SVG. */
package org.segmentlab.reports.chart;
