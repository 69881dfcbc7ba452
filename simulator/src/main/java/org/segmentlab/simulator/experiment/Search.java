package org.segmentlab.simulator.experiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * Maximises a function of the factors' values (as scenario text) within a budget of evaluations:
 * <ul>
 * <li>when every factor is discrete (whole-number ranges, lists), a <b>refined grid</b>: the whole grid when it
 * fits half the budget, else a coarse grid and then a pattern search from its best point with a halving step, down
 * to one — a threshold on a count feature is a step function, which a continuous optimiser cannot climb;</li>
 * <li>otherwise <b>CMA-ES</b> (Commons Math {@link CMAESOptimizer}, bounded, seeded), whole-number factors rounded.
 * CMA-ES works in any dimension (BOBYQA needs two or more) and tolerates a flat or stepped surface.</li>
 * </ul>
 * Every distinct point is evaluated once (a cache), so the budget counts distinct evaluations.
 */
final class Search {

    /** The best point found. */
    public record Best(List<String> values, double value, int evaluations) {
    }

    private final List<Factor> factors;
    private final ToDoubleFunction<List<String>> function;
    private final int budget;
    private final long seed;
    private final Map<List<String>, Double> cache = new HashMap<>();
    private List<String> best;
    private double bestValue = Double.NEGATIVE_INFINITY;

    private Search(List<Factor> factors, ToDoubleFunction<List<String>> function, int budget, long seed) {
        this.factors = List.copyOf(factors);
        this.function = function;
        this.budget = budget;
        this.seed = seed;
    }

    /**
     * Maximises {@code function} over the factors.
     *
     * @param budget at most this many distinct evaluations (≥ 2)
     * @param seed   CMA-ES's generator seed (the search is reproducible)
     */
    public static Best maximise(List<Factor> factors, ToDoubleFunction<List<String>> function, int budget, long seed) {
        if (factors.isEmpty()) {
            throw new IllegalArgumentException("vary at least one value to tune (--vary PATH=lo..hi)");
        }
        if (budget < 2) {
            throw new IllegalArgumentException("the evaluation budget must be at least 2, got " + budget);
        }
        Search s = new Search(factors, function, budget, seed);
        boolean discrete = factors.stream().allMatch(f -> !f.isRange() || f.integer());
        if (discrete) {
            s.refinedGrid();
        } else {
            for (Factor f : factors) {
                if (!f.isRange()) {
                    throw new IllegalArgumentException(f.path() + ": a continuous search needs ranges lo..hi for every value, got a list");
                }
            }
            s.cmaes();
        }
        return new Best(s.best, s.bestValue, s.cache.size());
    }

    private double evaluate(List<String> point) {
        Double cached = cache.get(point);
        if (cached != null) {
            return cached;
        }
        if (cache.size() >= budget) {
            throw new TooManyEvaluationsException(budget);
        }
        double v = function.applyAsDouble(point);
        cache.put(List.copyOf(point), v);
        // Ties keep the first found: the grid's order makes the result reproducible.
        if (v > bestValue || best == null) {
            bestValue = v;
            best = List.copyOf(point);
        }
        return v;
    }

