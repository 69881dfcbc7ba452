package org.segmentlab.model.classify;

import java.util.List;

/**
 * Counts of (true segment, predicted segment) pairs, with the usual scores: accuracy, per-segment
 * precision and recall, and macro-F1 (the unweighted mean of per-segment F1 over the segments that occur
 * in the truth or the prediction). Customers whose truth is unknown (negative index) are left out.
 */
public final class ConfusionMatrix {
    private final List<String> segments;
    private final long[][] counts;

    private ConfusionMatrix(List<String> segments, long[][] counts) {
        this.segments = List.copyOf(segments);
        this.counts = counts;
    }

    /** Tallies {@code truth[i]} against {@code predicted[i]} for the first {@code n} customers. */
    public static ConfusionMatrix of(List<String> segments, int[] truth, byte[] predicted, int n) {
        int k = segments.size();
        long[][] counts = new long[k][k];
        for (int i = 0; i < n; i++) {
            int t = truth[i];
            if (t >= 0) {
                counts[t][predicted[i]]++;
            }
        }
        return new ConfusionMatrix(segments, counts);
    }

    /** From counts already tallied ({@code counts[true][predicted]}); the array is copied. */
    public static ConfusionMatrix ofCounts(List<String> segments, long[][] counts) {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i].length != segments.size()) {
                throw new IllegalArgumentException("counts must be " + segments.size() + " x " + segments.size());
            }
            copy[i] = counts[i].clone();
        }
        if (copy.length != segments.size()) {
            throw new IllegalArgumentException("counts must be " + segments.size() + " x " + segments.size());
        }
        return new ConfusionMatrix(segments, copy);
    }

    public List<String> segments() {
        return segments;
    }

    public long count(int trueSegment, int predictedSegment) {
        return counts[trueSegment][predictedSegment];
    }

    public long total() {
        long sum = 0;
        for (long[] row : counts) {
            for (long c : row) {
                sum += c;
            }
        }
        return sum;
    }

    /** Share classified into their true segment; NaN when there is nothing to score. */
    public double accuracy() {
        long total = total();
        if (total == 0) {
            return Double.NaN;
        }
        long right = 0;
        for (int i = 0; i < counts.length; i++) {
            right += counts[i][i];
        }
        return (double) right / total;
    }

    /** Of those predicted in segment s, the share truly in s; NaN when none is predicted there. */
    public double precision(int s) {
        long predicted = 0;
        for (long[] row : counts) {
            predicted += row[s];
        }
        return predicted == 0 ? Double.NaN : (double) counts[s][s] / predicted;
    }

    /** Of those truly in segment s, the share predicted in s; NaN when none is truly there. */
    public double recall(int s) {
        long actual = 0;
        for (long c : counts[s]) {
            actual += c;
        }
        return actual == 0 ? Double.NaN : (double) counts[s][s] / actual;
    }

    /** F1 of one segment; 0 when it occurs but is never hit, NaN when it neither occurs nor is predicted. */
    public double f1(int s) {
        double p = precision(s);
        double r = recall(s);
        if (Double.isNaN(p) && Double.isNaN(r)) {
            return Double.NaN;
        }
        if (Double.isNaN(p) || Double.isNaN(r) || p + r == 0) {
            return 0.0;
        }
        return 2 * p * r / (p + r);
    }

    /** Unweighted mean F1 over the segments that occur in the truth or the prediction. */
    public double macroF1() {
        double sum = 0;
        int n = 0;
        for (int s = 0; s < counts.length; s++) {
            double f = f1(s);
            if (!Double.isNaN(f)) {
                sum += f;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
