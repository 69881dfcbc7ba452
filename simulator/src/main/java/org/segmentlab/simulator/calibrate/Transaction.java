package org.segmentlab.simulator.calibrate;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One line of a transaction log, parsed and checked.
 *
 * @param customer the customer id as written in the log (trimmed, never empty)
 * @param date     the day of the transaction (a log has no time of day that matters here)
 * @param amount   the money the transaction brought, {@code >= 0} (returns are not supported)
 * @param quantity the number of items, {@code >= 0}, or {@code NaN} when the log has no quantity column
 * @param discount the discount given, {@code >= 0}; any value {@code > 0} marks the transaction as discounted.
 *                 {@code 0} when the log has no discount column (no discount recorded)
 */
public record Transaction(String customer, LocalDate date, double amount, double quantity, double discount) {

    public Transaction {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(date, "date");
        if (customer.isEmpty()) {
            throw new IllegalArgumentException("customer must not be empty");
        }
        if (!(amount >= 0) || Double.isInfinite(amount)) {
            throw new IllegalArgumentException("amount must be a finite number >= 0, got " + amount);
        }
        if (!Double.isNaN(quantity) && (quantity < 0 || Double.isInfinite(quantity))) {
            throw new IllegalArgumentException("quantity must be a finite number >= 0 or NaN, got " + quantity);
        }
        if (!(discount >= 0) || Double.isInfinite(discount)) {
            throw new IllegalArgumentException("discount must be a finite number >= 0, got " + discount);
        }
    }

    /** Whether the transaction was made on discount. */
    public boolean discounted() {
        return discount > 0;
    }
}
