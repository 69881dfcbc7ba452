package org.segmentlab.simulator.experiment;

import java.util.List;

import org.segmentlab.simulator.engine.RunBudget;
import org.segmentlab.simulator.engine.RunOptions;
import org.segmentlab.simulator.engine.Simulator;
import org.segmentlab.simulator.scenario.Scenario;
import org.segmentlab.simulator.scenario.ScenarioDocument;

/**
 * Searches scenario values — thresholds or anything else by path — for the best {@link Objective}, with
 * {@link Search} (a refined grid for whole numbers, CMA-ES otherwise). Every candidate runs with the base
 * scenario's seed: common random numbers, so candidates differ by their values alone and the objective surface is
 * not noise.
 *
 * <pre>{@code
 * TuneResult r = Tuner.of(Scenarios.load(path), List.of(Factor.parse("thresholds.loyal.frequency.min=1..20")),
 *         Objective.of(Objective.Kind.MACRO_F1, null)).replications(3).tune();
 * }</pre>
 */
public final class Tuner {

    /** Distinct candidates evaluated at most, unless set. */
    public static final int DEFAULT_BUDGET = 60;

    private final ScenarioDocument base;
    private final List<Factor> factors;
    private final Objective objective;
    private final Integer replications;
    private final int budget;
    private final int threads;

    private Tuner(ScenarioDocument base, List<Factor> factors, Objective objective, Integer replications, int budget, int threads) {
        this.base = base;
        this.factors = List.copyOf(factors);
        this.objective = objective;
        this.replications = replications;
        this.budget = budget;
        this.threads = threads;
    }

    public static Tuner of(ScenarioDocument base, List<Factor> factors, Objective objective) {
        return new Tuner(base, factors, objective, null, DEFAULT_BUDGET, Runtime.getRuntime().availableProcessors());
    }

    public Tuner replications(int r) {
        if (r < 1) {
            throw new IllegalArgumentException("replications must be >= 1, got " + r);
        }
        return new Tuner(base, factors, objective, r, budget, threads);
    }

    public Tuner budget(int evaluations) {
        return new Tuner(base, factors, objective, replications, evaluations, threads);
    }

    public Tuner threads(int n) {
        return new Tuner(base, factors, objective, replications, budget, n);
    }

    /** The base with the given values applied (and the replications). */
    public ScenarioDocument document(List<String> values) {
        ScenarioDocument doc = replications == null ? base : base.with("replications", Integer.toString(replications));
        for (int j = 0; j < factors.size(); j++) {
            doc = doc.with(factors.get(j).path(), values.get(j));
        }
        return doc;
    }

    /**
     * Validates each factor's ends against the scenario, runs the search, then reports the best values with the
     * objective's 95% interval over the replications.
     *
     * @throws org.segmentlab.simulator.scenario.ScenarioException when a factor's path or values are invalid
     * @throws org.segmentlab.simulator.population.HeapBudgetException when a factor's end would not fit in the heap
     */
    public TuneResult tune() {
        for (Factor f : factors) {
            List<String> ends = f.isRange() ? List.of(f.at(0), f.at(0.999_999_999)) : f.values();
            for (String v : ends) {
                ScenarioDocument doc = replications == null ? base : base.with("replications", Integer.toString(replications));
                // Refuse an end whose run cannot fit now, not after half the search.
                RunBudget.of(doc.with(f.path(), v).scenario()).check(1);
            }
        }
        Scenario start = document(factors.stream().map(f -> f.isRange() ? f.at(0.5) : f.values().get(0)).toList()).scenario();
        double sign = objective.maximise() ? 1 : -1;
        Search.Best best = Search.maximise(factors, v -> sign * mean(objectiveValues(document(v).scenario())), budget, start.seed());
        Scenario tuned = document(best.values()).scenario();
        MeanInterval value = MeanInterval.ofAll(objectiveValues(tuned)); // as in the search: NaN if a replication has none
        return new TuneResult(factors.stream().map(Factor::path).toList(), best.values(), value, best.evaluations(),
                objective, tuned);
    }

    private double[] objectiveValues(Scenario s) {
        return objective.values(FreshThread.call(() -> Simulator.run(s, RunOptions.threads(threads))).metrics());
    }

    private static double mean(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return sum / v.length;
    }
}
