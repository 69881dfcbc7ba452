package org.segmentlab.simulator.population;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.segmentlab.model.Chunks;
import org.segmentlab.simulator.random.RandomStreams;
import org.segmentlab.simulator.random.StreamPurpose;
import org.segmentlab.simulator.random.TraitSampler;
import org.segmentlab.simulator.random.TraitSamplers;
import org.segmentlab.simulator.scenario.Archetype;
import org.segmentlab.simulator.scenario.Distribution;
import org.segmentlab.simulator.scenario.Scenario;
import org.segmentlab.simulator.scenario.Trait;

/**
 * Draws customers from a scenario's archetype mixture (docs/model.md). Every sampler (the mixture's alias
 * table, each archetype's trait samplers) is built once, in {@link #of}; drawing only rebinds them to a stream.
 *
 * <h2>The initial population</h2>
 * {@link #initial} fills {@code market.initialCustomers} rows in chunks of {@value Chunks#POPULATION} customers. Chunk
 * {@code c} holds rows {@code [c·POPULATION, min(n, (c+1)·POPULATION))} and draws only from its own stream
 * {@code streams.stream(replication, INITIAL_POPULATION, c)}: first the archetype of each of its rows in row order
 * (from the mixture), then their traits by {@link #drawTraits}. Which thread runs a chunk does not matter, so the
 * population is bit-identical for any number of threads.
 *
 * <h2>Draw order per customer (part of the reproducibility contract)</h2>
 * {@link #drawTraits} visits rows in increasing order and, for each, draws its archetype's {@link Trait}s in their
 * declaration order ({@link Trait#drawn()}), all from the one generator: today purchaseRate, spend, churn,
 * priceSensitivity, advocacy, serviceDemand, satisfaction, badExperience, then one uniform {@code u} for repAttached
 * ({@code u < repAttached}; drawn even when the probability is 0 or 1), then dropout (last, so scenarios without it
 * draw exactly what they drew before it existed; a new trait is appended after it for the same reason). A constant
 * draws nothing; other distributions draw as many uniforms as their sampler needs (rejection samplers a variable
 * number). Hence filling {@code [from, mid)} then {@code [mid, to)}
 * from one generator equals filling {@code [from, to)} at once. {@code basketNoise} belongs to the archetype, not the
 * customer, and is not drawn.
 *
 * <h2>Stored values</h2>
 * Traits are stored as floats (a chance as a boolean). Probabilities ({@link Trait.Kind#PROBABILITY}: churn,
 * priceSensitivity, advocacy, satisfaction, badExperience, dropout) are clamped into [0, 1] and rates and amounts
 * (purchaseRate, spend, serviceDemand) into [0, Float.MAX_VALUE]: a
 * defence against float rounding and against a distribution with unbounded support (a normal for a probability);
 * the scenario loader is where such a choice is refused or warned about.
 *
 * <p>Immutable and thread-safe.
 */
public final class PopulationGenerator {

    private final int initialCustomers;
    private final ArchetypeMixture mixture;
    private final ArchetypeTraits[] traits;

    private PopulationGenerator(int initialCustomers, ArchetypeMixture mixture, ArchetypeTraits[] traits) {
        this.initialCustomers = initialCustomers;
        this.mixture = mixture;
        this.traits = traits;
    }

