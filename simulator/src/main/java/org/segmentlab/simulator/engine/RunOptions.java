package org.segmentlab.simulator.engine;

/**
 * How to run (never what to simulate: that is the scenario). The strategies' results do not depend on any of these.
 *
 * @param threads     worker threads for the per-customer stages and for strategy runs side by side (≥ 1)
 * @param progress    told after every simulated month; may be {@link Progress#NONE}
 * @param attribution whether to also run the attribution variants (each non-baseline strategy with one segment's
 *                    treatment, or its advertising, set back to the baseline's): one extra strategy run per variant,
 *                    results in {@code RunResult.attribution()}; off by default (sweeps and tuners do not need it)
 */
public record RunOptions(int threads, Progress progress, boolean attribution) {

    public RunOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (progress == null) {
            progress = Progress.NONE;
        }
    }

    /** Without attribution variants. */
    public RunOptions(int threads, Progress progress) {
        this(threads, progress, false);
    }

    /** All processors, no progress reporting, no attribution. */
    public static RunOptions defaults() {
        return new RunOptions(Runtime.getRuntime().availableProcessors(), Progress.NONE);
    }

    public static RunOptions threads(int threads) {
        return new RunOptions(threads, Progress.NONE);
    }

    public RunOptions withProgress(Progress listener) {
        return new RunOptions(threads, listener, attribution);
    }

    /** These options with the attribution variants run (true) or skipped (false). */
    public RunOptions withAttribution(boolean run) {
        return new RunOptions(threads, progress, run);
    }

    /** Receives progress: {@code done} of {@code total} month-steps (burn-in and attribution variants included). */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void advanced(long done, long total);
    }
}
