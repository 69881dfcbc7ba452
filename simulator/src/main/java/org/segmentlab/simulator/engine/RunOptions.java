package org.segmentlab.simulator.engine;

/**
 * How to run (never what to simulate: that is the scenario). The strategies' results do not depend on any of these.
 *
 * @param threads     worker threads for the per-customer stages and for strategy runs side by side (≥ 1)
 * @param progress    told after every simulated month; may be {@link Progress#NONE}
 * @param attribution whether to also run the attribution variants (each non-baseline strategy with one segment's
 *                    treatment, or its advertising, set back to the baseline's): one extra strategy run per variant,
 *                    results in {@code RunResult.attribution()}; off by default (sweeps and tuners do not need it)
 * @param months      told after every month that every strategy of a replication has simulated, with the results so
 *                    far (a watched run steps its strategies in lockstep); {@link MonthListener#NONE} by default
 */
public record RunOptions(int threads, Progress progress, boolean attribution, MonthListener months) {

    public RunOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (progress == null) {
            progress = Progress.NONE;
        }
        if (months == null) {
            months = MonthListener.NONE;
        }
    }

    /** Without a month listener. */
    public RunOptions(int threads, Progress progress, boolean attribution) {
        this(threads, progress, attribution, MonthListener.NONE);
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
        return new RunOptions(threads, listener, attribution, months);
    }

    /** These options with the attribution variants run (true) or skipped (false). */
    public RunOptions withAttribution(boolean run) {
        return new RunOptions(threads, progress, run, months);
    }

    /** These options with {@code listener} told after every month (the run's results do not change). */
    public RunOptions withMonths(MonthListener listener) {
        return new RunOptions(threads, progress, attribution, listener);
    }

    /** Receives progress: {@code done} of {@code total} month-steps (burn-in and attribution variants included). */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void advanced(long done, long total);
    }

    /**
     * Receives the results so far, on the engine's thread, after each month every strategy has simulated (and after
     * each replication). A live view (the workbench's charts filling month by month) reads {@link PartialRun#result()}
     * inside the call: the engine goes on writing its arrays once the call returns.
     */
    @FunctionalInterface
    public interface MonthListener {
        MonthListener NONE = partial -> { };

        void monthDone(PartialRun partial);
    }
}
