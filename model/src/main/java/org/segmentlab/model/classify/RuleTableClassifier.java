package org.segmentlab.model.classify;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

import org.segmentlab.model.Chunks;
import org.segmentlab.model.feature.Feature;
import org.segmentlab.model.feature.FeatureTable;
import org.segmentlab.model.segment.Condition;
import org.segmentlab.model.segment.Segment;
import org.segmentlab.model.segment.Taxonomy;

/**
 * A taxonomy compiled once into primitive tables, then applied to a whole columnar {@link FeatureTable}
 * in one pass. Semantics are exactly {@link Taxonomy#classify(float[])}: the first matching segment wins,
 * the last is the default, NaN never satisfies a condition, thresholds compare at float precision.
 *
 * <p>Work goes block by block ({@link #BLOCK} customers; a block of every column fits in L1). Inside a block the
 * taxonomy runs as a few tight loops (the steps of a {@code RuleProgram}: one per rule of a usual shape, else one
 * per condition), and rules are evaluated from the lowest priority to the highest so a later (higher-priority)
 * match overwrites an earlier one without branches. The loops run on the {@code jdk.incubator.vector} API when
 * the JVM was started with {@code --add-modules jdk.incubator.vector} (several times faster; the JVM then prints
 * an incubator warning at start-up), else as portable scalar Java; both give the same answer (see
 * {@code Kernels} for the choice and the {@code segmentlab.classifier.kernel} property). No object per customer,
 * no boxing. Immutable and thread-safe.
 */
public final class RuleTableClassifier {

    /**
     * Customers per block: 512 bytes of each float column. Small blocks switch between the columns' streams at a
     * fine grain, which keeps more cache misses in flight: at 10^7 customers on the development machine, 128 ran
     * about 20% faster than 256 and 30% faster than 1024, at a cost of about 5% when the data are in cache; at 64
     * the per-block dispatch cost more than it saved.
     */
    static final int BLOCK = 128;

    private final Taxonomy taxonomy;
    private final byte fallback;
    /** For segment k (rule-bearing segments only): clauses clauseStart[k] .. clauseStart[k+1]-1. */
    private final int[] clauseStart;
    /** For clause c: conditions condStart[c] .. condStart[c+1]-1. */
    private final int[] condStart;
    private final int[] condFeature;
    private final int[] condComparison;
    private final float[] condThreshold;
    /** The bulk path: the taxonomy as column passes, run by the fastest kernel available. */
    private final ClassifierKernel kernel;

    private RuleTableClassifier(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        this.kernel = Kernels.of(RuleProgram.of(taxonomy));
        List<Segment> segments = taxonomy.segments();
        int ruled = segments.size() - 1;
        this.fallback = (byte) ruled;
        int clauses = 0;
        int conditions = 0;
        for (int k = 0; k < ruled; k++) {
            for (List<Condition> clause : segments.get(k).rule().orElseThrow().anyOf()) {
                clauses++;
                conditions += clause.size();
            }
        }
        clauseStart = new int[ruled + 1];
        condStart = new int[clauses + 1];
        condFeature = new int[conditions];
        condComparison = new int[conditions];
        condThreshold = new float[conditions];
        int c = 0;
        int d = 0;
        for (int k = 0; k < ruled; k++) {
            clauseStart[k] = c;
            for (List<Condition> clause : segments.get(k).rule().orElseThrow().anyOf()) {
                condStart[c++] = d;
                for (Condition cond : clause) {
                    condFeature[d] = cond.feature().ordinal();
                    condComparison[d] = cond.comparison().ordinal();
                    condThreshold[d] = cond.threshold();
                    d++;
                }
            }
        }
        clauseStart[ruled] = c;
        condStart[clauses] = d;
    }

    /** Compiles a taxonomy; do this once, then classify many times. */
    public static RuleTableClassifier of(Taxonomy taxonomy) {
        return new RuleTableClassifier(taxonomy);
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    /** The segment of one customer (row indexed by {@link Feature#ordinal()}); identical to the columnar path. */
    public int classify(float[] row) {
        int ruled = clauseStart.length - 1;
        for (int k = 0; k < ruled; k++) {
            for (int c = clauseStart[k]; c < clauseStart[k + 1]; c++) {
                boolean all = true;
                for (int d = condStart[c]; d < condStart[c + 1] && all; d++) {
                    all = test(condComparison[d], row[condFeature[d]], condThreshold[d]);
                }
                if (all) {
                    return k;
                }
            }
        }
        return fallback;
    }

    /** The segment of customer {@code i} of a table. */
    public int classify(FeatureTable table, int i) {
        return classify(table.row(i));
    }

    /** Classifies every customer of the table into {@code segments} (length ≥ table size), on this thread. */
    public void classify(FeatureTable table, byte[] segments) {
        classify(table, segments, 0, table.size());
    }

    /** Classifies the customers {@code from} (inclusive) to {@code to} (exclusive), on this thread. */
    public void classify(FeatureTable table, byte[] segments, int from, int to) {
        if (from < 0 || to > table.size() || to > segments.length || from > to) {
            throw new IndexOutOfBoundsException("range " + from + ".." + to + " outside table of " + table.size());
        }
        float[][] columns = new float[Feature.all().size()][];
        for (Feature f : Feature.all()) {
            columns[f.ordinal()] = table.column(f);
        }
        kernel.classify(columns, segments, from, to);
    }

    /** The kernel's name ({@code vector} or {@code scalar}), for tests. */
    String kernelName() {
        return kernel.name();
    }

    /**
     * Classifies the whole table with a fork/join pool, in fixed chunks of {@link Chunks#CLASSIFIER} customers.
     * The answer is the same for any pool size: each customer's segment depends on its row only.
     */
    public void classify(FeatureTable table, byte[] segments, ForkJoinPool pool) {
        if (table.size() <= Chunks.CLASSIFIER) {
            // One chunk: handing it to a pool thread would only add the wake-up latency (microseconds).
            classify(table, segments, 0, table.size());
            return;
        }
        pool.invoke(new ChunkTask(table, segments, 0, table.size()));
    }

    private final class ChunkTask extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private final transient FeatureTable table;
        private final byte[] segments;
        private final int from;
        private final int to;

        ChunkTask(FeatureTable table, byte[] segments, int from, int to) {
            this.table = table;
            this.segments = segments;
            this.from = from;
            this.to = to;
        }

        @Override
        protected void compute() {
            if (to - from <= Chunks.CLASSIFIER) {
                classify(table, segments, from, to);
                return;
            }
            // Split at the chunk boundary nearest the middle: boundaries stay multiples of the chunk from 0, and both
            // halves are non-empty (at least two chunks remain here), so the recursion always shrinks.
            int chunks = (int) (((long) to - from + Chunks.CLASSIFIER - 1) / Chunks.CLASSIFIER);
            int mid = from + chunks / 2 * Chunks.CLASSIFIER;
            invokeAll(new ChunkTask(table, segments, from, mid), new ChunkTask(table, segments, mid, to));
        }
    }

    private static boolean test(int comparison, float value, float t) {
        switch (comparison) {
            case 0: return value >= t;
            case 1: return value <= t;
            case 2: return value > t;
            case 3: return value < t;
            default: throw new AssertionError(comparison);
        }
    }
}
