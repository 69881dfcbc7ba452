/**
 * Randomness for reproducible runs: {@link org.segmentlab.simulator.random.RandomStreams} derives independent,
 * seeded streams from one root seed, and {@link org.segmentlab.simulator.random.TraitSamplers} turns a scenario's
 * {@code Distribution} into a sampler built once and rebound to each stream.
 */
package org.segmentlab.simulator.random;