    private void refinedGrid() {
        int d = factors.size();
        long[] lo = new long[d];
        long[] hi = new long[d];
        for (int j = 0; j < d; j++) {
            Factor f = factors.get(j);
            lo[j] = f.isRange() ? (long) f.low() : 0;
            hi[j] = f.isRange() ? (long) f.high() : f.values().size() - 1;
        }
        // A coarse grid over the whole box, with levels per factor so that it takes at most half the budget (the
        // whole grid when that fits), then a pattern search from its best point: ± the step along each factor,
        // moving to any improvement, halving the step when none, down to a step of one.
        int levels = Math.max(2, (int) Math.floor(Math.pow(Math.max(2, budget / 2), 1.0 / d)));
        long[] step = new long[d];
        for (int j = 0; j < d; j++) {
            step[j] = Math.max(1, (long) Math.ceil((hi[j] - lo[j]) / (double) (levels - 1)));
        }
        try {
            gridOver(lo, hi, step, new long[d], 0);
            long[] at = indices(best);
            for (int j = 0; j < d; j++) {
                step[j] = Math.max(1, step[j] / 2);
            }
            while (true) {
                boolean moved = false;
                for (int j = 0; j < d; j++) {
                    for (long sign = -1; sign <= 1; sign += 2) {
                        long[] next = at.clone();
                        next[j] = Math.max(lo[j], Math.min(hi[j], at[j] + sign * step[j]));
                        double before = bestValue;
                        evaluate(text(next));
                        if (bestValue > before) {
                            at = next;
                            moved = true;
                        }
                    }
                }
                if (!moved) {
                    boolean finest = true;
                    for (int j = 0; j < d; j++) {
                        finest &= step[j] == 1;
                        step[j] = Math.max(1, step[j] / 2);
                    }
                    if (finest) {
                        return;
                    }
                }
            }
        } catch (TooManyEvaluationsException spent) {
            // The budget is spent: the best so far stands.
        }
    }

    private void gridOver(long[] lo, long[] hi, long[] step, long[] at, int j) {
        if (j == factors.size()) {
            evaluate(text(at));
            return;
        }
        for (long x = lo[j]; ; x += step[j]) {
            at[j] = Math.min(x, hi[j]);
            gridOver(lo, hi, step, at, j + 1);
            if (x >= hi[j]) {
                break;
            }
        }
    }

    private List<String> text(long[] at) {
        List<String> out = new ArrayList<>();
        for (int j = 0; j < at.length; j++) {
            Factor f = factors.get(j);
            out.add(f.isRange() ? Long.toString(at[j]) : f.values().get((int) at[j]));
        }
        return out;
    }

    private long[] indices(List<String> point) {
        long[] at = new long[point.size()];
        for (int j = 0; j < at.length; j++) {
            Factor f = factors.get(j);
            at[j] = f.isRange() ? Long.parseLong(point.get(j)) : f.values().indexOf(point.get(j));
        }
        return at;
    }

    private void cmaes() {
        int d = factors.size();
        double[] lo = new double[d];
        double[] hi = new double[d];
        double[] start = new double[d];
        double[] sigma = new double[d];
        for (int j = 0; j < d; j++) {
            Factor f = factors.get(j);
            lo[j] = f.low();
            hi[j] = f.high();
            start[j] = (lo[j] + hi[j]) / 2;
            sigma[j] = (hi[j] - lo[j]) / 4;
        }
        int lambda = 4 + (int) Math.floor(3 * Math.log(d));
        CMAESOptimizer optimizer = new CMAESOptimizer(budget, 0, true, 0, 0, new MersenneTwister(seed), false, null);
        try {
            optimizer.optimize(new MaxEval(Integer.MAX_VALUE), new ObjectiveFunction(x -> evaluate(continuousText(x))),
                    GoalType.MAXIMIZE, new InitialGuess(start), new SimpleBounds(lo, hi),
                    new CMAESOptimizer.Sigma(sigma), new CMAESOptimizer.PopulationSize(lambda));
        } catch (TooManyEvaluationsException spent) {
            // The budget is spent: the best so far stands.
        }
    }

    private List<String> continuousText(double[] x) {
        List<String> out = new ArrayList<>();
        for (int j = 0; j < x.length; j++) {
            Factor f = factors.get(j);
            double v = Math.max(f.low(), Math.min(f.high(), x[j]));
            // 6 significant digits: finer than any threshold matters, and the cache then catches near-repeats.
            out.add(f.integer() ? Long.toString(Math.round(v)) : Factor.fmt(round6(v)));
        }
        return out;
    }

    private static double round6(double v) {
        return v == 0 ? 0 : new java.math.BigDecimal(v).round(new java.math.MathContext(6)).doubleValue();
    }
}
