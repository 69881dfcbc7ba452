package org.segmentlab.simulator.population;

import java.util.Arrays;
import java.util.Objects;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AliasMethodDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;

/**
 * A distribution over archetype indices (the scenario's shares, or shares reweighted for an acquisition boost),
 * with its alias table built once (O(K)) so that each draw is O(1). Immutable and thread-safe; each stream gets its
 * own bound sampler from {@link #sampler}.
 */
final class ArchetypeMixture {
    /** Archetype indices are stored as bytes. */
    public static final int MAX_ARCHETYPES = Byte.MAX_VALUE + 1;

    private final double[] probabilities;
    private final SharedStateDiscreteSampler prototype;

    private ArchetypeMixture(double[] probabilities) {
        this.probabilities = probabilities;
        // Built on a placeholder generator; every use rebinds it (withUniformRandomProvider shares the table).
        this.prototype = AliasMethodDiscreteSampler.of(PlaceholderRng.INSTANCE, probabilities);
    }

    /**
     * The mixture with probabilities proportional to {@code weights} (non-negative, finite, positive sum; at most
     * {@value #MAX_ARCHETYPES}). An archetype of weight 0 is never drawn.
     *
     * @throws IllegalArgumentException if the weights are not as above
     */
    public static ArchetypeMixture of(double[] weights) {
        Objects.requireNonNull(weights, "weights");
        if (weights.length == 0 || weights.length > MAX_ARCHETYPES) {
            throw new IllegalArgumentException("a mixture needs 1 to " + MAX_ARCHETYPES + " weights, got " + weights.length);
        }
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("weight " + i + " must be finite and >= 0, got " + weights[i]);
            }
            sum += weights[i];
        }
        if (!(sum > 0) || Double.isInfinite(sum)) {
            throw new IllegalArgumentException("weights must have a positive, finite sum, got " + sum + " from "
                    + Arrays.toString(weights));
        }
        double[] p = new double[weights.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = weights[i] / sum;
        }
        return new ArchetypeMixture(p);
    }

    /**
     * This mixture with archetype {@code i}'s probability multiplied by {@code multipliers[i]} and renormalised, e.g.
     * for a treatment that hunts a rare archetype. Build it once per change of multipliers, not per draw.
     *
     * @throws IllegalArgumentException if there is not one multiplier per archetype, or the result has no mass
     */
    public ArchetypeMixture reweighted(double[] multipliers) {
        Objects.requireNonNull(multipliers, "multipliers");
        if (multipliers.length != probabilities.length) {
            throw new IllegalArgumentException("need one multiplier per archetype (" + probabilities.length + "), got "
                    + multipliers.length);
        }
        double[] w = new double[probabilities.length];
        for (int i = 0; i < w.length; i++) {
            if (!(multipliers[i] >= 0) || Double.isInfinite(multipliers[i])) {
                throw new IllegalArgumentException("multiplier " + i + " must be finite and >= 0, got " + multipliers[i]);
            }
            w[i] = probabilities[i] * multipliers[i];
        }
        return of(w);
    }

    /** The number of archetypes. */
    public int size() {
        return probabilities.length;
    }

    /** The probability of archetype {@code i}. */
    public double probability(int i) {
        return probabilities[i];
    }

    /** The probabilities (a copy). */
    public double[] probabilities() {
        return probabilities.clone();
    }

    /** A sampler of archetype indices drawing from {@code rng} (one per stream; shares this mixture's table). */
    public SharedStateDiscreteSampler sampler(UniformRandomProvider rng) {
        return prototype.withUniformRandomProvider(Objects.requireNonNull(rng, "rng"));
    }

    /** One archetype index drawn from {@code rng}. For many draws, bind a {@link #sampler} once. */
    public int sample(UniformRandomProvider rng) {
        return sampler(rng).sample();
    }

    @Override
    public String toString() {
        return "ArchetypeMixture" + Arrays.toString(probabilities);
    }

    /** The generator a prototype table is built with; never drawn from. */
    private enum PlaceholderRng implements UniformRandomProvider {
        INSTANCE;

        @Override
        public long nextLong() {
            throw new IllegalStateException("the mixture's prototype sampler has no generator; use sampler(rng)");
        }
    }
}
