package org.segmentlab.simulator.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The points of a sweep over named scenario values. Immutable; a point's values are computed on demand (a grid is
 * never materialised), so a design of any size costs O(factors) memory, a Latin hypercube O(points × factors).
 * <ul>
 * <li>{@link #grid}: every combination of each factor's values (ranges split into their levels);</li>
 * <li>{@link #list}: point i takes the i-th value of every factor (all lists the same length);</li>
 * <li>{@link #latinHypercube}: n points; each factor's range is cut into n equal strata and each stratum is hit
 * exactly once, with the strata paired at random by a seeded generator.</li>
 * </ul>
 */
public final class Design {

    /** How the points were made (the sweep's summary charts bin a Latin hypercube's values, and the CLI names it). */
    public enum Kind { GRID, LIST, LHS }

    private final Kind kind;
    private final List<Factor> factors;
    private final List<List<String>> levels;
    private final int size;
    /** LHS only: [point][factor] the value's position in [0, 1). */
    private final double[][] unit;
    /** LHS only: the seed the strata were paired with (a sweep's fingerprint records it). */
    private final OptionalLong seed;

    private Design(Kind kind, List<Factor> factors, List<List<String>> levels, int size, double[][] unit, OptionalLong seed) {
        this.kind = kind;
        this.factors = List.copyOf(factors);
        this.levels = levels;
        this.size = size;
        this.unit = unit;
        this.seed = seed;
    }

    public static Design grid(List<Factor> factors) {
        requireFactors(factors);
        List<List<String>> levels = new ArrayList<>();
        long size = 1;
        for (Factor f : factors) {
            List<String> v = f.gridValues();
            levels.add(v);
            size *= v.size();
            if (size > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("the grid has more than " + Integer.MAX_VALUE + " points; use fewer levels or --design lhs");
            }
        }
        return new Design(Kind.GRID, factors, List.copyOf(levels), (int) size, null, OptionalLong.empty());
    }

    public static Design list(List<Factor> factors) {
        requireFactors(factors);
        List<List<String>> levels = new ArrayList<>();
        for (Factor f : factors) {
            List<String> v = f.gridValues();
            if (!levels.isEmpty() && v.size() != levels.get(0).size()) {
                throw new IllegalArgumentException("a list design needs the same number of values for every factor: "
                        + factors.get(0).path() + " has " + levels.get(0).size() + ", " + f.path() + " has " + v.size());
            }
            levels.add(v);
        }
        return new Design(Kind.LIST, factors, List.copyOf(levels), levels.get(0).size(), null, OptionalLong.empty());
    }

    /** n points over the factors' ranges; {@code seed} fixes the pairing of strata (and the jitter within them). */
    public static Design latinHypercube(List<Factor> factors, int n, long seed) {
        requireFactors(factors);
        if (n < 1) {
            throw new IllegalArgumentException("a Latin hypercube needs at least 1 point, got " + n);
        }
        for (Factor f : factors) {
            if (!f.isRange()) {
                throw new IllegalArgumentException(f.path() + ": a Latin hypercube needs a range lo..hi, got a list of values");
            }
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] unit = new double[n][factors.size()];
        int[] strata = new int[n];
        for (int j = 0; j < factors.size(); j++) {
            for (int i = 0; i < n; i++) {
                strata[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int k = rng.nextInt(i + 1);
                int t = strata[i];
                strata[i] = strata[k];
                strata[k] = t;
            }
            for (int i = 0; i < n; i++) {
                unit[i][j] = (strata[i] + rng.nextDouble()) / n;
            }
        }
        return new Design(Kind.LHS, factors, List.of(), n, unit, OptionalLong.of(seed));
    }

    private static void requireFactors(List<Factor> factors) {
        if (factors.isEmpty()) {
            throw new IllegalArgumentException("vary at least one value (--vary PATH=VALUES)");
        }
        List<String> seen = new ArrayList<>();
        for (Factor f : factors) {
            if (seen.contains(f.path())) {
                throw new IllegalArgumentException(f.path() + ": varied twice");
            }
            seen.add(f.path());
        }
    }

    public Kind kind() {
        return kind;
    }

    public List<Factor> factors() {
        return factors;
    }

    public List<String> paths() {
        return factors.stream().map(Factor::path).toList();
    }

    public int size() {
        return size;
    }

    /** The seed of a Latin hypercube; empty for a grid or a list (their points need none). */
    public OptionalLong seed() {
        return seed;
    }

    /** The values of point {@code id} (0 … size−1), one per factor, as scenario text. */
    public List<String> point(int id) {
        if (id < 0 || id >= size) {
            throw new IndexOutOfBoundsException("point " + id + " of " + size);
        }
        List<String> out = new ArrayList<>(factors.size());
        switch (kind) {
            case GRID -> {
                // Mixed radix, last factor fastest (the order a nested loop would give).
                int rest = id;
                String[] v = new String[factors.size()];
                for (int j = factors.size() - 1; j >= 0; j--) {
                    List<String> l = levels.get(j);
                    v[j] = l.get(rest % l.size());
                    rest /= l.size();
                }
                out.addAll(List.of(v));
            }
            case LIST -> levels.forEach(l -> out.add(l.get(id)));
            case LHS -> {
                for (int j = 0; j < factors.size(); j++) {
                    out.add(factors.get(j).at(unit[id][j]));
                }
            }
            default -> throw new IllegalStateException(kind.toString());
        }
        return out;
    }

    public SweepPoint sweepPoint(int id) {
        return new SweepPoint(id, point(id));
    }
}
