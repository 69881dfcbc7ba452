package org.segmentlab.simulator.population;

/** A requested size does not fit in the heap; the message says how many would fit and what to change. */
public final class HeapBudgetException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final long requested;
    private final long fitting;

    /** A refusal: {@code message} says what was asked, what fits and what to change. */
    public HeapBudgetException(String message, String field, long requested, long fitting) {
        super(message);
        this.field = field;
        this.requested = requested;
        this.fitting = fitting;
    }

    /** The scenario path(s) the message starts with, e.g. {@code market.potential}: the value to lower. */
    public String field() {
        return field;
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