    /**
     * A generator for the scenario's archetypes and initial customer count; builds every sampler.
     *
     * @throws IllegalArgumentException if there are no archetypes or more than {@value ArchetypeMixture#MAX_ARCHETYPES},
     *                                  a share or repAttached is out of range, or a trait's distribution is invalid
     *                                  (the message starts with the path, e.g. {@code archetypes[2].churn})
     */
    public static PopulationGenerator of(Scenario scenario) {
        Objects.requireNonNull(scenario, "scenario");
        List<Archetype> archetypes = scenario.archetypes();
        if (archetypes.isEmpty() || archetypes.size() > ArchetypeMixture.MAX_ARCHETYPES) {
            throw new IllegalArgumentException("archetypes: need 1 to " + ArchetypeMixture.MAX_ARCHETYPES + ", got "
                    + archetypes.size());
        }
        int initial = scenario.market().initialCustomers();
        if (initial < 0) {
            throw new IllegalArgumentException("market.initialCustomers: must be >= 0, got " + initial);
        }
        double[] shares = new double[archetypes.size()];
        ArchetypeTraits[] traits = new ArchetypeTraits[archetypes.size()];
        for (int k = 0; k < shares.length; k++) {
            Archetype a = archetypes.get(k);
            String path = "archetypes[" + k + "]";
            shares[k] = a.share();
            if (!(a.share() >= 0) || Double.isInfinite(a.share())) {
                throw new IllegalArgumentException(path + ".share: must be finite and >= 0, got " + a.share());
            }
            traits[k] = ArchetypeTraits.of(a, path);
        }
        double total = 0;
        for (double s : shares) {
            total += s;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("archetypes: the shares must sum to a positive number, got " + total);
        }
        return new PopulationGenerator(initial, ArchetypeMixture.of(shares), traits);
    }

    /** The number of archetypes. */
    public int archetypeCount() {
        return traits.length;
    }

    /** The number of customers {@link #initial} draws ({@code market.initialCustomers}). */
    public int initialCustomers() {
        return initialCustomers;
    }

    /** The scenario's archetype mixture (shares normalised to sum to 1). */
    public ArchetypeMixture mixture() {
        return mixture;
    }

    /**
     * A mixture over this scenario's archetypes with probabilities proportional to {@code weights}; build it once per
     * change of weights (e.g. when an acquisition boost starts), then draw from it.
     */
    public ArchetypeMixture mixture(double[] weights) {
        Objects.requireNonNull(weights, "weights");
        if (weights.length != traits.length) {
            throw new IllegalArgumentException("need one weight per archetype (" + traits.length + "), got "
                    + weights.length);
        }
        return ArchetypeMixture.of(weights);
    }

