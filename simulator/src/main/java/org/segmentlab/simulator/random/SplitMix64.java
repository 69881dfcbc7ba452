package org.segmentlab.simulator.random;

/**
 * The one 64-bit mixing function of SegmentLab's random streams: every stream derivation (the run streams of
 * {@link RandomStreams}, the engine's per-customer positions, purpose salts and month and event keys, and their draws)
 * calls {@link #mix(long)}, so a change of stream scheme is made here or nowhere.
 *
 * <p>{@code mix} is Stafford's variant 13 of the MurmurHash3 finaliser, the output function of SplitMix64 (the
 * generator of the JDK's {@code SplittableRandom}): a bijection on 64 bits with {@code mix(0) = 0}, whose every output
 * bit depends on every input bit. Part of the reproducibility contract: {@code SplitMix64Test} pins outputs, and
 * changing a constant changes every result produced from a saved seed.
 */
public final class SplitMix64 {

    /** The golden-ratio increment of SplitMix64 (2^64 / φ, odd). */
    public static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private SplitMix64() {
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser, as SplitMix64 uses it: a bijection on 64 bits. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
