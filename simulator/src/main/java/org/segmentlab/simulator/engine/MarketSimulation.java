package org.segmentlab.simulator.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

import org.segmentlab.model.classify.RuleTableClassifier;
import org.segmentlab.model.strategy.Strategy;
import org.segmentlab.model.treatment.Treatment;
import org.segmentlab.simulator.population.PopulationGenerator;
import org.segmentlab.simulator.random.RandomStreams;
import org.segmentlab.simulator.scenario.Scenario;

/**
 * One strategy of one replication, stepped a month at a time: for benchmarks and for researchers who want to
 * watch a run unfold. {@link Simulator#run} is the usual entry point. Close it to release its threads.
 */
public final class MarketSimulation implements AutoCloseable {
    private final MonthlyStep step;
    private final MarketState state;
    private final TreatmentTable plan;
    private final ForkJoinPool pool;
    private int month;
    private boolean timed;

    private MarketSimulation(MonthlyStep step, MarketState state, TreatmentTable plan, ForkJoinPool pool) {
        this.step = step;
        this.state = state;
        this.plan = plan;
        this.pool = pool;
    }

    /** Generates the population, runs the burn-in and stands at month 0 under the named strategy. */
    public static MarketSimulation start(Scenario bound, int replication, String strategy, int threads) {
        Scenario scenario = bound.effective(); // switched-off mechanisms become neutral parameters
        Strategy chosen = scenario.strategies().stream().filter(s -> s.name().equals(strategy)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no strategy '" + strategy + "'"));
        int window = scenario.behaviour().featureWindow();
        ForkJoinPool pool = threads > 1 ? new ForkJoinPool(threads) : null;
        PopulationGenerator generator = PopulationGenerator.of(scenario);
        RandomStreams streams = RandomStreams.of(scenario.seed());
        TreatmentTable plan = new TreatmentTable(chosen.resolve(scenario.taxonomy(), scenario.treatments()), scenario);
        MonthlyStep step = new MonthlyStep(scenario, replication, RuleTableClassifier.of(scenario.taxonomy()), generator, streams, pool);
        TreatmentTable burnIn = new TreatmentTable(Strategy.of("burn-in", Map.of())
                .resolve(scenario.taxonomy(), Map.of("none", Treatment.neutral("none"))), scenario);
        MarketState state = Simulator.startState(scenario, step, generator, streams, replication, burnIn, threads);
        return new MarketSimulation(step, state, plan, pool);
    }

    /** Simulates the next month. */
    public void advance() {
        month++;
        step.step(state, plan, month, false, null);
    }

    public int month() {
        return month;
    }

    /** The rows the engine walks each month: the customers ever acquired, less those compacted away (gone for good). */
    public int customers() {
        return state.size;
    }

    /**
     * Times the months advanced from now on, part by part of the month's schedule ({@link #stageTimes}), or stops
     * timing them. For measuring the engine: the times never reach a result.
     */
    public void timeStages(boolean on) {
        step.timeStages(on);
        timed = on;
    }

    /**
     * Milliseconds spent in each part of the month since {@link #timeStages timeStages(true)}, in the schedule's order
     * (empty when not timed). A chunk stage's time is summed over the threads that ran it; a month-wide part's, and the
     * chunk passes' as a whole, is the time the month waited for it. On one thread, the chunk passes less the chunk
     * stages is what the passes cost around the stages (chunk set-up, adding the chunks' tallies).
     */
    public Map<String, Double> stageTimes() {
        Map<String, Double> times = new LinkedHashMap<>();
        if (timed) {
            long[] nanos = step.stageNanos();
            for (StageClock.Part part : StageClock.Part.values()) {
                times.put(part.label, nanos[part.ordinal()] / 1e6);
            }
        }
        return times;
    }

    /** Bytes of state per customer this engine keeps (population traits plus engine state). */
    public static long bytesPerCustomer(int featureWindow) {
        return MarketState.bytesPerCustomer(featureWindow);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
