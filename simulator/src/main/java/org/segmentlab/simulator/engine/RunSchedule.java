package org.segmentlab.simulator.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.segmentlab.simulator.population.HeapBudget;
import org.segmentlab.simulator.population.HeapBudgetException;

/**
 * How the runs of one replication (the strategies, then the attribution variants) share the processors, all from
 * the same month-0 state. Either one after another, each run splitting its months' per-customer stages over the
 * threads; or side by side, one run per thread, each with its own {@link MonthlyStep} (its own scratch space). Side by
 * side leaves no core idle during a month's whole-market stages (acquisition, ranking, the budget walk), which a
 * chunked run cannot split. Every run is a pure function of its start state and plan and the chunk split does not
 * depend on the thread count, so both give bit-identical results.
 */
final class RunSchedule {
    private final boolean sideBySide;

    private RunSchedule(boolean sideBySide) {
        this.sideBySide = sideBySide;
    }

    /**
     * Side by side when there are several threads, at least as many runs as threads (fewer would leave cores idle
     * that the chunked split keeps busy), and the heap holds one state per thread besides the start state.
     */
    static RunSchedule of(int threads, int runs, RunBudget budget) {
        if (threads < 2 || runs < threads) {
            return new RunSchedule(false);
        }
        try {
            budget.require(HeapBudget.current(), threads + 1);
            return new RunSchedule(true);
        } catch (HeapBudgetException e) {
            return new RunSchedule(false);
        }
    }

    boolean sideBySide() {
        return sideBySide;
    }

    /**
     * Runs every plan for {@code months} months from {@code start} into its recorder. One after another, the runs
     * share {@code step} (and its pool) and the last consumes {@code start}; side by side, each run copies
     * {@code start} and steps with a fresh single-threaded {@link MonthlyStep} from {@code freshStep}.
     */
    void run(ForkJoinPool pool, MonthlyStep step, MarketState start, List<TreatmentTable> plans,
             List<RunRecorder> recorders, int months, ProgressCount progress, Supplier<MonthlyStep> freshStep) {
        if (!sideBySide || pool == null) {
            for (int s = 0; s < plans.size(); s++) {
                // The last run may consume the shared start state instead of copying it.
                MarketState state = s == plans.size() - 1 ? start : start.copy();
                months(step, state, plans.get(s), recorders.get(s), months, progress);
            }
            return;
        }
        List<Future<?>> futures = new ArrayList<>();
        for (int s = 0; s < plans.size(); s++) {
            int run = s;
            futures.add(pool.submit(() -> months(freshStep.get(), start.copy(), plans.get(run), recorders.get(run),
                    months, progress)));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new CancellationException("run interrupted");
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            pool.shutdownNow();
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static void months(MonthlyStep step, MarketState state, TreatmentTable plan, RunRecorder recorder,
                               int months, ProgressCount progress) {
        for (int t = 1; t <= months; t++) {
            step.step(state, plan.forMonth(t), t, false, recorder);
            progress.advance(1);
        }
    }
}