    /**
     * The month-0 customers of one replication: {@code market.initialCustomers} rows with archetype and traits
     * (see the class comment for the streams and the draw order).
     *
     * @param threads threads to draw on (≥ 1); a pool of that size is created for the call and shut down after.
     *                The result does not depend on it.
     * @throws HeapBudgetException if the customers do not fit in the heap
     */
    public Population initial(RandomStreams streams, int replication, int threads) {
        Objects.requireNonNull(streams, "streams");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        int n = initialCustomers;
        HeapBudget.check(n, Population.bytesPerCustomer(), "market.initialCustomers");
        Population population = Population.withCapacity(n);
        population.extend(n);
        int chunks = (int) ((n + (long) Chunks.POPULATION - 1) / Chunks.POPULATION);
        int workers = Math.min(threads, chunks);
        if (workers <= 1) {
            for (int c = 0; c < chunks; c++) {
                fillChunk(population, streams, replication, c);
            }
            return population;
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, daemonThreads(replication));
        try {
            // Workers take chunks in any order; each chunk's result depends only on its own stream.
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> running = new ArrayList<>(workers);
            for (int w = 0; w < workers; w++) {
                running.add(pool.submit(() -> {
                    for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                        fillChunk(population, streams, replication, c);
                    }
                }));
            }
            for (Future<?> f : running) {
                await(f, next, chunks);
            }
        } finally {
            pool.shutdownNow();
        }
        return population;
    }

    private static void await(Future<?> f, AtomicInteger next, int chunks) {
        try {
            f.get();
        } catch (ExecutionException e) {
            next.set(chunks); // stop the other workers after their current chunk
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("population generation failed", cause);
        } catch (InterruptedException e) {
            next.set(chunks);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating the population", e);
        }
    }

    private static ThreadFactory daemonThreads(int replication) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "population-r" + replication + "-" + count.getAndIncrement());
            t.setDaemon(true); // never keeps the JVM alive, even if a caller forgets an exception path
            return t;
        };
    }

    private void fillChunk(Population population, RandomStreams streams, int replication, int chunk) {
        int from = chunk * Chunks.POPULATION;
        int to = (int) Math.min(population.size(), (long) from + Chunks.POPULATION);
        UniformRandomProvider rng = streams.stream(replication, StreamPurpose.INITIAL_POPULATION, chunk);
        SharedStateDiscreteSampler archetypeSampler = mixture.sampler(rng);
        byte[] archetype = population.archetype();
        for (int i = from; i < to; i++) {
            archetype[i] = (byte) archetypeSampler.sample();
        }
        drawTraits(population, from, to, rng);
    }

    /**
     * Appends {@code count} new customers drawn from {@code mixture} with {@code rng} (e.g. a month's acquisitions):
     * extends the population, draws the archetypes of the new rows in row order, then their traits by
     * {@link #drawTraits}, the same scheme as one chunk of {@link #initial}.
     *
     * @return the index of the first new row; the new rows are {@code [returned, returned + count)}
     * @throws IllegalArgumentException if {@code count} is negative or the mixture has a different number of archetypes
     */
    public int drawCustomers(Population population, int count, ArchetypeMixture mixture, UniformRandomProvider rng) {
        Objects.requireNonNull(population, "population");
        Objects.requireNonNull(mixture, "mixture");
        Objects.requireNonNull(rng, "rng");
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        if (mixture.size() != traits.length) {
            throw new IllegalArgumentException("the mixture has " + mixture.size() + " archetypes; this scenario has "
                    + traits.length);
        }
        int from = population.extend(count);
        SharedStateDiscreteSampler archetypeSampler = mixture.sampler(rng);
        byte[] archetype = population.archetype();
        for (int i = from; i < from + count; i++) {
            archetype[i] = (byte) archetypeSampler.sample();
        }
        drawTraits(population, from, from + count, rng);
        return from;
    }

    /** One archetype index from the scenario's mixture. For many draws, bind {@code mixture().sampler(rng)} once. */
    public int drawArchetype(UniformRandomProvider rng) {
        return mixture.sample(rng);
    }

    /**
     * One archetype index with probabilities proportional to {@code weights}. Builds an alias table (O(K)) per call:
     * for repeated draws under the same weights, build {@link #mixture(double[])} once instead.
     */
    public int drawArchetype(UniformRandomProvider rng, double[] weights) {
        return mixture(weights).sample(rng);
    }

    /**
     * Draws the traits of rows {@code [from, to)}, whose archetypes are already set, from {@code rng}, in the order
     * given in the class comment. Used for the initial population and for customers acquired during a run.
     *
     * @throws IndexOutOfBoundsException if the range is not within {@code [0, population.size())}
     * @throws IllegalArgumentException  if a row's archetype is not an index of this scenario's archetypes
     */
    public void drawTraits(Population population, int from, int to, UniformRandomProvider rng) {
        Objects.requireNonNull(population, "population");
        Objects.requireNonNull(rng, "rng");
        Objects.checkFromToIndex(from, to, population.size());
        ArchetypeTraits[] bound = new ArchetypeTraits[traits.length];
        for (int k = 0; k < bound.length; k++) {
            bound[k] = traits[k].withRng(rng);
        }
        byte[] archetype = population.archetype();
        // Per drawn trait, in draw order: whether it is a chance (else a number), whether a probability, its column.
        List<Trait> drawn = Trait.drawn();
        int traitCount = drawn.size();
        boolean[] chance = new boolean[traitCount];
        boolean[] probability = new boolean[traitCount];
        float[][] floats = new float[traitCount][];
        boolean[][] flags = new boolean[traitCount][];
        for (int j = 0; j < traitCount; j++) {
            Trait trait = drawn.get(j);
            chance[j] = trait.form() == Trait.Form.CHANCE;
            probability[j] = trait.kind() == Trait.Kind.PROBABILITY;
            if (chance[j]) {
                flags[j] = population.flags(trait);
            } else {
                floats[j] = population.column(trait);
            }
        }
        for (int i = from; i < to; i++) {
            int k = archetype[i];
            if (k < 0 || k >= bound.length) {
                throw new IllegalArgumentException("row " + i + " has archetype " + k + "; this scenario has "
                        + bound.length + " (0 to " + (bound.length - 1) + ")");
            }
            ArchetypeTraits t = bound[k];
            // The declaration order of the traits is the documented per-customer draw order: never reorder.
            for (int j = 0; j < traitCount; j++) {
                if (chance[j]) {
                    flags[j][i] = rng.nextDouble() < t.chances[j];
                } else if (t.constant[j]) {
                    // A constant draws nothing: its stored value, without the sampler call.
                    floats[j][i] = t.constantValue[j];
                } else {
                    double x = t.samplers[j].sample();
                    floats[j][i] = probability[j] ? probability(x) : amount(x);
                }
            }
        }
    }

    /** Into [0, 1]; NaN (never produced by a valid sampler) becomes 0. */
    private static float probability(double x) {
        return x > 0 ? (x < 1 ? (float) x : 1f) : 0f;
    }

    /** Into [0, Float.MAX_VALUE]; NaN becomes 0. */
    private static float amount(double x) {
        return x > 0 ? (float) Math.min(x, Float.MAX_VALUE) : 0f;
    }

    /**
     * One archetype's trait samplers: prototypes in the generator, bound copies while drawing. By position in
     * {@link Trait#drawn()}: a sampler for a {@link Trait.Form#DRAWN} trait, a probability for a
     * {@link Trait.Form#CHANCE} one.
     */
    private static final class ArchetypeTraits {
        final TraitSampler[] samplers;
        final double[] chances;
        /** Whether the trait is a constant, and then the value stored (as a draw of it would store it). */
        final boolean[] constant;
        final float[] constantValue;

        private ArchetypeTraits(TraitSampler[] samplers, double[] chances, boolean[] constant, float[] constantValue) {
            this.samplers = samplers;
            this.chances = chances;
            this.constant = constant;
            this.constantValue = constantValue;
        }

        static ArchetypeTraits of(Archetype a, String path) {
            List<Trait> drawn = Trait.drawn();
            TraitSampler[] samplers = new TraitSampler[drawn.size()];
            double[] chances = new double[drawn.size()];
            boolean[] constant = new boolean[drawn.size()];
            float[] constantValue = new float[drawn.size()];
            for (int j = 0; j < samplers.length; j++) {
                Trait trait = drawn.get(j);
                String at = path + "." + trait.key();
                if (trait.form() == Trait.Form.CHANCE) {
                    double p = a.value(trait);
                    if (!(p >= 0 && p <= 1)) {
                        throw new IllegalArgumentException(at + ": must be a probability in [0, 1], got " + p);
                    }
                    chances[j] = p;
                } else {
                    samplers[j] = sampler(a.distribution(trait), at);
                    if (a.distribution(trait) instanceof Distribution.Constant c) {
                        constant[j] = true;
                        constantValue[j] = trait.kind() == Trait.Kind.PROBABILITY ? probability(c.value()) : amount(c.value());
                    }
                }
            }
            return new ArchetypeTraits(samplers, chances, constant, constantValue);
        }

        private static TraitSampler sampler(Distribution d, String path) {
            try {
                return TraitSamplers.of(d);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
            }
        }

        ArchetypeTraits withRng(UniformRandomProvider rng) {
            TraitSampler[] bound = new TraitSampler[samplers.length];
            for (int j = 0; j < bound.length; j++) {
                bound[j] = samplers[j] == null ? null : samplers[j].withRng(rng);
            }
            return new ArchetypeTraits(bound, chances, constant, constantValue);
        }
    }
}
