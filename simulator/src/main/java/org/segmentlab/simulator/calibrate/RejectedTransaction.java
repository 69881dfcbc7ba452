package org.segmentlab.simulator.calibrate;

import java.util.Objects;

/**
 * Thrown by a transaction sink that cannot take a well-formed transaction, e.g. because a customer's amounts would
 * add up past {@link TransactionLogReader#MAX_CUSTOMER_TOTAL}. The {@link TransactionLogReader} reports it at the
 * line and column of the field at fault, like any bad value (and skips it with {@code --skip-bad}); the sink must
 * leave its state unchanged when it throws. Cheap: no stack trace.
 */
public final class RejectedTransaction extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final LogField field;

    /** @param message what is wrong and what is allowed, without the field's name (the reader prefixes it) */
    public RejectedTransaction(LogField field, String message) {
        super(message, null, false, false);
        this.field = Objects.requireNonNull(field, "field");
    }

    /** The field whose value the sink refused. */
    public LogField field() {
        return field;
    }
}
