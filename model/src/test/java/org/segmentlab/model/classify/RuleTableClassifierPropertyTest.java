package org.segmentlab.model.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.segmentlab.model.Chunks;
import org.segmentlab.model.feature.FeatureTable;
import org.segmentlab.model.segment.Taxonomy;

/**
 * The compiled classifier must give every customer exactly the segment that {@link Taxonomy#classify(float[])}
 * (the reference semantics: first match wins, last is the default, NaN never passes) gives it — on random
 * valid taxonomies and tables full of threshold-equal values, NaN and signed zeros, whichever path is used:
 * per customer, columnar on one thread, or a fork/join pool of any size.
 */
class RuleTableClassifierPropertyTest {

    private static ForkJoinPool one;
    private static ForkJoinPool two;

    @BeforeContainer
    static void startPools() {
        one = new ForkJoinPool(1);
        two = new ForkJoinPool(2);
    }

    @AfterContainer
    static void stopPools() {
        one.shutdownNow();
        two.shutdownNow();
    }

    @Provide
    Arbitrary<Taxonomy> taxonomies() {
        return RandomTaxonomies.taxonomies();
    }

    @Provide
    Arbitrary<Integer> sizes() {
        return RandomTaxonomies.sizes();
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Property(tries = 250)
    void perCustomerPathAgreesWithTheTaxonomy(@ForAll("taxonomies") Taxonomy taxonomy,
            @ForAll("sizes") int size, @ForAll("seeds") long seed) {
        FeatureTable table = RandomTaxonomies.table(taxonomy, size, seed);
        RuleTableClassifier classifier = RuleTableClassifier.of(taxonomy);
        for (int i = 0; i < size; i++) {
            float[] row = table.row(i);
            int expected = taxonomy.classify(row);
            assertThat(classifier.classify(row)).as("customer %d %s", i, Arrays.toString(row)).isEqualTo(expected);
            assertThat(classifier.classify(table, i)).isEqualTo(expected);
        }
    }

    @Property(tries = 300)
    void columnarPathAgreesWithTheTaxonomy(@ForAll("taxonomies") Taxonomy taxonomy,
            @ForAll("sizes") int size, @ForAll("seeds") long seed) {
        FeatureTable table = RandomTaxonomies.table(taxonomy, size, seed);
        byte[] columnar = new byte[size];
        RuleTableClassifier.of(taxonomy).classify(table, columnar);
        assertAgrees(taxonomy, table, columnar);
    }

    @Property(tries = 150)
    void forkJoinPathAgreesForPoolsOfOneAndTwo(@ForAll("taxonomies") Taxonomy taxonomy,
            @ForAll("sizes") int size, @ForAll("seeds") long seed) {
        FeatureTable table = RandomTaxonomies.table(taxonomy, size, seed);
        RuleTableClassifier classifier = RuleTableClassifier.of(taxonomy);
        byte[] byOne = new byte[size];
        byte[] byTwo = new byte[size];
        classifier.classify(table, byOne, one);
        classifier.classify(table, byTwo, two);
        assertAgrees(taxonomy, table, byOne);
        assertThat(byTwo).isEqualTo(byOne);
    }

    /** Sizes around one fork/join chunk, so the pool path meets a chunk boundary (a handful of tries: big tables). */
    @Property(tries = 6)
    void forkJoinPathAgreesAcrossAChunkBoundary(@ForAll("taxonomies") Taxonomy taxonomy,
            @ForAll("oneOrTwoChunks") int size, @ForAll("seeds") long seed) {
        FeatureTable table = RandomTaxonomies.table(taxonomy, size, seed);
        RuleTableClassifier classifier = RuleTableClassifier.of(taxonomy);
        byte[] sequential = new byte[size];
        byte[] byOne = new byte[size];
        byte[] byTwo = new byte[size];
        classifier.classify(table, sequential);
        classifier.classify(table, byOne, one);
        classifier.classify(table, byTwo, two);
        assertAgrees(taxonomy, table, sequential);
        assertThat(byOne).isEqualTo(sequential);
        assertThat(byTwo).isEqualTo(sequential);
    }

    @Provide
    Arbitrary<Integer> oneOrTwoChunks() {
        int chunk = Chunks.CLASSIFIER;
        return Arbitraries.of(chunk - 1, chunk, chunk + 1, 2 * chunk - 1);
    }

    /**
     * Tables of two chunks or more (131 072 customers and up): the fork/join path splits at the chunk boundary
     * nearest the middle and must agree with the sequential one. (Once split at the range's end for exactly two
     * chunks and overflowed the stack; this property guards that.)
     */
    @Property(tries = 8, shrinking = ShrinkingMode.OFF)
    void forkJoinPathAgreesForTablesOfTwoChunksOrMore(@ForAll("taxonomies") Taxonomy taxonomy,
            @ForAll("twoChunksOrMore") int size, @ForAll("seeds") long seed) {
        FeatureTable table = RandomTaxonomies.table(taxonomy, size, seed);
        RuleTableClassifier classifier = RuleTableClassifier.of(taxonomy);
        byte[] sequential = new byte[size];
        classifier.classify(table, sequential);
        assertAgrees(taxonomy, table, sequential);
        for (int threads = 1; threads <= 2; threads++) {
            ForkJoinPool pool = new ForkJoinPool(threads);
            byte[] parallel = new byte[size];
            classifier.classify(table, parallel, pool);
            pool.shutdown();
            assertThat(parallel).as("pool of %d", threads).isEqualTo(sequential);
        }
    }

    @Provide
    Arbitrary<Integer> twoChunksOrMore() {
        int chunk = Chunks.CLASSIFIER;
        return Arbitraries.of(2 * chunk, 2 * chunk + 1, 3 * chunk + 17, 5 * chunk + 7);
    }

    /** Classifying a range writes that range only: callers classify slices of a shared output array. */
    @Property(tries = 150)
    void rangeClassificationWritesOnlyItsRange(@ForAll("taxonomies") Taxonomy taxonomy,
            @ForAll("sizes") int size, @ForAll("seeds") long seed) {
        FeatureTable table = RandomTaxonomies.table(taxonomy, size, seed);
        int from = size == 0 ? 0 : (int) Math.floorMod(seed, (long) size);
        int to = from + (size - from) / 2;
        byte[] out = new byte[size + 3];
        Arrays.fill(out, (byte) -7);
        RuleTableClassifier.of(taxonomy).classify(table, out, from, to);
        for (int i = 0; i < out.length; i++) {
            if (i >= from && i < to) {
                assertThat(out[i]).as("customer %d", i).isEqualTo((byte) taxonomy.classify(table.row(i)));
            } else {
                assertThat(out[i]).as("outside the range at %d", i).isEqualTo((byte) -7);
            }
        }
    }

    private static void assertAgrees(Taxonomy taxonomy, FeatureTable table, byte[] segments) {
        for (int i = 0; i < table.size(); i++) {
            float[] row = table.row(i);
            assertThat(segments[i]).as("customer %d %s", i, Arrays.toString(row)).isEqualTo((byte) taxonomy.classify(row));
        }
    }
}
