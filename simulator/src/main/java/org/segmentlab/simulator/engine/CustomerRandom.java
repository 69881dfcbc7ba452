package org.segmentlab.simulator.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.segmentlab.simulator.random.SplitMix64;

/**
 * Counter-based random numbers for the engine: the draws of one customer, in one month, for one purpose, come
 * from a SplitMix64 sequence ({@link SplitMix64#mix}, the one mixing function) whose start is a hash of (seed,
 * replication, month, customer) plus the purpose's salt, derived from its stable {@link Purpose#code() code}. No draw
 * depends on any other customer's draws or on how many
 * draws another purpose made, so:
 * <ul>
 * <li>results are identical for any thread count and chunking;</li>
 * <li>two strategies draw the same numbers for the same customer and purpose (common random numbers):
 *     a strategy that changes nothing reproduces the baseline exactly, and differences come from the strategy.</li>
 * </ul>
 * SplitMix64 is the generator of the JDK's {@code SplittableRandom}; one draw is one 64-bit mix (a few ns).
 * An instance is a mutable cursor reused across customers (one per worker thread): {@link #reset} positions it.
 */
public final class CustomerRandom implements UniformRandomProvider {
    /** The golden-ratio increment of SplitMix64. */
    static final long GAMMA = SplitMix64.GOLDEN_GAMMA;

    private long state;

    /** Positions this cursor at the start of the sequence for a (month key, customer, purpose). */
    public CustomerRandom reset(long monthKey, int customer, Purpose purpose) {
        return resetAt(customerBase(monthKey, customer), purpose);
    }

    /**
     * The part of a (month key, customer, purpose) position that does not depend on the purpose: a loop drawing
     * for several purposes of one customer hashes it once and positions with {@link #resetAt} (the same sequences).
     */
    static long customerBase(long monthKey, int customer) {
        return mix64(monthKey + (customer + 1L) * GAMMA);
    }

    /** Positions this cursor as {@link #reset} does, from {@link #customerBase}. */
    CustomerRandom resetAt(long customerBase, Purpose purpose) {
        state = customerBase + purpose.salt;
        return this;
    }

    /**
     * The first uniform of the sequence at a position: {@code resetAt(customerBase, purpose).nextDouble()}, without a
     * cursor ({@link UniformKernel} draws a chunk's at once).
     */
    static double firstDouble(long customerBase, Purpose purpose) {
        return (mix64(customerBase + purpose.salt + GAMMA) >>> 11) * 0x1.0p-53;
    }

    /** The key of one (seed, replication, month): everything a month's draws share. */
    public static long monthKey(long seed, int replication, int month) {
        long h = mix64(seed ^ 0x5E6D4C3B2A190817L);
        h = mix64(h + (replication + 1L) * GAMMA);
        return mix64(h + (month + 1_000_003L) * 0xD1B54A32D192ED03L);
    }

    @Override
    public long nextLong() {
        state += GAMMA;
        return mix64(state);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** The one mixing function, {@link SplitMix64#mix} (this name is kept for the engine's callers). */
    static long mix64(long z) {
        return SplitMix64.mix(z);
    }

    /**
     * What a customer's draws are for; each purpose has its own independent sequence, started by a salt derived
     * from the purpose's {@link #code() code}.
     *
     * <p>The codes are part of the reproducibility contract: every saved (scenario, seed) depends on them. A code is
     * never changed and never reused, even after its purpose is removed; a new purpose takes the next free code
     * (today 17), wherever it is listed. Constants may be reordered or renamed freely: only the code reaches the salt.
     * {@code StreamCodesTest} pins every code, salt and a few draws.
     */
    public enum Purpose {
        EVENT(1), LEAKAGE(2), PURCHASES(3), BASKETS(4), SERVICE(5), COMPLAINTS(6), RECOVERY(7), REFERRAL(8), CHURN(9),
        DROPOUT(10), SURVEY(11), VOICE(12), SERVICE_FEE(13), TERMINATION(14), WIN_BACK_OPEN(15), WIN_BACK(16);

        private final int code;
        private final long salt;

        Purpose(int code) {
            this.code = code;
            this.salt = saltOf(code);
        }

        /** The stable number this purpose's salt is derived from. */
        public int code() {
            return code;
        }

        /** What {@link #resetAt} adds to a customer's base position: a SplitMix64 mix of the code. */
        long salt() {
            return salt;
        }

        /** The salt of a code: the codes 1, 2, … are spread over the 64-bit space by a multiply and a mix. */
        static long saltOf(int code) {
            return mix64(0x243F6A8885A308D3L * code);
        }
    }
}
