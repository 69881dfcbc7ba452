/**
 * The report folder (metrics.csv, summary.json, report.html, the resolved scenario and every chart) and the
 * {@link org.segmentlab.reports.output.OutputFolder} every output folder is written with: atomically, marked as
 * SegmentLab's, and never replacing a folder SegmentLab did not write.
 */
package org.segmentlab.reports.output;
