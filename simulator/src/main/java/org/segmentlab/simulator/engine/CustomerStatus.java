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
    /**
     * Churned, and the once-per-customer draw of who is open to returning said no: never comes back, so the churn
     * stage stops drawing for it (a win-back offer still contacts it, and is paid).
     */
    static final byte CLOSED_TO_RETURN = 5;

    private CustomerStatus() {
    }
}
