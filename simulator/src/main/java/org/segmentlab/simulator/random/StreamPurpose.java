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
    /** Customers acquired during a run: who is acquired, their archetypes and traits. */
    ACQUISITION(2),
    /** Scheduled events: which customers an event touches. */
    EVENTS(3),
    /** Customers acquired by referral during a run: how many, their archetypes and traits. */
    REFERRALS(4);

    private final int code;

    StreamPurpose(int code) {
        this.code = code;
    }

    /** The stable number mixed into the stream seed. */
    public int code() {
        return code;
    }
}
