package org.segmentlab.simulator.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.segmentlab.simulator.scenario.Distribution;

/**
 * Draws values of one scenario {@link Distribution}. Built once per run by {@link TraitSamplers#of(Distribution)}
 * with every table and constant precomputed, then bound to each stream with {@link #withRng} (which shares those
 * tables), in the manner of Commons RNG's {@code SharedStateSampler}.
 *
 * <p>A sampler is not thread-safe: it draws from the one generator it is bound to. Give each task its own bound copy.
 */
public interface TraitSampler {

    /**
     * The next value.
     *
     * @throws IllegalStateException if this sampler was never bound to a generator (see {@link TraitSamplers#of})
     */
    double sample();

    /** A sampler of the same distribution, sharing this one's precomputed tables, that draws from {@code rng}. */
    TraitSampler withRng(UniformRandomProvider rng);

    /** The distribution sampled. */
    Distribution distribution();
}
