package org.segmentlab.model.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.segmentlab.model.feature.Feature.COMPLAINTS;
import static org.segmentlab.model.feature.Feature.COST_TO_SERVE;
import static org.segmentlab.model.feature.Feature.DISCOUNT_SHARE;
import static org.segmentlab.model.feature.Feature.FREQUENCY;
import static org.segmentlab.model.feature.Feature.MARGIN;
import static org.segmentlab.model.feature.Feature.MONETARY;
import static org.segmentlab.model.feature.Feature.RECENCY;
import static org.segmentlab.model.feature.Feature.REFERRALS;
import static org.segmentlab.model.feature.Feature.SATISFACTION;
import static org.segmentlab.model.feature.Feature.TENURE;
import static org.segmentlab.model.feature.Feature.VALUE_RANK;
import static org.segmentlab.model.segment.Comparison.ABOVE;
import static org.segmentlab.model.segment.Comparison.BELOW;
import static org.segmentlab.model.segment.Comparison.MAX;
import static org.segmentlab.model.segment.Comparison.MIN;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.segmentlab.model.Chunks;
import org.segmentlab.model.feature.Feature;
import org.segmentlab.model.feature.FeatureTable;
import org.segmentlab.model.segment.BuiltInTaxonomies;
import org.segmentlab.model.segment.Condition;
import org.segmentlab.model.segment.Rule;
import org.segmentlab.model.segment.Segment;
import org.segmentlab.model.segment.Taxonomy;

/**
 * Every bulk kernel must give each customer exactly {@link Taxonomy#classify(float[])}: on tables made of edge
 * values (NaN of both signs, ±0, ±infinity, every threshold exactly and its float neighbours) at sizes around the
 * vector width and the block length, for the built-in taxonomies and hand-made ones that use all four comparisons,
 * multi-clause rules and several conditions on one feature; and the parallel path must equal the one-thread path.
 *
 * <p>The vector kernel is tested only when the JVM runs with {@code --add-modules jdk.incubator.vector} (surefire's
 * {@code argLine}); without the module the classifier runs on the scalar kernel, which is always tested, and
 * {@link #vectorKernelIsUnderTest()} is reported as skipped. Deterministic: fixed seeds.
 */
class RuleTableClassifierKernelTest {

    /** Around the vector width (8), the block length (128) and multiples of it, and a large ragged size. */
    private static final int[] SIZES = {0, 1, 7, 8, 9, 127, 128, 129, 1023, 1024, 1025, 100_003};

    private static final long SEED = 20_240_517L;

    /** A kernel under test, built from a program. */
    private record KernelFactory(String name, Function<RuleProgram, Optional<ClassifierKernel>> build) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The kernels this JVM can run: always the scalar one; the vector one with the module (see the class doc). */
    static Stream<KernelFactory> kernels() {
        KernelFactory scalar = new KernelFactory("scalar", p -> Optional.of(new ScalarKernel(p)));
        KernelFactory vector = new KernelFactory("vector", Kernels::vector);
        return vectorAvailable() ? Stream.of(scalar, vector) : Stream.of(scalar);
    }

    private static boolean vectorAvailable() {
        return Kernels.vector(RuleProgram.of(BuiltInTaxonomies.fourTypes())).isPresent();
    }

    @Test
    void vectorKernelIsUnderTest() {
        // One visible skip, rather than a skip per case, when the JVM runs without the Vector API module.
        org.junit.jupiter.api.Assumptions.assumeTrue(vectorAvailable(),
                "vector kernel not tested: run the tests with --add-modules jdk.incubator.vector (and a CPU with AVX2)");
        assertThat(kernels().map(KernelFactory::name)).contains("vector");
    }

    static List<Taxonomy> taxonomies() {
        List<Taxonomy> all = new ArrayList<>();
        BuiltInTaxonomies.names().forEach(n -> all.add(BuiltInTaxonomies.byName(n).orElseThrow()));
        all.add(handMade());
        all.add(zeroThresholds());
        all.add(mixedShapes());
        all.add(Taxonomy.of("single", Segment.of("high", Rule.allOf(Condition.of(VALUE_RANK, ABOVE, 0.5))), Segment.fallback("low")));
        all.add(Taxonomy.of("only-default", Segment.fallback("everyone")));
        return all;
    }

