package org.segmentlab.simulator.engine;

/** A customer's relationship with the business, stored as a byte per customer. */
final class CustomerStatus {
    static final byte ACTIVE = 0;
    static final byte CHURNED = 1;
    static final byte TERMINATED = 2;
    /** Dropped out after a purchase this month (BG/NBD dropout); becomes CHURNED in the churn stage. */
    static final byte LEAVING = 3;
    /** Terminated, and tells others about it: a detractor for a while after the termination month. */
    static final byte TERMINATED_DETRACTOR = 4;

    private CustomerStatus() {
    }
}
