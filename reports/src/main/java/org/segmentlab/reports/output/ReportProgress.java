package org.segmentlab.reports.output;

/** Told after each file of a report is written, e.g. to drive a progress bar. */
@FunctionalInterface
public interface ReportProgress {
    /** Does nothing. */
    ReportProgress NONE = (done, total, file) -> { };

    /**
     * @param done  files written so far
     * @param total files the report will have
     * @param file  the path just written, relative to the report folder
     */
    void written(int done, int total, String file);
}
