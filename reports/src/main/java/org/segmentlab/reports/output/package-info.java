/** The report folder: metrics.csv, summary.json, report.html, the resolved scenario and every chart, written atomically. */
package org.segmentlab.reports.output;
