package org.segmentlab.benchmarks.classify;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.segmentlab.model.Chunks;
import org.segmentlab.model.classify.RuleTableClassifier;
import org.segmentlab.model.feature.FeatureTable;
import org.segmentlab.model.segment.BuiltInTaxonomies;
import org.segmentlab.model.segment.Taxonomy;

/**
 * How fast {@link RuleTableClassifier} classifies a whole population, on one thread and on two, against the
 * memory-bandwidth limit of reading the same feature columns.
 *
 * <p>Why it is written this way:
 * <ul>
 * <li>{@code customers} scales from 10<sup>3</sup> (every column in L1/L2: the kernel's compute cost alone) through
 * 10<sup>5</sup> (L2/L3) to 10<sup>7</sup> (main memory: 40 MB per column, far beyond any cache), so the growth of
 * the cost with size is visible. One operation is one whole table; divide the score by {@code customers} for
 * ns/customer ({@code ClassifierResults} does it, since {@code @OperationsPerInvocation} cannot follow a
 * {@code @Param}).</li>
 * <li>The {@code baseline…} benchmarks stream exactly the columns the taxonomy reads
 * ({@link Taxonomy#featuresUsed()}) and only add them up, vectorised, all columns in one loop: the fastest way
 * found to read those bytes on this machine (see {@link Streaming#sum}), so it stands for the memory-bandwidth
 * limit. Baseline and classifier run in the same JVM on the same arrays, so "baseline time / classifier time" is
 * a fraction of the bandwidth measured in the same run, not of a datasheet number. Only feature bytes count;
 * the classifier's 1-byte-per-customer output is extra traffic the baseline does not have.</li>
 * <li>The feature values are random from a fixed seed ({@link SyntheticFeatures}), so a branchy kernel would
 * mispredict as it would on a real population, and every run sees the same data.</li>
 * <li>No benchmark changes state that matters: the feature table is only read; the classifier overwrites the
 * same output array with the same segments every call (writing it is part of the work — a real caller needs
 * the answer); the baseline's sum goes to a {@link Blackhole} so it cannot be dead-code eliminated.</li>
 * <li>The two-thread variants use a two-thread {@link ForkJoinPool} created once per trial, not per call, so
 * pool start-up is not measured; the classifier splits into its fixed chunks
 * ({@link Chunks#CLASSIFIER}) and the baseline splits the same way.</li>
 * <li>The heap is fixed ({@code -Xms = -Xmx}) so no resizing happens during measurement; the measured path
 * allocates only a few kilobytes of scratch and task objects per call.</li>
 * <li>The forks run with {@code --add-modules jdk.incubator.vector}: the classifier then uses its Vector API
 * kernel (the baseline needs the module too). To measure the portable scalar kernel, add
 * {@code -Dsegmentlab.classifier.kernel=scalar}; note that {@code -jvmArgsAppend} on the command line replaces
 * the annotation's arguments, so repeat the module there.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "--add-modules=jdk.incubator.vector"})
@State(Scope.Benchmark)
public class ClassifierBenchmark {

    /** The built-in taxonomy to compile and run. */
    @Param({BuiltInTaxonomies.FOUR_TYPES, BuiltInTaxonomies.DIB, BuiltInTaxonomies.CIRCLES})
    public String taxonomy;

    /** Population size: in cache, around the last-level cache, and in main memory. */
    @Param({"1000", "100000", "10000000"})
    public int customers;

    private FeatureTable table;
    private RuleTableClassifier classifier;
    private byte[] segments;
    /** The columns the taxonomy reads, in feature order: what the baseline streams. */
    private float[][] used;
    private ForkJoinPool pool;

    @Setup(Level.Trial)
    public void setUp() {
        Taxonomy t = BuiltInTaxonomies.byName(taxonomy).orElseThrow();
        table = SyntheticFeatures.of(customers);
        classifier = RuleTableClassifier.of(t);
        segments = new byte[customers];
        used = t.featuresUsed().stream().map(table::column).toArray(float[][]::new);
        pool = new ForkJoinPool(2);
        // A fast wrong answer is worthless: check a sample against the reference semantics before measuring.
        classifier.classify(table, segments, pool);
        for (int i = 0; i < customers; i += Math.max(1, customers / 10_000)) {
            if (segments[i] != t.classify(table.row(i))) {
                throw new IllegalStateException("customer " + i + ": classifier gives " + segments[i] + ", taxonomy " + t.classify(table.row(i)));
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** The columnar classifier on the calling thread. */
    @Benchmark
    public void classify(Blackhole bh) {
        classifier.classify(table, segments);
        bh.consume(segments);
    }

    /** The parallel path with a two-thread pool. */
    @Benchmark
    public void classifyTwoThreads(Blackhole bh) {
        classifier.classify(table, segments, pool);
        bh.consume(segments);
    }

    /** Streams the taxonomy's columns once and sums them: the memory-bandwidth limit, one thread. */
    @Benchmark
    public void baseline(Blackhole bh) {
        bh.consume(Streaming.sum(used, 0, customers));
    }

    /** The same stream split into the classifier's fixed chunks on the two-thread pool. */
    @Benchmark
    public void baselineTwoThreads(Blackhole bh) {
        if (customers <= Chunks.CLASSIFIER) {
            // As the classifier: one chunk runs on the calling thread, not through the pool.
            bh.consume(Streaming.sum(used, 0, customers));
            return;
        }
        int chunks = (customers + Chunks.CLASSIFIER - 1) / Chunks.CLASSIFIER;
        float[] partial = new float[Math.max(1, chunks)];
        pool.invoke(new SumTask(used, partial, 0, chunks, customers));
        bh.consume(Streaming.sum(partial));
    }

    /** The sum of chunks {@code [first, last)}, one partial sum per chunk; splits in halves like the classifier. */
    private static final class SumTask extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private final transient float[][] columns;
        private final float[] partial;
        private final int first;
        private final int last;
        private final int size;

        SumTask(float[][] columns, float[] partial, int first, int last, int size) {
            this.columns = columns;
            this.partial = partial;
            this.first = first;
            this.last = last;
            this.size = size;
        }

        @Override
        protected void compute() {
            if (last - first <= 1) {
                int from = first * Chunks.CLASSIFIER;
                partial[first] = Streaming.sum(columns, from, Math.min(size, from + Chunks.CLASSIFIER));
                return;
            }
            int mid = (first + last) >>> 1;
            invokeAll(new SumTask(columns, partial, first, mid, size), new SumTask(columns, partial, mid, last, size));
        }
    }
}
