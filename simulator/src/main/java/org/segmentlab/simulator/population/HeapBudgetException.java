package org.segmentlab.simulator.population;

/** A requested size does not fit in the heap; the message says how many would fit and what to change. */
public final class HeapBudgetException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final long requested;
    private final long fitting;

    HeapBudgetException(String message, long requested, long fitting) {
        super(message);
        this.requested = requested;
        this.fitting = fitting;
    }

    /** The number of customers asked for. */
    public long requested() {
        return requested;
    }

    /** The largest number of customers that fits. */
    public long fitting() {
        return fitting;
    }
}