    /** Multi-clause rules, clauses of several conditions, all four comparisons, two-sided ranges on one feature. */
    static Taxonomy handMade() {
        return Taxonomy.of("hand-made",
                Segment.of("a", new Rule(List.of(
                        List.of(Condition.of(MARGIN, ABOVE, 10), Condition.of(MARGIN, MAX, 100), Condition.of(SATISFACTION, MIN, 0.5)),
                        List.of(Condition.of(COMPLAINTS, MIN, 2), Condition.of(REFERRALS, BELOW, 1)),
                        List.of(Condition.of(TENURE, MAX, 3))))),
                Segment.of("b", Rule.anyOf(Condition.of(MARGIN, BELOW, -5), Condition.of(RECENCY, ABOVE, 6))),
                Segment.of("c", Rule.allOf(Condition.of(VALUE_RANK, MIN, 0.25), Condition.of(VALUE_RANK, BELOW, 0.75),
                        Condition.of(FREQUENCY, MAX, 8), Condition.of(DISCOUNT_SHARE, ABOVE, 0.1))),
                Segment.of("d", new Rule(List.of(
                        List.of(Condition.of(COST_TO_SERVE, MIN, 120)),
                        List.of(Condition.of(MONETARY, ABOVE, 1000), Condition.of(FREQUENCY, BELOW, 2))))),
                Segment.of("e", Rule.allOf(Condition.of(SATISFACTION, MAX, 0.3))),
                Segment.fallback("rest"));
    }

    /**
     * Every step shape in the other positions: a generic (one pass per condition) rule evaluated first, so it starts
     * from the default segment; a generic one-clause rule in the middle; a two-clause rule with a one-condition
     * clause (a condition used twice) as the highest priority, so it writes the output.
     */
    static Taxonomy mixedShapes() {
        return Taxonomy.of("mixed",
                Segment.of("p", new Rule(List.of(
                        List.of(Condition.of(MARGIN, ABOVE, -1), Condition.of(SATISFACTION, BELOW, 0.9)),
                        List.of(Condition.of(COMPLAINTS, MIN, 1))))),
                Segment.of("q", Rule.allOf(Condition.of(FREQUENCY, MIN, 2), Condition.of(FREQUENCY, MAX, 9), Condition.of(RECENCY, BELOW, 4))),
                Segment.of("r", Rule.anyOf(Condition.of(VALUE_RANK, ABOVE, 0.9), Condition.of(TENURE, MIN, 100), Condition.of(MONETARY, BELOW, 10))),
                Segment.fallback("rest"));
    }

    /** Thresholds of +0 and -0 with every comparison: -0 and +0 are equal, NaN passes none. */
    static Taxonomy zeroThresholds() {
        return Taxonomy.of("zeros",
                Segment.of("pos", Rule.allOf(Condition.of(MARGIN, ABOVE, 0.0))),
                Segment.of("neg", Rule.allOf(Condition.of(MARGIN, BELOW, -0.0))),
                Segment.of("zero-min", Rule.allOf(Condition.of(MARGIN, MIN, -0.0), Condition.of(MONETARY, MAX, 0.0))),
                Segment.of("zero-max", Rule.allOf(Condition.of(MARGIN, MAX, 0.0), Condition.of(MONETARY, MIN, 0.0))),
                Segment.fallback("nan"));
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        kernels().forEach(k -> taxonomies().forEach(t -> {
            for (int size : SIZES) {
                cases.add(Arguments.of(k, t.name(), size));
            }
        }));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} kernel, {1}, {2} customers")
    @MethodSource("cases")
    void kernelEqualsReferenceOnEdgeValues(KernelFactory factory, String taxonomyName, int size) {
        Taxonomy taxonomy = taxonomy(taxonomyName);
        ClassifierKernel kernel = kernel(factory, taxonomy);
        FeatureTable table = edgeTable(taxonomy, size, SEED + size);
        byte[] out = new byte[size];
        Arrays.fill(out, (byte) -1);

        kernel.classify(columns(table), out, 0, size);

        for (int i = 0; i < size; i++) {
            float[] row = table.row(i);
            assertThat(out[i]).as("customer %d of %d, %s", i, size, Arrays.toString(row)).isEqualTo((byte) taxonomy.classify(row));
        }
    }

