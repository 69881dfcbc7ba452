package org.segmentlab.simulator.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.segmentlab.model.Chunks;
import org.segmentlab.simulator.random.DistributionFit;
import org.segmentlab.simulator.random.RandomStreams;
import org.segmentlab.simulator.random.StreamPurpose;
import org.segmentlab.simulator.scenario.Archetype;
import org.segmentlab.simulator.scenario.Distribution;
import org.segmentlab.simulator.scenario.Scenario;
import org.segmentlab.simulator.scenario.Trait;

/**
 * The generated population follows the scenario and is reproducible. Seeds are fixed, so every test is
 * deterministic; each statistical test states the chance it would fail for a correct generator under an arbitrary
 * seed (its false-failure rate).
 */
class PopulationGeneratorTest {
    private static final int LARGE = 100_000;
    private static PopulationGenerator generator;
    private static Population large;

    @BeforeAll
    static void generateOnce() {
        generator = PopulationGenerator.of(TestScenarios.scenario(LARGE));
        large = generator.initial(RandomStreams.of(7), 0, 2);
    }

    /**
     * The float columns of the first version, in the documented draw order: the pinned digest hashes these (dropout,
     * added later, is checked on its own).
     */
    private static final List<Trait> TRAITS = List.of(Trait.PURCHASE_RATE, Trait.SPEND, Trait.CHURN,
            Trait.PRICE_SENSITIVITY, Trait.ADVOCACY, Trait.SERVICE_DEMAND, Trait.SATISFACTION, Trait.BAD_EXPERIENCE);

    @Test
    void everyTraitOfEveryArchetypeFollowsItsDistribution() {
        // One goodness-of-fit test per (archetype, random trait): KS for continuous, chi-square for discrete, on the
        // rows of that archetype (10 000 to 45 000 each). Bonferroni: each test at alpha = 0.001 / m, so the whole
        // test fails for a correct generator with probability at most 0.001. Constants must be exact.
        List<Archetype> archetypes = TestScenarios.fourTypes();
        int m = 0;
        for (Archetype a : archetypes) {
            for (Trait trait : TRAITS) {
                m += a.distribution(trait) instanceof Distribution.Constant ? 0 : 1;
            }
        }
        double alpha = 0.001 / m;
        List<String> failures = new ArrayList<>();
        for (int k = 0; k < archetypes.size(); k++) {
            Archetype a = archetypes.get(k);
            for (Trait trait : TRAITS) {
                double[] x = rowsOf(large, k, large.column(trait));
                Distribution d = a.distribution(trait);
                if (d instanceof Distribution.Constant c) {
                    for (double v : x) {
                        assertThat(v).as("%s.%s", a.name(), trait.key()).isEqualTo((float) c.value());
                    }
                    continue;
                }
                double p = DistributionFit.isContinuous(d) ? DistributionFit.ksPValue(d, x) : DistributionFit.chiSquarePValue(d, x);
                if (p <= alpha) {
                    failures.add(a.name() + "." + trait.key() + " ~ " + d + ": p = " + p + " (n = " + x.length + ")");
                }
            }
        }
        assertThat(failures).as("traits that do not follow their distribution at family alpha 0.001").isEmpty();
    }

