package org.segmentlab.simulator.calibrate.fit;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Customer summaries merged into their distinct values with a count each, for the likelihoods: a log of a million
 * customers holds far fewer distinct (x, t<sub>x</sub>, T) triples (everyone who bought once in the same week is
 * one row), and a likelihood summed over distinct rows times their counts costs that much less per evaluation of
 * the thousands a fit makes. Rows are in a fixed order (by their values), so sums are deterministic.
 */
final class DistinctSummaries {

    final int[] x;
    final double[] tx;
    final double[] age;
    final double[] meanSpend;
    final double[] count;
    final int maxX;

    private DistinctSummaries(int[] x, double[] tx, double[] age, double[] meanSpend, double[] count, int maxX) {
        this.x = x;
        this.tx = tx;
        this.age = age;
        this.meanSpend = meanSpend;
        this.count = count;
        this.maxX = maxX;
    }

    int size() {
        return x.length;
    }

    /** Distinct (x, t_x, T) over every customer: what the BG/NBD likelihood reads. */
    static DistinctSummaries ofPurchasing(CustomerSummaries s) {
        Comparator<Integer> order = Comparator.<Integer>comparingInt(s::repeats)
                .thenComparingDouble(s::lastPurchaseTime).thenComparingDouble(s::age);
        return merge(s, all(s), order, (i, j) -> s.repeats(i) == s.repeats(j)
                && s.lastPurchaseTime(i) == s.lastPurchaseTime(j) && s.age(i) == s.age(j));
    }

    /** Distinct (x, mean spend) over the customers the Gamma-Gamma fit uses ({@link GammaGamma#usable}). */
    static DistinctSummaries ofSpending(CustomerSummaries s) {
        Integer[] rows = Arrays.stream(all(s)).filter(i -> GammaGamma.usable(s, i)).toArray(Integer[]::new);
        Comparator<Integer> order = Comparator.<Integer>comparingInt(s::repeats).thenComparingDouble(s::meanRepeatSpend);
        return merge(s, rows, order, (i, j) -> s.repeats(i) == s.repeats(j)
                && s.meanRepeatSpend(i) == s.meanRepeatSpend(j));
    }

    private interface Same {
        boolean test(int i, int j);
    }

    private static Integer[] all(CustomerSummaries s) {
        Integer[] rows = new Integer[s.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        return rows;
    }

    private static DistinctSummaries merge(CustomerSummaries s, Integer[] rows, Comparator<Integer> order, Same same) {
        Arrays.sort(rows, order);
        int n = 0;
        int[] x = new int[rows.length];
        double[] tx = new double[rows.length];
        double[] age = new double[rows.length];
        double[] spend = new double[rows.length];
        double[] count = new double[rows.length];
        int maxX = 0;
        for (int k = 0; k < rows.length; k++) {
            int i = rows[k];
            if (n > 0 && same.test(rows[k - 1], i)) {
                count[n - 1]++;
                continue;
            }
            x[n] = s.repeats(i);
            tx[n] = s.lastPurchaseTime(i);
            age[n] = s.age(i);
            spend[n] = s.repeats(i) > 0 ? s.meanRepeatSpend(i) : 0;
            count[n] = 1;
            maxX = Math.max(maxX, x[n]);
            n++;
        }
        return new DistinctSummaries(Arrays.copyOf(x, n), Arrays.copyOf(tx, n), Arrays.copyOf(age, n),
                Arrays.copyOf(spend, n), Arrays.copyOf(count, n), maxX);
    }
}
