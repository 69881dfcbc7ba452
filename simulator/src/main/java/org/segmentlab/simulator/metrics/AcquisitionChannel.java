package org.segmentlab.simulator.metrics;

/**
 * How a customer came to the business (docs/model.md, stage 6): the order is the index of
 * {@link RunDetail#channelCustomers()} and the other per-channel arrays.
 */
public enum AcquisitionChannel {
    /** A customer at month 0. */
    INITIAL("initial"),
    /** Advertising: the standing innovation p and a strategy's campaign. */
    ADVERTISING("advertising"),
    /** Imitation: people who hear of the business from its customers in general (Bass q). */
    IMITATION("imitation"),
    /** A referral a promoter made that converted. */
    REFERRAL("referral"),
    /** An ex-customer who came back. */
    WIN_BACK("win-back");

    private final String label;

    AcquisitionChannel(String label) {
        this.label = label;
    }

    /** The name in tables and charts. */
    public String label() {
        return label;
    }
}