    @ParameterizedTest(name = "{0} kernel, {1}")
    @MethodSource("kernelsAndTaxonomies")
    void kernelWritesOnlyItsRange(KernelFactory factory, String taxonomyName) {
        Taxonomy taxonomy = taxonomy(taxonomyName);
        ClassifierKernel kernel = kernel(factory, taxonomy);
        int block = RuleTableClassifier.BLOCK;
        int size = 3 * block + 37;
        FeatureTable table = edgeTable(taxonomy, size, SEED);
        float[][] columns = columns(table);
        // Ranges that start and end off the vector width and off the block length.
        int[][] ranges = {{0, 0}, {5, 5}, {3, 4}, {1, 9}, {13, block + 6}, {block, 2 * block}, {block - 1, 2 * block + 3},
            {block - 25, size}, {0, size - 1}};
        for (int[] range : ranges) {
            byte[] out = new byte[size];
            Arrays.fill(out, (byte) 99);
            kernel.classify(columns, out, range[0], range[1]);
            for (int i = 0; i < size; i++) {
                byte expected = i >= range[0] && i < range[1] ? (byte) taxonomy.classify(table.row(i)) : 99;
                assertThat(out[i]).as("customer %d, range %s", i, Arrays.toString(range)).isEqualTo(expected);
            }
        }
    }

