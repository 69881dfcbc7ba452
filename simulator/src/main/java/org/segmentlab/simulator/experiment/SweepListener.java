package org.segmentlab.simulator.experiment;

/** Hears a sweep's progress: a progress bar, a test that interrupts a sweep halfway. */
public interface SweepListener {

    SweepListener NONE = new SweepListener() { };

    /** A worker starts a point (called on the worker's thread). */
    default void pointStarted(SweepPoint point) {
    }

    /** A worker finished a point (called on the worker's thread). */
    default void pointFinished(SweepPoint point) {
    }

    /**
     * The point's rows are in the CSV (called on the sweep's thread). {@code done} counts the points in the file,
     * those found by a resume included, of {@code total}.
     */
    default void pointWritten(SweepPoint point, int done, int total) {
    }
}
