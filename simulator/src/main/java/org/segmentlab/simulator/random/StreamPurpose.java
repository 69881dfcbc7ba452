package org.segmentlab.simulator.random;

/**
 * What a random stream is used for: one of the three keys (with the replication and an index) from which
 * {@link RandomStreams} derives a stream.
 *
 * <p>Each purpose carries a fixed {@link #code() code}, and the code, not the ordinal or the name, goes into the
 * stream seed. So constants may be added, reordered or renamed without changing any existing stream. To add a
 * purpose, append a constant with a new, never-used code; never change or reuse a code, or every saved seed stops
 * reproducing its results.
 */
public enum StreamPurpose {
    /** The customers present at month 0, one stream per fixed-size chunk of customers. */
    INITIAL_POPULATION(1),
    /** Customers acquired during a run by advertising and imitation: how many, and their archetypes. */
    ACQUISITION(2),
    /** Scheduled events: which customers an event touches. */
    EVENTS(3),
    /** Customers acquired by referral during a run: how many, and their archetypes. */
    REFERRALS(4),
    /**
     * The traits of customers acquired by advertising and imitation, one stream per (month, fixed-size chunk of the
     * month's newcomers), so the chunks are drawn in parallel and the same for any thread count.
     */
    ACQUIRED_TRAITS(5),
    /** The traits of customers acquired by referral, one stream per (month, chunk of them), as {@link #ACQUIRED_TRAITS}. */
    REFERRED_TRAITS(6);

    private final int code;

    StreamPurpose(int code) {
        this.code = code;
    }

    /** The stable number mixed into the stream seed. */
    public int code() {
        return code;
    }
}