    private static double[] rowsOf(Population p, int archetype, float[] column) {
        double[] out = new double[p.size()];
        int n = 0;
        byte[] arch = p.archetype();
        for (int i = 0; i < p.size(); i++) {
            if (arch[i] == archetype) {
                out[n++] = column[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    @Test
    void archetypeSharesAndRepAttachmentAreWithinBinomialTolerance() {
        // |p̂ − p| ≤ 4.5·√(p(1 − p)/n): each check fails for a correct generator with probability 6.8·10^-6;
        // 4 shares + 4 attachment rates: at most 5.4·10^-5 for the test.
        List<Archetype> archetypes = TestScenarios.fourTypes();
        long[] count = new long[archetypes.size()];
        long[] attached = new long[archetypes.size()];
        for (int i = 0; i < large.size(); i++) {
            count[large.archetype()[i]]++;
            attached[large.archetype()[i]] += large.repAttached()[i] ? 1 : 0;
        }
        assertThat(large.size()).isEqualTo(LARGE);
        for (int k = 0; k < archetypes.size(); k++) {
            Archetype a = archetypes.get(k);
            assertWithinBinomial(a.name() + " share", count[k], LARGE, a.share());
            assertWithinBinomial(a.name() + " repAttached", attached[k], count[k], a.repAttached());
        }
    }

    static void assertWithinBinomial(String what, long successes, long n, double p) {
        double tolerance = 4.5 * Math.sqrt(p * (1 - p) / n);
        assertThat((double) successes / n).as(what).isCloseTo(p, org.assertj.core.data.Offset.offset(tolerance));
    }

    @Test
    void theSameSeedGivesTheSamePopulationForAnyNumberOfThreads() {
        // 12 full chunks and a partial one. Deterministic.
        PopulationGenerator g = PopulationGenerator.of(TestScenarios.scenario(12 * Chunks.POPULATION + 1234));
        Population one = g.initial(RandomStreams.of(99), 3, 1);
        for (int threads : new int[] {2, 3, 4, 64}) {
            assertIdentical(one, g.initial(RandomStreams.of(99), 3, threads));
        }
    }

    static void assertIdentical(Population expected, Population actual) {
        assertThat(actual.size()).isEqualTo(expected.size());
        int n = expected.size();
        assertArrayEquals(Arrays.copyOf(expected.archetype(), n), Arrays.copyOf(actual.archetype(), n), "archetype");
        for (Trait trait : TRAITS) {
            assertArrayEquals(Arrays.copyOf(expected.column(trait), n), Arrays.copyOf(actual.column(trait), n), trait.key());
        }
        assertArrayEquals(Arrays.copyOf(expected.repAttached(), n), Arrays.copyOf(actual.repAttached(), n), "repAttached");
    }

    @Test
    void replicationsAndSeedsGiveDifferentPopulations() {
        // Deterministic; equal columns by chance would need 5000 equal draws.
        PopulationGenerator g = PopulationGenerator.of(TestScenarios.scenario(5000));
        Population base = g.initial(RandomStreams.of(1), 0, 1);
        for (Population other : List.of(g.initial(RandomStreams.of(1), 1, 1), g.initial(RandomStreams.of(2), 0, 1))) {
            assertThat(other.archetype()).isNotEqualTo(base.archetype());
            for (Trait trait : TRAITS) {
                if (!trait.equals("badExperience")) { // constant for one archetype, few values for another
                    assertThat(other.column(trait)).as(trait.key()).isNotEqualTo(base.column(trait));
                }
            }
            assertThat(other.repAttached()).isNotEqualTo(base.repAttached());
        }
    }

    @Test
    void theInitialPopulationIsChunksOfArchetypesThenTraitsFromOneStreamEach() {
        // The documented scheme, rebuilt by hand from the public API. Deterministic.
        int n = 2 * Chunks.POPULATION + 100;
        PopulationGenerator g = PopulationGenerator.of(TestScenarios.scenario(n));
        RandomStreams streams = RandomStreams.of(5);
        Population expected = Population.withCapacity(n);
        expected.extend(n);
        for (int c = 0; c * Chunks.POPULATION < n; c++) {
            int from = c * Chunks.POPULATION;
            int to = Math.min(n, from + Chunks.POPULATION);
            UniformRandomProvider rng = streams.stream(4, StreamPurpose.INITIAL_POPULATION, c);
            SharedStateDiscreteSampler archetypes = g.mixture().sampler(rng);
            for (int i = from; i < to; i++) {
                expected.archetype()[i] = (byte) archetypes.sample();
            }
            g.drawTraits(expected, from, to, rng);
        }
        assertIdentical(expected, g.initial(streams, 4, 2));
    }

    @Test
    void drawTraitsIsDeterministicAndIndependentOfHowTheRangeIsSplit() {
        // Deterministic.
        int n = 3000;
        Function<UniformRandomProvider, Population> withArchetypes = rng -> {
            Population p = Population.withCapacity(0);
            p.extend(n);
            for (int i = 0; i < n; i++) {
                p.archetype()[i] = (byte) generator.drawArchetype(rng);
            }
            return p;
        };
        Population once = withArchetypes.apply(rng(11));
        generator.drawTraits(once, 0, n, rng(12));
        Population again = withArchetypes.apply(rng(11));
        generator.drawTraits(again, 0, n, rng(12));
        assertIdentical(once, again);

        Population split = withArchetypes.apply(rng(11));
        UniformRandomProvider rng = rng(12);
        generator.drawTraits(split, 0, 1000, rng);
        generator.drawTraits(split, 1000, 1001, rng);
        generator.drawTraits(split, 1001, 1001, rng);
        generator.drawTraits(split, 1001, n, rng);
        assertIdentical(once, split);

        Population other = withArchetypes.apply(rng(11));
        generator.drawTraits(other, 0, n, rng(13));
        assertThat(other.spend()).isNotEqualTo(once.spend());
    }

    @Test
    void drawCustomersAppendsArchetypesThenTraitsLikeAChunk() {
        // Appending to a population equals a chunk of the initial population drawn with the same generator
        // (archetypes of the new rows, then their traits). Deterministic.
        int n = 1500;
        Population initial = generator.initial(RandomStreams.of(8), 0, 1);
        Population grown = initial.copy();
        int from = generator.drawCustomers(grown, n, generator.mixture(), rng(21));
        assertThat(from).isEqualTo(LARGE);
        assertThat(grown.size()).isEqualTo(LARGE + n);

        Population expected = Population.withCapacity(n);
        expected.extend(n);
        UniformRandomProvider rng = rng(21);
        SharedStateDiscreteSampler archetypes = generator.mixture().sampler(rng);
        for (int i = 0; i < n; i++) {
            expected.archetype()[i] = (byte) archetypes.sample();
        }
        generator.drawTraits(expected, 0, n, rng);
        Population appended = Population.withCapacity(n);
        appended.extend(n);
        System.arraycopy(grown.archetype(), from, appended.archetype(), 0, n);
        for (Trait trait : TRAITS) {
            System.arraycopy(grown.column(trait), from, appended.column(trait), 0, n);
        }
        System.arraycopy(grown.repAttached(), from, appended.repAttached(), 0, n);
        assertIdentical(expected, appended);
        // The rows that were there are untouched.
        assertThat(Arrays.copyOf(grown.spend(), LARGE)).containsExactly(Arrays.copyOf(initial.spend(), LARGE));

        // Only the boosted archetype is drawn when it has all the weight.
        int start = generator.drawCustomers(grown, 100, generator.mixture().reweighted(new double[] {0, 0, 0, 1}), rng(22));
        for (int i = start; i < start + 100; i++) {
            assertThat(grown.archetype()[i]).isEqualTo((byte) 3);
        }
        assertThat(generator.drawCustomers(grown, 0, generator.mixture(), rng(23))).isEqualTo(grown.size());
        assertThrows(IllegalArgumentException.class, () -> generator.drawCustomers(grown, -1, generator.mixture(), rng(1)));
        assertThrows(IllegalArgumentException.class,
                () -> generator.drawCustomers(grown, 1, ArchetypeMixture.of(new double[] {1, 1}), rng(1)));
    }

    @Test
    void drawTraitsFillsOnlyTheGivenRows() {
        Population p = Population.withCapacity(10);
        p.extend(10);
        generator.drawTraits(p, 3, 7, rng(1));
        for (int i = 0; i < 10; i++) {
            assertThat(p.spend()[i] > 0).as("row %d", i).isEqualTo(i >= 3 && i < 7);
        }
    }

    @Test
    void theDrawOrderIsPinned() {
        // Saved seeds must keep reproducing: a digest of a small population may only change with a deliberate,
        // announced change of the draw order, the samplers (Commons RNG 1.7) or the stream scheme. Deterministic.
        Population p = PopulationGenerator.of(TestScenarios.scenario(10_000)).initial(RandomStreams.of(42), 0, 1);
        assertThat(digest(p)).isEqualTo(GOLDEN_DIGEST);
    }

    private static final long GOLDEN_DIGEST = -7299685655051615058L;

    static long digest(Population p) {
        int n = p.size();
        long h = Arrays.hashCode(Arrays.copyOf(p.archetype(), n));
        for (Trait trait : TRAITS) {
            h = 31 * h + Arrays.hashCode(Arrays.copyOf(p.column(trait), n));
        }
        return 31 * h + Arrays.hashCode(Arrays.copyOf(p.repAttached(), n));
    }

    @Test
    void probabilitiesAreClampedIntoTheUnitIntervalAndRatesAreNonNegative() {
        // A scenario may give a probability an unbounded distribution; stored values stay valid. With n = 20 000,
        // N(0.9, 0.5) exceeds 1 and N(0.1, 1) falls below 0 thousands of times: deterministic in practice.
        Archetype careless = new Archetype("careless", 1,
                new Distribution.Normal(0.1, 1, -TestScenarios.INF, TestScenarios.INF), new Distribution.LogNormal(3, 1), 0.3,
                new Distribution.Normal(0.9, 0.5, -TestScenarios.INF, TestScenarios.INF), new Distribution.Uniform(0, 1),
                new Distribution.Uniform(0, 1), new Distribution.Normal(-1, 1, -TestScenarios.INF, TestScenarios.INF),
                new Distribution.Normal(0.9, 0.5, -TestScenarios.INF, TestScenarios.INF), new Distribution.Constant(0.5), 1);
        Population p = PopulationGenerator.of(TestScenarios.scenario(20_000, List.of(careless))).initial(RandomStreams.of(3), 0, 1);
        boolean sawOne = false;
        boolean sawZeroRate = false;
        for (int i = 0; i < p.size(); i++) {
            assertThat(p.churn()[i]).isBetween(0f, 1f);
            assertThat(p.satisfaction()[i]).isBetween(0f, 1f);
            assertThat(p.purchaseRate()[i]).isGreaterThanOrEqualTo(0f);
            assertThat(p.serviceDemand()[i]).isGreaterThanOrEqualTo(0f);
            assertThat(p.repAttached()[i]).isTrue();
            sawOne |= p.satisfaction()[i] == 1f;
            sawZeroRate |= p.purchaseRate()[i] == 0f;
        }
        assertThat(sawOne).isTrue();
        assertThat(sawZeroRate).isTrue();
    }

    @Test
    void anEmptyMarketGivesAnEmptyPopulation() {
        assertThat(PopulationGenerator.of(TestScenarios.scenario(0)).initial(RandomStreams.of(1), 0, 4).size()).isZero();
    }

    @Test
    void aPopulationBeyondTheHeapIsRefusedUpFront() {
        PopulationGenerator huge = PopulationGenerator.of(TestScenarios.scenario(Integer.MAX_VALUE - 8));
        assertThatThrownBy(() -> huge.initial(RandomStreams.of(1), 0, 1))
                .isInstanceOf(HeapBudgetException.class)
                .hasMessageStartingWith("market.initialCustomers: 2147483639 customers need ~")
                .hasMessageContaining("raise -Xmx or lower the size");
    }

    @Test
    void archetypesAreDrawnFromTheMixtureOrFromGivenWeights() {
        // Deterministic: weight-0 archetypes are never drawn; one weight is all the mass.
        UniformRandomProvider rng = rng(2);
        for (int i = 0; i < 1000; i++) {
            assertThat(generator.drawArchetype(rng, new double[] {0, 0, 3, 0})).isEqualTo(2);
            assertThat(generator.drawArchetype(rng)).isBetween(0, 3);
        }
        ArchetypeMixture hunt = generator.mixture().reweighted(new double[] {1, 1, 1, 10});
        assertThat(hunt.probability(3)).isCloseTo(1.0 / 1.9, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(generator.mixture(new double[] {1, 1, 1, 1}).probabilities()).containsExactly(0.25, 0.25, 0.25, 0.25);
        assertThrows(IllegalArgumentException.class, () -> generator.mixture(new double[] {1, 1}));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 4, 100})
    void drawTraitsRefusesUnknownArchetypes(int archetype) {
        Population p = Population.withCapacity(2);
        p.extend(2);
        p.archetype()[1] = (byte) archetype;
        assertThatThrownBy(() -> generator.drawTraits(p, 0, 2, rng(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 1 has archetype " + archetype + "; this scenario has 4 (0 to 3)");
    }

    @Test
    void badArgumentsAreRefused() {
        Population p = Population.withCapacity(2);
        p.extend(2);
        assertThrows(IndexOutOfBoundsException.class, () -> generator.drawTraits(p, 1, 3, rng(1)));
        assertThrows(IndexOutOfBoundsException.class, () -> generator.drawTraits(p, 2, 1, rng(1)));
        assertThrows(IllegalArgumentException.class, () -> generator.initial(RandomStreams.of(1), 0, 0));
    }

    @Test
    void invalidScenariosAreRefusedWithThePath() {
        List<Archetype> four = TestScenarios.fourTypes();
        Archetype loyal = four.get(0);
        assertRefused(List.of(), 10, "archetypes: need 1 to 128, got 0");
        assertRefused(List.of(with(loyal, -0.1, loyal.churn(), 0.3)), 10, "archetypes[0].share: must be finite and >= 0, got -0.1");
        assertRefused(List.of(with(loyal, 0, loyal.churn(), 0.3)), 10, "archetypes: the shares must sum to a positive number, got 0.0");
        assertRefused(List.of(loyal, with(loyal, 0.2, new Distribution.Beta(-1, 2), 0.3)), 10,
                "archetypes[1].churn: beta: alpha must be > 0, got -1.0");
        assertRefused(List.of(with(loyal, 1, loyal.churn(), 1.5)), 10, "archetypes[0].repAttached: must be a probability in [0, 1], got 1.5");
        assertRefused(four, -1, "market.initialCustomers: must be >= 0, got -1");
        List<Archetype> tooMany = new ArrayList<>();
        for (int i = 0; i < 129; i++) {
            tooMany.add(loyal);
        }
        assertRefused(tooMany, 10, "archetypes: need 1 to 128, got 129");
    }

    private static Archetype with(Archetype a, double share, Distribution churn, double repAttached) {
        return new Archetype(a.name(), share, a.purchaseRate(), a.spend(), a.basketNoise(), churn, a.priceSensitivity(),
                a.advocacy(), a.serviceDemand(), a.satisfaction(), a.badExperience(), repAttached);
    }

    private static void assertRefused(List<Archetype> archetypes, int customers, String message) {
        Scenario s = TestScenarios.scenario(customers, archetypes);
        assertThatThrownBy(() -> PopulationGenerator.of(s)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    static UniformRandomProvider rng(long seed) {
        return RandomStreams.of(seed).stream(0, StreamPurpose.ACQUISITION, 0);
    }
}
