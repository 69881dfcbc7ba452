package org.segmentlab.simulator.engine;

/**
 * Counts month-steps for a {@link RunOptions.Progress} listener. Runs that go side by side report from several
 * threads; the count and the call happen under one lock, so the listener sees {@code done} rise one call at a time.
 */
final class ProgressCount {
    private final RunOptions.Progress listener;
    private final long total;
    private long done;

    ProgressCount(RunOptions.Progress listener, long total) {
        this.listener = listener;
        this.total = total;
    }

    synchronized void advance(long steps) {
        done += steps;
        listener.advanced(done, total);
    }
}
