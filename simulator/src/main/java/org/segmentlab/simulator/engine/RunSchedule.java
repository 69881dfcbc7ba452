package org.segmentlab.simulator.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
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
 *
 * <p>A watched run (someone is told after each month) steps its runs in lockstep: month t of every run before month
 * t + 1 of any, so the results so far cover every strategy. It holds every run's state at once; when the heap cannot,
 * the runs go as unwatched and the watcher is told only when the replication is done.
 */
final class RunSchedule {
    private final boolean sideBySide;
    private final boolean lockstep;

    private RunSchedule(boolean sideBySide, boolean lockstep) {
        this.sideBySide = sideBySide;
        this.lockstep = lockstep;
    }

    /**
     * Side by side when there are several threads, at least as many runs as threads (fewer would leave cores idle
     * that the chunked split keeps busy), and the heap holds one state per thread besides the start state.
     */
    static RunSchedule of(int threads, int runs, RunBudget budget) {
        return new RunSchedule(sideBySide(threads, runs, budget), false);
    }

    /** As {@link #of}, in lockstep when {@code watched} and the heap holds every run's state besides the start state. */
    static RunSchedule of(int threads, int runs, RunBudget budget, boolean watched) {
        boolean lockstep = watched && fits(budget, runs + 1);
        return new RunSchedule(sideBySide(threads, runs, budget), lockstep);
    }

    private static boolean sideBySide(int threads, int runs, RunBudget budget) {
        return threads >= 2 && runs >= threads && fits(budget, threads + 1);
    }

    private static boolean fits(RunBudget budget, int states) {
        try {
            budget.require(HeapBudget.current(), states);
            return true;
        } catch (HeapBudgetException e) {
            return false;
        }
    }

    boolean lockstep() {
        return lockstep;
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
        run(pool, step, start, plans, recorders, months, progress, freshStep, month -> { });
    }

    /**
     * As above, telling {@code monthDone} each month every run has finished (in lockstep), or only the last month
     * (otherwise).
     */
    void run(ForkJoinPool pool, MonthlyStep step, MarketState start, List<TreatmentTable> plans,
             List<RunRecorder> recorders, int months, ProgressCount progress, Supplier<MonthlyStep> freshStep,
             IntConsumer monthDone) {
        if (lockstep) {
            inLockstep(pool, step, start, plans, recorders, months, progress, freshStep, monthDone);
            return;
        }
        runs(pool, step, start, plans, recorders, months, progress, freshStep);
        monthDone.accept(months);
    }

    private void runs(ForkJoinPool pool, MonthlyStep step, MarketState start, List<TreatmentTable> plans,
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
        FirstFailure failure = new FirstFailure();
        for (int s = 0; s < plans.size(); s++) {
            int run = s;
            futures.add(pool.submit(failure.guard(() -> {
                MonthlyStep own = freshStep.get();
                MarketState state = start.copy();
                // A run that failed stops the others at their next month, not at their end.
                for (int t = 1; t <= months && !failure.failed(); t++) {
                    monthOf(own, state, plans.get(run), recorders.get(run), t, progress);
                }
            })));
        }
        await(pool, futures, failure);
    }

    /**
     * Month t of every run, then month t + 1: one after another with the shared {@code step}, or side by side, each
     * run with its own step. Each run's months are the same calls on the same state as unwatched, so the results are
     * bit-identical.
     */
    private void inLockstep(ForkJoinPool pool, MonthlyStep step, MarketState start, List<TreatmentTable> plans,
                            List<RunRecorder> recorders, int months, ProgressCount progress,
                            Supplier<MonthlyStep> freshStep, IntConsumer monthDone) {
        int runs = plans.size();
        boolean parallel = sideBySide && pool != null;
        List<MarketState> states = new ArrayList<>();
        List<MonthlyStep> steps = new ArrayList<>();
        for (int s = 0; s < runs; s++) {
            states.add(s == runs - 1 ? start : start.copy());
            steps.add(parallel ? freshStep.get() : step);
        }
        for (int t = 1; t <= months; t++) {
            int month = t;
            if (parallel) {
                List<Future<?>> futures = new ArrayList<>();
                FirstFailure failure = new FirstFailure();
                for (int s = 0; s < runs; s++) {
                    int run = s;
                    futures.add(pool.submit(failure.guard(() -> monthOf(steps.get(run), states.get(run),
                            plans.get(run), recorders.get(run), month, progress))));
                }
                await(pool, futures, failure);
            } else {
                for (int s = 0; s < runs; s++) {
                    monthOf(step, states.get(s), plans.get(s), recorders.get(s), month, progress);
                }
            }
            monthDone.accept(month);
        }
    }

    /** Waits for every run; the first failure (caught in its task: {@link FirstFailure}) stops the pool and is thrown. */
    private static void await(ForkJoinPool pool, List<Future<?>> futures, FirstFailure failure) {
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
            // A guarded task returns normally; only the pool itself could fail it.
            futures.forEach(f -> f.cancel(true));
            pool.shutdownNow();
            throw new IllegalStateException(e.getCause());
        }
        if (failure.failed()) {
            futures.forEach(f -> f.cancel(true));
            pool.shutdownNow();
            failure.rethrow();
        }
    }

    private static void months(MonthlyStep step, MarketState state, TreatmentTable plan, RunRecorder recorder,
                               int months, ProgressCount progress) {
        for (int t = 1; t <= months; t++) {
            monthOf(step, state, plan, recorder, t, progress);
        }
    }

    private static void monthOf(MonthlyStep step, MarketState state, TreatmentTable plan, RunRecorder recorder, int t,
                                ProgressCount progress) {
        step.step(state, plan.forMonth(t), t, false, recorder);
        progress.advance(1);
    }
}
