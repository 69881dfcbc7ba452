package org.segmentlab.simulator.engine;

/**
 * How to run (never what to simulate: that is the scenario). Results do not depend on any of these.
 *
 * @param threads  worker threads for the per-customer stages (≥ 1)
 * @param progress told after every simulated month; may be {@link Progress#NONE}
 */
public record RunOptions(int threads, Progress progress) {

    public RunOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (progress == null) {
            progress = Progress.NONE;
        }
    }

    /** All processors, no progress reporting. */
    public static RunOptions defaults() {
        return new RunOptions(Runtime.getRuntime().availableProcessors(), Progress.NONE);
    }

    public static RunOptions threads(int threads) {
        return new RunOptions(threads, Progress.NONE);
    }

    public RunOptions withProgress(Progress listener) {
        return new RunOptions(threads, listener);
    }

    /** Receives progress: {@code done} of {@code total} month-steps (burn-in included). */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void advanced(long done, long total);
    }
}
