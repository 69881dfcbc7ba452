package org.segmentlab.simulator.random;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The generator of a sampler prototype: Commons RNG samplers need a generator when they are built, but prototypes
 * are built once per run, before any stream exists. Drawing from one is a programming error, reported clearly.
 */
enum UnboundRandomProvider implements UniformRandomProvider {
    INSTANCE;

    @Override
    public long nextLong() {
        throw new IllegalStateException("this sampler is a prototype with no generator: bind it with withRng(rng) first");
    }
}