    static Stream<Arguments> kernelsAndTaxonomies() {
        return kernels().flatMap(k -> taxonomies().stream().map(t -> Arguments.of(k, t.name())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("taxonomyNames")
    void kernelsAgreeWithEachOtherAndWithTheClassifier(String taxonomyName) {
        Taxonomy taxonomy = taxonomy(taxonomyName);
        int size = 100_003;
        FeatureTable table = edgeTable(taxonomy, size, SEED ^ 0x5EED);
        RuleProgram program = RuleProgram.of(taxonomy);
        byte[] scalar = new byte[size];
        new ScalarKernel(program).classify(columns(table), scalar, 0, size);
        byte[] viaClassifier = new byte[size];
        RuleTableClassifier.of(taxonomy).classify(table, viaClassifier);
        assertThat(viaClassifier).isEqualTo(scalar);
        Optional<ClassifierKernel> vector = Kernels.vector(program);
        if (vector.isPresent()) {
            byte[] vectorised = new byte[size];
            vector.get().classify(columns(table), vectorised, 0, size);
            assertThat(vectorised).isEqualTo(scalar);
        }
    }

    static Stream<String> taxonomyNames() {
        return taxonomies().stream().map(Taxonomy::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("taxonomyNames")
    void parallelPathEqualsOneThreadForAnyPoolSize(String taxonomyName) {
        Taxonomy taxonomy = taxonomy(taxonomyName);
        // Several chunks and a ragged last one, so the fork/join split and every chunk boundary are exercised.
        int size = 3 * Chunks.CLASSIFIER + 1025;
        FeatureTable table = edgeTable(taxonomy, size, SEED + 7);
        RuleTableClassifier classifier = RuleTableClassifier.of(taxonomy);
        byte[] oneThread = new byte[size];
        classifier.classify(table, oneThread);
        for (int threads : new int[] {1, 2, 3}) {
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                byte[] parallel = new byte[size];
                classifier.classify(table, parallel, pool);
                assertThat(parallel).as("%d threads", threads).isEqualTo(oneThread);
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void defaultKernelIsVectorWhenTheModuleIsPresent() {
        Taxonomy taxonomy = BuiltInTaxonomies.fourTypes();
        boolean vectorUsable = Kernels.vector(RuleProgram.of(taxonomy)).isPresent();
        assertThat(vectorUsable).as("vector kernel without the module").isEqualTo(vectorUsable && Kernels.vectorModulePresent());
        String expected = vectorUsable && !"scalar".equals(System.getProperty(Kernels.PROPERTY)) ? "vector" : "scalar";
        assertThat(RuleTableClassifier.of(taxonomy).kernelName()).isEqualTo(expected);
    }

    @Test
    void comparisonsAreNormalisedExactly() {
        // x > t is x >= nextUp(t), x < t is x <= nextDown(t): check at the extremes of the float range.
        float[] thresholds = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, 1f, -1f, Float.MAX_VALUE, -Float.MAX_VALUE, 0.3f};
        float[] values = {Float.NaN, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, 0f, -0f, Float.MIN_VALUE,
            -Float.MIN_VALUE, 1f, -1f, Math.nextUp(1f), Math.nextDown(1f), Float.MAX_VALUE, -Float.MAX_VALUE, 0.3f,
            Math.nextUp(0.3f), Math.nextDown(0.3f), Float.intBitsToFloat(0xffc00000), Float.intBitsToFloat(0x7f800001)};
        for (float t : thresholds) {
            for (org.segmentlab.model.segment.Comparison c : org.segmentlab.model.segment.Comparison.values()) {
                Taxonomy taxonomy = Taxonomy.of("one", Segment.of("yes", Rule.allOf(new Condition(MARGIN, c, t))), Segment.fallback("no"));
                FeatureTable table = FeatureTable.ofSize(values.length * 8);
                for (int i = 0; i < table.size(); i++) {
                    table.set(MARGIN, i, values[i % values.length]);
                }
                kernels().forEach(factory -> factory.build().apply(RuleProgram.of(taxonomy)).ifPresent(kernel -> {
                    byte[] out = new byte[table.size()];
                    kernel.classify(columns(table), out, 0, table.size());
                    for (int i = 0; i < table.size(); i++) {
                        float x = table.get(MARGIN, i);
                        assertThat(out[i]).as("%s: %s %s %s", kernel.name(), x, c.symbol(), t).isEqualTo((byte) (c.test(x, t) ? 0 : 1));
                    }
                }));
            }
        }
    }

    private static ClassifierKernel kernel(KernelFactory factory, Taxonomy taxonomy) {
        return factory.build().apply(RuleProgram.of(taxonomy)).orElseThrow();
    }

    private static Taxonomy taxonomy(String name) {
        return taxonomies().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private static float[][] columns(FeatureTable table) {
        float[][] columns = new float[Feature.all().size()][];
        for (Feature f : Feature.all()) {
            columns[f.ordinal()] = table.column(f);
        }
        return columns;
    }

    /**
     * A table where about half the values come from a palette of edge values (NaN of both signs, ±0, ±infinity,
     * the extremes of float, every threshold the taxonomy uses and its neighbours) and the rest are random in a
     * range around the thresholds, so every rule both matches and fails often.
     */
    static FeatureTable edgeTable(Taxonomy taxonomy, int size, long seed) {
        List<Float> palette = new ArrayList<>(List.of(Float.NaN, Float.intBitsToFloat(0xffc00000), Float.intBitsToFloat(0x7f800001),
                0f, -0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MAX_VALUE, -Float.MAX_VALUE,
                Float.MIN_VALUE, -Float.MIN_VALUE, 1f, -1f));
        for (Segment s : taxonomy.segments()) {
            s.rule().ifPresent(r -> r.anyOf().forEach(clause -> clause.forEach(c -> {
                palette.add(c.threshold());
                palette.add(Math.nextUp(c.threshold()));
                palette.add(Math.nextDown(c.threshold()));
                palette.add(-c.threshold());
            })));
        }
        SplittableRandom rng = new SplittableRandom(seed);
        FeatureTable table = FeatureTable.ofSize(size);
        for (Feature f : Feature.all()) {
            float[] column = table.column(f);
            for (int i = 0; i < size; i++) {
                column[i] = rng.nextBoolean()
                        ? palette.get(rng.nextInt(palette.size()))
                        : (float) (rng.nextDouble(-2, 2) * Math.pow(10, rng.nextInt(4)));
            }
        }
        return table;
    }
}
